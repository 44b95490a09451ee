// The top-level scanner of exchange files (exchange_scanner.h): finds each element inside
// the root without building a document, and checks what lies between them.
#include "exchange_scanner.h"

#include "base/error.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <algorithm>
#include <cstdio>

namespace fidelis::exchange {
namespace {

constexpr std::size_t block = std::size_t(1) << 20;  // read size, and the slack kept before compacting
constexpr std::string_view expected_root = "fidelis-exchange";

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_name(char c) { return is_whitespace(c) || c == '/' || c == '>'; }

int characters(std::string_view s) {  // UTF-8 code points, as columns count them
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string end_mismatch() { return tr(N_("malformed XML: end tag does not match its start tag")); }

}  // namespace

Scanner::Scanner(std::istream& in, std::string file_label) : in_(in), file_(std::move(file_label)) {}

bool Scanner::more() {
    if (eof_) return false;
    const std::size_t old = buf_.size();
    buf_.resize(old + block);
    in_.read(&buf_[old], static_cast<std::streamsize>(block));
    const std::size_t got = static_cast<std::size_t>(in_.gcount());
    buf_.resize(old + got);
    if (in_.bad()) throw Error(format(tr(N_("Cannot read {1}.")), {file_}));
    if (!in_) eof_ = true;
    return got > 0;
}

bool Scanner::ensure(std::size_t end) {
    while (buf_.size() < end && more()) {
    }
    return buf_.size() >= end;
}

std::size_t Scanner::find(std::string_view what, std::size_t from) {
    std::size_t start = from;
    while (true) {
        const std::size_t at = std::string_view(buf_).find(what, start);
        if (at != std::string_view::npos) return at;
        // A match may straddle the old end and the next block.
        start = std::max(from, buf_.size() + 1 > what.size() ? buf_.size() + 1 - what.size() : 0);
        if (!more()) return std::string_view::npos;
    }
}

std::size_t Scanner::tag_end(std::size_t i, bool* broken) {
    char quote = 0;
    while (true) {
        for (; i < buf_.size(); ++i) {
            const char c = buf_[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                *broken = true;  // the element ends here; its parse says what is wrong
                return i;
            }
        }
        if (!more()) return std::string_view::npos;
    }
}

std::size_t Scanner::skip_markup(std::size_t lt) {
    ensure(lt + 9);
    const std::string_view at = std::string_view(buf_).substr(lt, 9);
    std::size_t e;
    if (at.rfind("<!--", 0) == 0) {
        e = find("-->", lt + 4);
        return e == std::string_view::npos ? e : e + 3;
    }
    if (at.rfind("<![CDATA[", 0) == 0) {
        e = find("]]>", lt + 9);
        return e == std::string_view::npos ? e : e + 3;
    }
    if (at.rfind("<?", 0) == 0) {
        e = find("?>", lt + 2);
        return e == std::string_view::npos ? e : e + 2;
    }
    e = find(">", lt + 2);
    return e == std::string_view::npos ? e : e + 1;
}

std::size_t Scanner::element_end(std::size_t start) {
    std::size_t i = start;
    int depth = 0;
    while (true) {
        const std::size_t lt = i == start ? start : find("<", i);
        if (lt == std::string_view::npos || !ensure(lt + 2)) return std::string_view::npos;
        const char c = buf_[lt + 1];
        if (c == '!' || c == '?') {
            i = skip_markup(lt);
            if (i == std::string_view::npos) return i;
            continue;
        }
        bool broken = false;
        const std::size_t e = tag_end(lt + 1, &broken);
        if (e == std::string_view::npos || broken) return e;
        i = e + 1;
        if (c == '/') {
            if (--depth <= 0) return i;
        } else if (buf_[e - 1] != '/') {
            ++depth;
        } else if (depth == 0) {
            return i;
        }
    }
}

bool Scanner::advance(std::size_t to, bool validate) {
    if (to <= tracked_) return true;
    const std::string_view s(buf_.data() + tracked_, to - tracked_);
    if (validate) {
        if (const std::size_t bad = utf8::find_invalid(s); bad != utf8::npos) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s[bad]));
            fail(tracked_ + bad, format(tr(N_("invalid UTF-8 (byte {1}); save the file as UTF-8")), {hex}));
            return false;
        }
    }
    if (const std::size_t nl = s.rfind('\n'); nl == std::string_view::npos) {
        column_ += characters(s);
    } else {
        line_ += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
        column_ = 1 + characters(s.substr(nl + 1));
    }
    tracked_ = to;
    return true;
}

