#include "scales/scale_loader.h"

#include "definition_values.h"
#include "rule_parser.h"
#include "scale_rules.h"
#include "base/i18n.h"
#include "base/sha256.h"
#include "scales/xml_reader.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace fidelis {
namespace {

class ScaleParser {
public:
    ScaleParser(XmlReader& r, Scale& s) : r_(r), s_(s) {}

    void run() {
        pugi::xml_node root = r_.root();
        r_.check_shape(root,
                       {"title", "abbreviation", "authors", "citation", "provenance", "revision", "rating-scale", "data-sources",
                        "cannot-rate", "section", "scoring"},
                       {"format", "id", "edition", "languages"});
        if (const auto f = r_.required(root, "format"); f && *f != "1")
            r_.error(root, format(tr(N_("format \"{1}\" is not supported; this Fidelis reads format 1")), {*f}));
        if (const auto id = r_.required(root, "id")) {
            s_.id = *id;
            if (!valid_id(s_.id))
                r_.error(root, format(tr(N_("scale id \"{1}\" may only use letters, digits, '-', '_' and '.'")),
                                      {s_.id}));
        }
        if (const auto ed = r_.required(root, "edition")) s_.edition = *ed;
        if (const auto langs = r_.required(root, "languages")) {
            for (const auto& l : split_words(*langs)) {
                if (std::find(s_.languages.begin(), s_.languages.end(), l) != s_.languages.end())
                    r_.error(root, format(tr(N_("language \"{1}\" is listed twice")), {l}));
                else
                    s_.languages.push_back(l);
            }
        }
        if (s_.languages.empty()) return;  // every text check depends on the languages

        s_.title = r_.local_text(root, "title", s_.languages, true);
        s_.abbreviation = plain(root, "abbreviation", false);
        s_.authors = plain(root, "authors", true);
        s_.citation = plain(root, "citation", true);
        s_.provenance = r_.local_text(root, "provenance", s_.languages, true);
        for (pugi::xml_node rv : root.children("revision")) read_revision(rv);
        read_rating_scale(root.child("rating-scale"), root);
        read_sources(root.child("data-sources"));
        if (pugi::xml_node cr = root.child("cannot-rate")) {
            r_.check_shape(cr, {}, {"allowed"});
            cannot_rate_default_ = r_.boolean(cr, "allowed").value_or(true);
        }
        for (pugi::xml_node sec : root.children("section")) read_section(sec);
        if (s_.sections.empty()) r_.error(root, tr(N_("the scale has no <section>")));
        read_scoring(root.child("scoring"), root);
    }

private:
    std::string plain(pugi::xml_node parent, const char* name, bool required_text) {
        pugi::xml_node n = parent.child(name);
        if (!n) {
            if (required_text) r_.error(parent, format(tr(N_("<{1}> is missing <{2}>")), {parent.name(), name}));
            return {};
        }
        r_.check_shape(n, {}, {}, true);
        return r_.text(n);
    }

    void read_revision(pugi::xml_node rv) {
        r_.check_shape(rv, {"note"}, {"date"});
        Revision rev;
        if (const auto d = r_.required(rv, "date")) {
            rev.date = *d;
            const bool ok = (d->size() == 7 || d->size() == 10) && std::all_of(d->begin(), d->end(), [](char c) {
                                return (c >= '0' && c <= '9') || c == '-';
                            }) && (*d)[4] == '-';
            if (!ok) r_.error(rv, format(tr(N_("revision date \"{1}\" is not YYYY-MM or YYYY-MM-DD")), {*d}));
            if (!s_.revisions.empty() && rev.date < s_.revisions.back().date)
                r_.error(rv, tr(N_("revisions must be listed oldest first")));
        }
        rev.note = r_.local_text(rv, "note", s_.languages, true);
        s_.revisions.push_back(std::move(rev));
    }

    void read_rating_scale(pugi::xml_node rs, pugi::xml_node root) {
        if (!rs) {
            r_.error(root, tr(N_("the scale has no <rating-scale>")));
            return;
        }
        r_.check_shape(rs, {"name", "level"}, {});
        s_.rating_scale_name = r_.local_text(rs, "name", s_.languages, true);
        for (pugi::xml_node ln : rs.children("level")) {
            r_.check_shape(ln, {"label", "description"}, {"value"});
            Level level;
            const auto v = r_.integer(ln, "value");
            if (!ln.attribute("value")) r_.required(ln, "value");
            if (!v) continue;
            level.value = static_cast<int>(*v);
            if (s_.level(level.value)) {
                r_.error(ln, format(tr(N_("level {1} is defined twice")), {std::to_string(level.value)}));
                continue;
            }
            level.label = r_.local_text(ln, "label", s_.languages, true);
            level.description = r_.local_text(ln, "description", s_.languages, false);
            s_.levels.push_back(std::move(level));
        }
        std::sort(s_.levels.begin(), s_.levels.end(), [](const Level& a, const Level& b) { return a.value < b.value; });
        if (s_.levels.size() < 2) r_.error(rs, tr(N_("a rating scale needs at least two levels")));
        for (std::size_t i = 1; i < s_.levels.size(); ++i) {
            if (s_.levels[i].value != s_.levels[i - 1].value + 1) {
                r_.error(rs, tr(N_("levels must be consecutive whole numbers")));
                break;
            }
        }
    }

