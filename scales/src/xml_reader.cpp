#include "scales/xml_reader.h"

#include "base/i18n.h"
#include "scales/scale.h"
#include "base/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace fidelis {
namespace {

std::string parse_status_message(pugi::xml_parse_status status) {
    switch (status) {
    case pugi::status_unrecognized_tag: return tr(N_("malformed XML: unrecognised tag"));
    case pugi::status_bad_pi: return tr(N_("malformed XML: bad processing instruction"));
    case pugi::status_bad_comment: return tr(N_("malformed XML: bad comment"));
    case pugi::status_bad_cdata: return tr(N_("malformed XML: bad CDATA section"));
    case pugi::status_bad_doctype: return tr(N_("malformed XML: bad DOCTYPE"));
    case pugi::status_bad_pcdata: return tr(N_("malformed XML: bad character data"));
    case pugi::status_bad_start_element: return tr(N_("malformed XML: bad start tag"));
    case pugi::status_bad_attribute: return tr(N_("malformed XML: bad attribute"));
    case pugi::status_bad_end_element: return tr(N_("malformed XML: bad end tag"));
    case pugi::status_end_element_mismatch: return tr(N_("malformed XML: end tag does not match its start tag"));
    case pugi::status_no_document_element: return tr(N_("the file has no root element"));
    case pugi::status_out_of_memory: return tr(N_("the file is too large to read"));
    default: return tr(N_("malformed XML"));
    }
}

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

XmlReader::XmlReader(std::string_view text, std::string file_label) : text_(text), file_(std::move(file_label)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

int XmlReader::line_of(std::size_t offset, int* column) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    const std::size_t start = *it;
    *column = 1 + static_cast<int>(utf8::length(text_.substr(start, offset - start)));
    return static_cast<int>(it - line_starts_.begin()) + 1;
}

std::size_t XmlReader::offset_of(pugi::xml_node node) const {
    const std::ptrdiff_t off = node.offset_debug();
    if (off < 0) return 0;
    // Element offsets point at the name; the '<' before it is where an editor should land.
    return node.type() == pugi::node_element && off > 0 ? std::size_t(off - 1) : std::size_t(off);
}

void XmlReader::error_at_offset(std::size_t offset, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.line = line_of(offset, &d.column);
    d.message = std::move(message);
    problems_.push_back(std::move(d));
}

void XmlReader::error(pugi::xml_node at, std::string message) { error_at_offset(offset_of(at), std::move(message)); }

bool XmlReader::parse(const char* expected_root) {
    std::size_t content = 0;
    while (content < text_.size() && is_whitespace(text_[content])) ++content;
    if (content == text_.size()) {
        error_at_offset(0, tr(N_("the file is empty")));
        return false;
    }
    if (const std::size_t bad = utf8::find_invalid(text_); bad != utf8::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text_[bad]));
        error_at_offset(bad, format(tr(N_("invalid UTF-8 (byte {1}); save the file as UTF-8")), {hex}));
        return false;
    }
    const unsigned options = pugi::parse_default | pugi::parse_doctype;
    const pugi::xml_parse_result result =
        doc_.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
    if (!result) {
        error_at_offset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)),
                        parse_status_message(result.status));
        return false;
    }
    int roots = 0;
    for (pugi::xml_node n : doc_.children()) {
        if (n.type() == pugi::node_doctype) {
            // Entities are where "billion laughs" and external-file attacks live; refusing the
            // DOCTYPE outright means no entity is ever expanded or fetched.
            const std::size_t at = text_.rfind("<!DOCTYPE", offset_of(n));
            error_at_offset(at == std::string_view::npos ? offset_of(n) : at,
                            tr(N_("DOCTYPE declarations are not allowed (entities and DTDs are never read)")));
            return false;
        }
        if (n.type() != pugi::node_element) continue;
        if (++roots == 1) {
            root_ = n;
        } else {
            error(n, format(tr(N_("more than one root element: <{1}> follows <{2}>")), {n.name(), root_.name()}));
            return false;
        }
    }
    if (std::strcmp(root_.name(), expected_root) != 0) {
        error(root_, format(tr(N_("the root element is <{1}>; expected <{2}>")), {root_.name(), expected_root}));
        return false;
    }
    return true;
}