void Scanner::fail(std::size_t at, std::string message) {
    advance(at, false);
    if (!fatal_) fatal_ = Diagnostic{file_, line_, column_, std::move(message)};
}

void Scanner::compact() {
    if (tracked_ < block || pos_ < tracked_) return;
    buf_.erase(0, tracked_);
    pos_ -= tracked_;
    tracked_ = 0;
}

bool Scanner::non_blank(std::size_t from, std::size_t to) const {
    return std::any_of(buf_.begin() + std::ptrdiff_t(from), buf_.begin() + std::ptrdiff_t(to),
                       [](char c) { return !is_whitespace(c); });
}

Diagnostic Scanner::moved_to(const Element& element, Diagnostic d) {
    if (d.line == 1) d.column += element.column - 1;
    d.line += element.line - 1;
    return d;
}

bool Scanner::root(Element& out) {
    bool content = false;  // anything but whitespace before the root
    while (true) {
        const std::size_t lt = find("<", pos_);
        const std::size_t text_end = lt == std::string_view::npos ? buf_.size() : lt;
        content = content || non_blank(pos_, text_end);
        pos_ = text_end;
        if (!advance(pos_, true)) return false;
        if (lt == std::string_view::npos) {
            if (!content) {
                fatal_ = Diagnostic{file_, 1, 1, tr(N_("the file is empty"))};
            } else {
                fail(pos_, tr(N_("the file has no root element")));
            }
            return false;
        }
        content = true;
        ensure(lt + 9);
        if (std::string_view(buf_).substr(lt, 9) == "<!DOCTYPE") {
            // Entities are where "billion laughs" and external-file attacks live.
            fail(lt, tr(N_("DOCTYPE declarations are not allowed (entities and DTDs are never read)")));
            return false;
        }
        if (lt + 1 < buf_.size() && (buf_[lt + 1] == '!' || buf_[lt + 1] == '?')) {
            const std::size_t e = skip_markup(lt);
            if (e == std::string_view::npos) {
                fail(lt, tr(N_("malformed XML")));
                return false;
            }
            pos_ = e;
            continue;
        }
        std::size_t name_end = lt + 1;
        while ((name_end < buf_.size() || more()) && !ends_name(buf_[name_end])) ++name_end;
        const std::string name = buf_.substr(lt + 1, name_end - lt - 1);
        if (name.empty() || name[0] == '/') {
            fail(lt, tr(N_("malformed XML: unrecognised tag")));
            return false;
        }
        if (name != expected_root) {
            fail(lt, format(tr(N_("the root element is <{1}>; expected <{2}>")), {name, expected_root}));
            return false;
        }
        bool broken = false;
        const std::size_t e = tag_end(lt + 1, &broken);
        if (e == std::string_view::npos || broken) {
            fail(lt, tr(N_("malformed XML: bad start tag")));
            return false;
        }
        const bool empty = buf_[e - 1] == '/';
        root_name_ = name;
        root_text_ = buf_.substr(lt, e + 1 - lt);
        if (!empty) root_text_ += "</" + name + ">";
        out = Element{root_text_, name, line_, column_};
        pos_ = e + 1;
        if (empty) {
            done_ = true;
            trailing();
        }
        return !fatal_;
    }
}