    void read_sources(pugi::xml_node ds) {
        if (!ds) return;
        r_.check_shape(ds, {"source"}, {});
        for (pugi::xml_node sn : ds.children("source")) {
            r_.check_shape(sn, {"name"}, {"code"});
            const auto code = r_.required(sn, "code");
            if (!code) continue;
            if (s_.source(*code)) {
                r_.error(sn, format(tr(N_("data source \"{1}\" is defined twice")), {*code}));
                continue;
            }
            s_.sources.push_back(DataSource{*code, r_.local_text(sn, "name", s_.languages, true)});
        }
    }

    void read_section(pugi::xml_node sec) {
        r_.check_shape(sec, {"name", "description", "item"}, {"id"});
        Section section;
        if (const auto id = r_.required(sec, "id")) section.id = *id;
        if (!section.id.empty() && s_.section(section.id))
            r_.error(sec, format(tr(N_("section id \"{1}\" is used twice")), {section.id}));
        section.name = r_.local_text(sec, "name", s_.languages, true);
        section.description = r_.local_text(sec, "description", s_.languages, false);
        for (pugi::xml_node in : sec.children("item")) {
            Item item = read_item(in);
            item.section_id = section.id;
            if (item.id.empty()) {
                ++dropped_items_;
                continue;
            }
            if (s_.item(item.id)) {
                r_.error(in, format(tr(N_("item id \"{1}\" is used twice")), {item.id}));
                ++dropped_items_;
                continue;
            }
            section.item_ids.push_back(item.id);
            s_.items.push_back(std::move(item));
        }
        if (section.item_ids.empty() && !r_.failed())
            r_.error(sec, format(tr(N_("section \"{1}\" has no items")), {section.id}));
        s_.sections.push_back(std::move(section));
    }

    Item read_item(pugi::xml_node in) {
        r_.check_shape(in, {"name", "description", "guidance", "numeric", "checklist", "rule", "anchor"},
                       {"id", "shape", "basis", "sources", "cannot-rate", "weight"});
        Item item;
        if (const auto id = r_.required(in, "id")) {
            item.id = *id;
            if (!valid_id(item.id))
                r_.error(in, format(tr(N_("item id \"{1}\" may only use letters, digits, '-', '_' and '.'")),
                                    {item.id}));
        }
        item.name = r_.local_text(in, "name", s_.languages, true);
        item.description = r_.local_text(in, "description", s_.languages, true);
        item.guidance = r_.local_text(in, "guidance", s_.languages, false);
        item.cannot_rate_allowed = r_.boolean(in, "cannot-rate").value_or(cannot_rate_default_);
        if (const auto w = r_.integer(in, "weight")) {
            if (*w < 1 || *w > 3) r_.error(in, tr(N_("weight must be 1, 2 or 3")));
            item.weight = static_cast<int>(*w);
        }
        for (const auto& code : split_words(in.attribute("sources").value())) {
            if (!s_.source(code))
                r_.error(in, format(tr(N_("data source \"{1}\" is not defined in <data-sources>")), {code}));
            item.sources.push_back(code);
        }
        read_shape(in, item);
        read_anchors(in, item);
        return item;
    }