void XmlReader::check_shape(pugi::xml_node node, std::initializer_list<const char*> children,
                            std::initializer_list<const char*> attributes, bool holds_text) {
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string name = a.name();
        if (name == "xmlns" || name.rfind("xmlns:", 0) == 0 || name.rfind("xsi:", 0) == 0) continue;
        const bool ok = std::any_of(attributes.begin(), attributes.end(), [&](const char* n) { return name == n; });
        if (!ok) error(node, format(tr(N_("unknown attribute \"{1}\" on <{2}>")), {name, node.name()}));
    }
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            if (holds_text) continue;
            const std::string_view v = c.value();
            if (std::any_of(v.begin(), v.end(), [](char ch) { return !is_whitespace(ch); }))
                error(node, format(tr(N_("<{1}> may not contain text directly")), {node.name()}));
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        const bool ok = std::any_of(children.begin(), children.end(),
                                    [&](const char* n) { return std::strcmp(c.name(), n) == 0; });
        if (!ok) error(c, format(tr(N_("unknown element <{1}> in <{2}>")), {c.name(), node.name()}));
    }
}

std::optional<std::string> XmlReader::required(pugi::xml_node node, const char* attribute) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a || !*a.value()) {
        error(node, format(tr(N_("<{1}> needs the attribute \"{2}\"")), {node.name(), attribute}));
        return std::nullopt;
    }
    return std::string(a.value());
}

std::optional<double> XmlReader::number(pugi::xml_node node, const char* attribute) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return std::nullopt;
    const std::string_view v = a.value();
    double out = 0;
    const auto res = std::from_chars(v.data(), v.data() + v.size(), out);
    if (res.ec != std::errc() || res.ptr != v.data() + v.size() || !std::isfinite(out)) {
        error(node, format(tr(N_("\"{1}\" is not a number in attribute \"{2}\" (use a point for decimals)")),
                           {v, attribute}));
        return std::nullopt;
    }
    return out;
}

std::optional<std::int64_t> XmlReader::integer(pugi::xml_node node, const char* attribute, std::int64_t min,
                                               std::int64_t max) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return std::nullopt;
    const std::string_view v = a.value();
    std::int64_t out = 0;
    const auto res = std::from_chars(v.data(), v.data() + v.size(), out);
    if (res.ec == std::errc::result_out_of_range || (res.ec == std::errc() && res.ptr == v.data() + v.size() &&
                                                     (out < min || out > max))) {
        error(node, format(tr(N_("{1} is out of range in attribute \"{2}\" ({3} to {4})")),
                           {v, attribute, std::to_string(min), std::to_string(max)}));
        return std::nullopt;
    }
    if (res.ec != std::errc() || res.ptr != v.data() + v.size()) {
        error(node, format(tr(N_("\"{1}\" is not a whole number in attribute \"{2}\"")), {v, attribute}));
        return std::nullopt;
    }
    return out;
}

std::optional<bool> XmlReader::boolean(pugi::xml_node node, const char* attribute) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return std::nullopt;
    const std::string_view v = a.value();
    if (v == "true") return true;
    if (v == "false") return false;
    error(node, format(tr(N_("attribute \"{1}\" must be true or false, not \"{2}\"")), {attribute, v}));
    return std::nullopt;
}

std::string XmlReader::text(pugi::xml_node node) {
    std::string raw;
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            raw += c.value();
        } else if (c.type() == pugi::node_element) {
            error(c, format(tr(N_("<{1}> may only contain text, not <{2}>")), {node.name(), c.name()}));
        }
    }
    std::string out;
    int newlines = 0;
    bool pending_space = false;
    for (char ch : raw) {
        if (is_whitespace(ch)) {
            if (ch == '\n') ++newlines;
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty()) out += newlines >= 2 ? "\n" : " ";
        pending_space = false;
        newlines = 0;
        out += ch;
    }
    return out;
}

LocalText XmlReader::local_text(pugi::xml_node parent, const char* name, const std::vector<std::string>& languages,
                                bool required_text) {
    LocalText out;
    bool any = false;
    for (pugi::xml_node n : parent.children(name)) {
        any = true;
        check_shape(n, {}, {"lang"}, true);
        const auto lang = required(n, "lang");
        if (!lang) continue;
        if (std::find(languages.begin(), languages.end(), *lang) == languages.end()) {
            error(n, format(tr(N_("language \"{1}\" is not declared in the scale's languages")), {*lang}));
            continue;
        }
        if (out.has(*lang)) {
            error(n, format(tr(N_("<{1}> appears twice for language \"{2}\"")), {name, *lang}));
            continue;
        }
        std::string value = text(n);
        if (value.empty()) error(n, format(tr(N_("<{1}> is empty")), {name}));
        out.set(*lang, std::move(value));
    }
    if (!any && !required_text) return out;
    std::string owner = parent.name();
    if (const char* id = parent.attribute("id").value(); *id) owner += std::string(" id=\"") + id + "\"";
    else if (const char* level = parent.attribute("level").value(); *level) owner += std::string(" level=\"") + level + "\"";
    for (const auto& lang : languages) {
        if (!out.has(lang))
            error(parent, format(tr(N_("<{1}> has no <{2}> in language \"{3}\"")), {owner, name, lang}));
    }
    return out;
}

}  // namespace fidelis