bool Scanner::element_at(std::size_t lt, Element& out) {
    std::size_t name_end = lt + 1;
    while ((name_end < buf_.size() || more()) && !ends_name(buf_[name_end])) ++name_end;
    if (name_end == lt + 1) {
        fail(lt, tr(N_("malformed XML: unrecognised tag")));
        return false;
    }
    std::size_t end = element_end(lt);
    if (end == std::string_view::npos) end = buf_.size();  // cut short: its parse says where
    out.name = buf_.substr(lt + 1, name_end - lt - 1);
    out.text = std::string_view(buf_).substr(lt, end - lt);
    out.line = line_;
    out.column = column_;
    pos_ = end;
    return true;
}

bool Scanner::next(Element& out) {
    if (fatal_ || done_) return false;
    advance(pos_, false);  // over the element handed out last, which its own parse checked
    compact();
    while (true) {
        const std::size_t lt = find("<", pos_);
        const std::size_t text_end = lt == std::string_view::npos ? buf_.size() : lt;
        if (non_blank(pos_, text_end)) ++stray_texts_;
        pos_ = text_end;
        if (!advance(pos_, true)) return false;
        if (lt == std::string_view::npos || !ensure(lt + 2)) {
            fail(buf_.size(), end_mismatch());
            return false;
        }
        const char c = buf_[lt + 1];
        if (c == '!' || c == '?') {
            ensure(lt + 9);
            const std::string_view at = std::string_view(buf_).substr(lt, 9);
            const bool cdata = at == "<![CDATA[";
            if (!cdata && at.rfind("<!--", 0) != 0 && c != '?') {
                fail(lt, at == "<!DOCTYPE"
                             ? tr(N_("DOCTYPE declarations are not allowed (entities and DTDs are never read)"))
                             : tr(N_("malformed XML: unrecognised tag")));
                return false;
            }
            const std::size_t e = skip_markup(lt);
            if (e == std::string_view::npos) {
                fail(lt, tr(N_("malformed XML")));
                return false;
            }
            if (cdata && non_blank(lt + 9, e - 3)) ++stray_texts_;
            pos_ = e;
            continue;
        }
        if (c == '/') {
            bool broken = false;
            const std::size_t e = tag_end(lt + 2, &broken);
            std::size_t name_end = e;
            while (e != std::string_view::npos && name_end > lt + 2 && is_whitespace(buf_[name_end - 1])) --name_end;
            if (e == std::string_view::npos || broken || buf_.compare(lt + 2, name_end - lt - 2, root_name_) != 0) {
                fail(lt, end_mismatch());
                return false;
            }
            pos_ = e + 1;
            done_ = true;
            trailing();
            return false;
        }
        return element_at(lt, out);
    }
}

void Scanner::trailing() {
    // Whitespace, comments and processing instructions may follow the root; text is
    // ignored, as a parse of the whole document does.
    while (true) {
        const std::size_t lt = find("<", pos_);
        pos_ = lt == std::string_view::npos ? buf_.size() : lt;
        if (!advance(pos_, true) || lt == std::string_view::npos) return;
        ensure(lt + 9);
        const std::string_view at = std::string_view(buf_).substr(lt, 9);
        if (at == "<!DOCTYPE") {
            fail(lt, tr(N_("DOCTYPE declarations are not allowed (entities and DTDs are never read)")));
            return;
        }
        if (at.size() > 1 && (at[1] == '!' || at[1] == '?')) {
            const std::size_t e = skip_markup(lt);
            if (e == std::string_view::npos) return fail(lt, tr(N_("malformed XML")));
            pos_ = e;
            continue;
        }
        std::size_t name_end = lt + 1;
        while ((name_end < buf_.size() || more()) && !ends_name(buf_[name_end])) ++name_end;
        const std::string name = buf_.substr(lt + 1, name_end - lt - 1);
        if (name.empty() || name[0] == '/') return fail(lt, tr(N_("malformed XML: unrecognised tag")));
        return fail(lt, format(tr(N_("more than one root element: <{1}> follows <{2}>")), {name, root_name_}));
    }
}

}  // namespace fidelis::exchange