    void read_shape(pugi::xml_node in, Item& item) {
        const auto shape = r_.required(in, "shape");
        bool wants_numeric = false;
        bool wants_checklist = false;
        const std::string basis = in.attribute("basis").value();
        if (shape) {
            if (*shape == "descriptive") item.shape = ItemShape::Descriptive;
            else if (*shape == "numeric") { item.shape = ItemShape::Numeric; wants_numeric = true; }
            else if (*shape == "checklist") { item.shape = ItemShape::Checklist; wants_checklist = true; }
            else if (*shape == "per-specialist") item.shape = ItemShape::PerSpecialist;
            else if (*shape == "rule") item.shape = ItemShape::Rule;
            else r_.error(in, format(tr(N_("unknown item shape \"{1}\"; use descriptive, numeric, checklist, "
                                           "per-specialist or rule")), {*shape}));
        }
        if (item.shape == ItemShape::PerSpecialist) {
            if (basis == "numeric") { item.basis = SpecialistBasis::Numeric; wants_numeric = true; }
            else if (basis == "descriptive") item.basis = SpecialistBasis::Descriptive;
            else r_.error(in, tr(N_("a per-specialist item needs basis=\"descriptive\" or basis=\"numeric\"")));
        } else if (!basis.empty()) {
            r_.error(in, tr(N_("\"basis\" applies only to per-specialist items")));
        }
        pugi::xml_node num = in.child("numeric");
        pugi::xml_node chk = in.child("checklist");
        if (wants_numeric && !num) r_.error(in, format(tr(N_("item {1} needs a <numeric> rule")), {item.id}));
        if (!wants_numeric && num) r_.error(num, tr(N_("<numeric> is only allowed on numeric items")));
        if (wants_checklist && !chk) r_.error(in, format(tr(N_("item {1} needs a <checklist>")), {item.id}));
        if (!wants_checklist && chk) r_.error(chk, tr(N_("<checklist> is only allowed on checklist items")));
        pugi::xml_node rule = in.child("rule");
        if (item.shape == ItemShape::Rule && !rule) r_.error(in, format(tr(N_("item {1} needs a <rule>")), {item.id}));
        if (item.shape != ItemShape::Rule && rule) r_.error(rule, tr(N_("<rule> is only allowed on rule items")));
        if (item.shape == ItemShape::Rule && rule) item.rule = read_rule(r_, rule, s_, item.id);
        if (wants_numeric && num) item.numeric = read_numeric(num);
        if (wants_checklist && chk) item.checklist = read_checklist(chk);
    }

    NumericRule read_numeric(pugi::xml_node num) {
        r_.check_shape(num, {"unit", "range"}, {"decimals"});
        NumericRule rule;
        rule.unit = r_.local_text(num, "unit", s_.languages, false);
        rule.decimals = static_cast<int>(r_.integer(num, "decimals", 0, 6).value_or(0));
        if (rule.decimals < 0 || rule.decimals > 4) r_.error(num, tr(N_("decimals must be between 0 and 4")));
        std::vector<pugi::xml_node> nodes;
        for (pugi::xml_node rn : num.children("range")) {
            r_.check_shape(rn, {}, {"level", "min", "max"});
            NumericRange range;
            range.level = level_attribute(rn);
            range.min = r_.number(rn, "min");
            range.max = r_.number(rn, "max");
            if (!rn.attribute("min") && !rn.attribute("max"))
                r_.error(rn, tr(N_("a <range> needs min, max or both")));
            if (range.min && range.max && *range.min > *range.max)
                r_.error(rn, tr(N_("the range's min is greater than its max")));
            rule.ranges.push_back(range);
            nodes.push_back(rn);
        }
        if (rule.ranges.empty()) r_.error(num, tr(N_("<numeric> has no <range>")));
        else check_numeric_ranges(r_, rule, nodes);
        return rule;
    }

    ChecklistRule read_checklist(pugi::xml_node chk) {
        r_.check_shape(chk, {"component", "count"}, {});
        ChecklistRule rule;
        for (pugi::xml_node cn : chk.children("component")) {
            r_.check_shape(cn, {"text"}, {"id"});
            ChecklistComponent c;
            if (const auto id = r_.required(cn, "id")) c.id = *id;
            for (const auto& other : rule.components)
                if (!c.id.empty() && other.id == c.id)
                    r_.error(cn, format(tr(N_("component id \"{1}\" is used twice")), {c.id}));
            c.text = r_.local_text(cn, "text", s_.languages, true);
            rule.components.push_back(std::move(c));
        }
        if (rule.components.empty()) r_.error(chk, tr(N_("<checklist> has no <component>")));
        std::vector<pugi::xml_node> nodes;
        for (pugi::xml_node cn : chk.children("count")) {
            r_.check_shape(cn, {}, {"level", "min", "max"});
            CountRange c;
            c.level = level_attribute(cn);
            const auto mn = r_.integer(cn, "min");
            const auto mx = r_.integer(cn, "max");
            if (!mn) r_.required(cn, "min");
            if (!mx) r_.required(cn, "max");
            c.min = static_cast<int>(mn.value_or(0));
            c.max = static_cast<int>(mx.value_or(0));
            rule.counts.push_back(c);
            nodes.push_back(cn);
        }
        check_count_ranges(r_, rule, nodes, chk);
        return rule;
    }

    void read_anchors(pugi::xml_node in, Item& item) {
        for (pugi::xml_node an : in.children("anchor")) {
            r_.check_shape(an, {"text"}, {"level"});
            Anchor a;
            a.level = level_attribute(an);
            if (a.level == 0) continue;
            if (item.anchor(a.level)) {
                r_.error(an, format(tr(N_("level {1} has two anchors")), {std::to_string(a.level)}));
                continue;
            }
            a.text = r_.local_text(an, "text", s_.languages, true);
            item.anchors.push_back(std::move(a));
        }
        const bool levels_describe_themselves =
            !s_.levels.empty() &&
            std::all_of(s_.levels.begin(), s_.levels.end(), [](const Level& l) { return !l.description.empty(); });
        if (item.anchors.empty() && levels_describe_themselves) return;
        for (const Level& l : s_.levels) {
            if (!item.anchor(l.value))
                r_.error(in, format(tr(N_("item {1}: level {2} has no anchor")), {item.id, std::to_string(l.value)}));
        }
        std::sort(item.anchors.begin(), item.anchors.end(),
                  [](const Anchor& a, const Anchor& b) { return a.level < b.level; });
    }

    int level_attribute(pugi::xml_node n) { return fidelis::level_attribute(r_, s_, n); }

    void read_scoring(pugi::xml_node sc, pugi::xml_node root) {
        if (!sc) {
            r_.error(root, tr(N_("the scale has no <scoring>")));
            return;
        }
        r_.check_shape(sc, {"band"}, {"total", "decimals"});
        const auto total = r_.required(sc, "total");
        if (total && *total == "sum") s_.scoring.mode = TotalMode::Sum;
        else if (total && *total == "mean") s_.scoring.mode = TotalMode::Mean;
        else if (total) r_.error(sc, format(tr(N_("total must be \"sum\" or \"mean\", not \"{1}\"")), {*total}));
        s_.scoring.decimals = static_cast<int>(r_.integer(sc, "decimals", 0, 6).value_or(0));
        if (s_.scoring.decimals < 0 || s_.scoring.decimals > 3)
            r_.error(sc, tr(N_("decimals must be between 0 and 3")));
        std::vector<pugi::xml_node> nodes;
        for (pugi::xml_node bn : sc.children("band")) {
            r_.check_shape(bn, {"label"}, {"id", "min", "max", "colour"});
            Band b;
            if (const auto id = r_.required(bn, "id")) b.id = *id;
            const auto mn = r_.number(bn, "min");
            const auto mx = r_.number(bn, "max");
            if (!bn.attribute("min")) r_.required(bn, "min");
            if (!bn.attribute("max")) r_.required(bn, "max");
            b.min = mn.value_or(0);
            b.max = mx.value_or(0);
            b.colour = bn.attribute("colour").value();
            if (!b.colour.empty() && !valid_colour(b.colour))
                r_.error(bn, format(tr(N_("colour \"{1}\" is not of the form #rrggbb")), {b.colour}));
            b.label = r_.local_text(bn, "label", s_.languages, true);
            s_.scoring.bands.push_back(std::move(b));
            nodes.push_back(bn);
        }
        if (!s_.scoring.bands.empty() && !s_.items.empty() && s_.levels.size() >= 2)
            check_bands(r_, s_, s_.items.size() + dropped_items_, nodes, sc);
    }

    static bool valid_colour(const std::string& c) {
        return c.size() == 7 && c[0] == '#' &&
               std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
    }

    XmlReader& r_;
    Scale& s_;
    bool cannot_rate_default_ = true;
    std::size_t dropped_items_ = 0;
};

Diagnostic too_large(const std::string& label) {
    return Diagnostic{label, 1, 1, tr(N_("the file is larger than 4 MB; a scale definition is far smaller"))};
}

}  // namespace

std::string normalise_definition_text(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out += text[i];
    }
    return out;
}

ScaleLoadResult parse_scale(std::string_view raw, const std::string& file_label) {
    ScaleLoadResult result;
    if (raw.size() > max_scale_file_size) {
        result.problems.push_back(too_large(file_label));
        return result;
    }
    const std::string text = normalise_definition_text(raw);
    XmlReader reader(text, file_label);
    if (!reader.parse("scale")) {
        result.problems = reader.problems();
        return result;
    }
    auto scale = std::make_shared<Scale>();
    ScaleParser(reader, *scale).run();
    if (reader.failed()) {
        result.problems = reader.problems();
        return result;
    }
    scale->content_hash = sha256_hex(text);
    scale->xml = text;
    result.scale = std::move(scale);
    return result;
}

ScaleLoadResult load_scale_file(const std::filesystem::path& file) {
    const std::string label = file.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        return {nullptr, {Diagnostic{label, 1, 1, format(tr(N_("cannot read the file: {1}")), {ec.message()})}}};
    }
    if (size > max_scale_file_size) return {nullptr, {too_large(label)}};
    std::ifstream in(file, std::ios::binary);
    if (!in) return {nullptr, {Diagnostic{label, 1, 1, tr(N_("cannot read the file"))}}};
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_scale(text, label);
}

}  // namespace fidelis
