#include "reports/pdf.h"

#include "bidi.h"
#include "embedded_font.h"
#include "glyph_fallback.h"
#include "base/date.h"
#include "base/atomic_file.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/utf8.h"

#include <hpdf.h>
// The catalog is not reachable through hpdf.h; the document language (/Lang), the viewer
// preferences, page labels and the structure tree need it. The page's content stream
// (hpdf_pages.h) takes the marked-content operators libharu has no call for.
#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

namespace fidelis::pdf {


struct Document::Impl {
    // Freed here rather than in ~Document, so that a constructor that throws (a damaged
    // font) leaves nothing behind.
    ~Impl() {
        if (pdf) HPDF_Free(pdf);
    }
    HPDF_Doc pdf = nullptr;
    std::unique_ptr<EmbeddedFont> regular;
    std::unique_ptr<EmbeddedFont> bold;
    // Errors land here from libharu's callback; check() turns them into exceptions.
    HPDF_STATUS error = 0;
    HPDF_STATUS detail = 0;
    HPDF_ExtGState translucent = nullptr;
    double translucent_alpha = -1;

    EmbeddedFont& font(Weight w) const { return w == Weight::Bold ? *bold : *regular; }
    // One line as drawn: its characters from left to right, and which of them are marks
    // standing for clusters the font lacks (their positions in `glyphs`, and the clusters).
    struct Line {
        std::u32string glyphs;
        std::vector<Replacement> marks;
    };
    Line shape(std::string_view text, Weight weight) const;
    // Width in points of text already as drawn (Document::drawn).
    double width(std::string_view drawn, double size, Weight weight) const;

    // Navigation: the last bookmark of each level, the parents of the next ones.
    std::vector<HPDF_Outline> outline_levels;
    std::size_t bookmarks = 0;
    struct Label {
        PageNumbering style;
        int first_number;
        std::string prefix;
    };
    std::map<std::size_t, Label> labels;

    // Tagged PDF. `open` is the stack of structure elements, the /Document root first.
    struct Element {
        HPDF_Dict dict;
        HPDF_Array kids;
        std::string role;
        HPDF_Page page = nullptr;  // the /Pg of its marked content, set by the first
    };
    bool tagged = false;
    HPDF_Dict struct_root = nullptr;
    std::vector<Element> open;
    // Per page that has marked content: the structure element of each MCID, in order;
    // the page's /StructParents is its index here, the key of the parent tree.
    std::vector<std::vector<HPDF_Dict>> marks;
    std::map<HPDF_Page, std::size_t> marks_of;

    Element new_element(std::string_view role, std::string_view alt, const Element* parent);
    void write_navigation();
    void write_structure();
};

namespace {

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* impl = static_cast<Document::Impl*>(user);
    if (!impl->error) {
        impl->error = error;
        impl->detail = detail;
    }
}

HPDF_Page H(void* handle) { return static_cast<HPDF_Page>(handle); }

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) out += utf8::decode(text, pos);
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) utf8::append(out, c);
    return out;
}

// Valid UTF-8 as code points, control characters out: tabs and line breaks are spaces.
std::u32string sanitized(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::decode(text, pos);
        if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
        out += cp;
    }
    return out;
}

// UTF-16BE with its byte-order mark, PDF's text string encoding for anything beyond
// PDFDocEncoding; characters beyond the BMP as surrogate pairs, which libharu's own UTF-8
// conversion turns into spaces.
std::string utf16be(std::u32string_view text) {
    std::string out = "\xFE\xFF";
    auto unit = [&](std::uint32_t u) {
        out += char(u >> 8);
        out += char(u & 0xFF);
    };
    for (char32_t c : text) {
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(c);
        }
    }
    return out;
}

// A text string object for a dictionary: written <FEFF...>, whatever the document's encoder.
HPDF_Binary text_string(HPDF_MMgr mmgr, std::u32string_view text) {
    const std::string bytes = utf16be(text);
    return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())), HPDF_UINT(bytes.size()));
}

// The same as a hexadecimal string to write into a content stream.
std::string hex_text_string(std::u32string_view text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out = "<";
    for (unsigned char b : utf16be(text)) {
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out + ">";
}

// PDF 1.7, 14.8.4: the standard structure types. Anything else would need a RoleMap.
bool standard_structure_type(std::string_view role) {
    static const char* const types[] = {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
        "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
        "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link",
        "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"};
    for (const char* t : types)
        if (role == t) return true;
    return false;
}

void write_raw(HPDF_Page page, const std::string& operators) {
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page->attr)->stream, operators.c_str());
}

}  // namespace

Document::Document(const std::string& language) : impl_(std::make_unique<Impl>()) {
    impl_->pdf = HPDF_NewEx(on_error, nullptr, nullptr, 0, impl_.get());
    if (!impl_->pdf) throw Error(tr(N_("Not enough memory to create a PDF.")));
    HPDF_SetCompressionMode(impl_->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(impl_->pdf);
    HPDF_SetCurrentEncoder(impl_->pdf, "UTF-8");
    const auto dir = paths::fonts_dir();
    const std::string regular = (dir / "DejaVuSans.ttf").string();
    const std::string bold = (dir / "DejaVuSans-Bold.ttf").string();
    impl_->regular = std::make_unique<EmbeddedFont>(impl_->pdf, regular);
    impl_->bold = std::make_unique<EmbeddedFont>(impl_->pdf, bold);
    check("loading the report font");
    std::string lang = language == "sv" ? "sv-SE" : language == "en" ? "en-GB" : language;
    std::replace(lang.begin(), lang.end(), '_', '-');  // BCP 47, as PDF readers expect
    HPDF_Dict_Add(impl_->pdf->catalog, "Lang", HPDF_String_New(impl_->pdf->mmgr, lang.c_str(), nullptr));
    // The viewer's title bar shows the report's title rather than its file name (PDF/UA
    // asks for it). libharu's HPDF_SetViewerPreference has no flag for it; the dictionary
    // it would create is made here, and the flag added to it.
    HPDF_Dict prefs = HPDF_Dict_New(impl_->pdf->mmgr);
    HPDF_Dict_Add(impl_->pdf->catalog, "ViewerPreferences", prefs);
    HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(impl_->pdf->mmgr, HPDF_TRUE));
    check("setting up the document");
}

Document::~Document() = default;

void Document::check(const char* what) {
    if (!impl_->error) return;
    char code[32];
    std::snprintf(code, sizeof code, "0x%04X/%u", unsigned(impl_->error), unsigned(impl_->detail));
    impl_->error = 0;
    HPDF_ResetError(impl_->pdf);
    throw Error(format(tr(N_("The PDF could not be made (libharu error {1} while {2}).")), {code, what}));
}

Page& Document::add_page(bool landscape) {
    HPDF_Page p = HPDF_AddPage(impl_->pdf);
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    check("adding a page");
    pages_.push_back(std::unique_ptr<Page>(new Page(*this, p, HPDF_Page_GetWidth(p), HPDF_Page_GetHeight(p))));
    return *pages_.back();
}

void Document::set_info(const std::string& title, const std::string& author, const std::string& subject) {
    HPDF_SetInfoAttr(impl_->pdf, HPDF_INFO_TITLE, printable(title).c_str());
    HPDF_SetInfoAttr(impl_->pdf, HPDF_INFO_AUTHOR, printable(author).c_str());
    HPDF_SetInfoAttr(impl_->pdf, HPDF_INFO_SUBJECT, printable(subject).c_str());
    HPDF_SetInfoAttr(impl_->pdf, HPDF_INFO_CREATOR, "Fidelis");
    const std::tm tm = local_time_now();
    HPDF_Date d{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(impl_->pdf, HPDF_INFO_CREATION_DATE, d);
    check("writing the document information");
}

void Document::save(const std::string& path) {
    // The fonts are written now that every character they must hold is known.
    impl_->regular->finish(impl_->pdf);
    impl_->bold->finish(impl_->pdf);
    check("embedding the report font");
    impl_->write_navigation();
    check("writing the bookmarks and page labels");
    impl_->write_structure();
    check("writing the document structure");
    // libharu renders into memory; the bytes then go through the one atomic-write path,
    // which notices a full disk that libharu's own file writer would not.
    HPDF_SaveToStream(impl_->pdf);
    // A second save empties libharu's memory stream but leaves its read pointer in the
    // freed buffer; rewinding puts it at the start of the new bytes.
    HPDF_ResetStream(impl_->pdf);
    check("writing the file");
    AtomicFile file(path_from_utf8(path));
    std::vector<HPDF_BYTE> buffer(64 * 1024);
    for (;;) {
        HPDF_UINT32 n = static_cast<HPDF_UINT32>(buffer.size());
        const HPDF_STATUS rc = HPDF_ReadFromStream(impl_->pdf, buffer.data(), &n);
        file.stream().write(reinterpret_cast<const char*>(buffer.data()), static_cast<std::streamsize>(n));
        if (rc == HPDF_STREAM_EOF) break;
        if (rc != HPDF_OK) {
            HPDF_ResetError(impl_->pdf);
            throw Error(format(tr(N_("Cannot write {1}.")), {path}));
        }
    }
    HPDF_ResetError(impl_->pdf);  // reading to the end leaves HPDF_STREAM_EOF as the error
    file.commit();
}

std::string Document::printable(std::string_view text) const {
    const TrueTypeFont& face = impl_->regular->face();
    return encode(mark_missing(sanitized(text), [&](char32_t c) { return face.covers(c); }));
}

Document::Impl::Line Document::Impl::shape(std::string_view text, Weight weight) const {
    const TrueTypeFont& face = font(weight).face();
    const auto has_glyph = [&](char32_t c) { return face.covers(c); };
    // The order matters: clusters are found in logical order, before reordering could
    // separate an emoji from its modifiers; joiners and marks steer shaping, so they go last.
    std::vector<Replacement> replaced;
    const std::u32string marked = mark_missing(sanitized(text), has_glyph, &replaced);
    std::vector<std::size_t> from;
    const std::u32string visual = bidi::visual(marked, has_glyph, &from);
    Line line;
    line.glyphs.reserve(visual.size());
    for (std::size_t v = 0; v < visual.size(); ++v) {
        if (default_ignorable(visual[v])) continue;
        if (visual[v] == missing_mark) {
            const auto it = std::lower_bound(replaced.begin(), replaced.end(), from[v],
                                             [](const Replacement& r, std::size_t at) { return r.at < at; });
            if (it != replaced.end() && it->at == from[v]) line.marks.push_back({line.glyphs.size(), it->cluster});
        }
        line.glyphs += visual[v];
    }
    return line;
}

std::string Document::drawn(std::string_view text, Weight weight) const {
    return encode(impl_->shape(text, weight).glyphs);
}

double Document::text_width(std::string_view text, double size, Weight weight) {
    return impl_->width(drawn(text, weight), size, weight);
}

double Document::Impl::width(std::string_view drawn, double size, Weight weight) const {
    const TrueTypeFont& face = font(weight).face();
    long units = 0;
    std::size_t pos = 0;
    while (pos < drawn.size()) units += face.width(utf8::decode(drawn, pos));
    return double(units) * size / 1000.0;
}

void Document::add_bookmark(std::string_view title, const Page& page, double y, int level) {
    auto& impl = *impl_;
    const std::size_t depth = std::min<std::size_t>(std::size_t(std::max(level, 0)), impl.outline_levels.size());
    HPDF_Outline parent = depth ? impl.outline_levels[depth - 1] : nullptr;  // nullptr: the root
    // libharu's UTF-8 encoder writes the title as UTF-16 but turns every character beyond
    // the BMP into a space; the title is therefore replaced by our own UTF-16BE string.
    HPDF_Outline outline = HPDF_CreateOutline(impl.pdf, parent, "", nullptr);
    check("adding a bookmark");
    HPDF_Dict_Add(outline, "Title", text_string(impl.pdf->mmgr, sanitized(title)));
    // [page /XYZ left top zoom]: the left edge, the bookmark's height, zoom unchanged (0).
    // libharu's HPDF_Destination_SetXYZ refuses a zoom of 0, so the array is written here.
    HPDF_Destination dest = HPDF_Page_CreateDestination(H(page.handle_));
    check("adding a bookmark");
    HPDF_Array_Clear(dest);
    HPDF_Array_Add(dest, H(page.handle_));
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_AddReal(dest, 0);
    HPDF_Array_AddReal(dest, HPDF_REAL(std::clamp(page.height() - y, 0.0, page.height())));
    HPDF_Array_AddReal(dest, 0);
    HPDF_Outline_SetDestination(outline, dest);
    HPDF_Outline_SetOpened(outline, depth == 0 ? HPDF_TRUE : HPDF_FALSE);
    check("adding a bookmark");
    impl.outline_levels.resize(depth + 1);
    impl.outline_levels[depth] = outline;
    ++impl.bookmarks;
}

std::size_t Document::bookmark_count() const { return impl_->bookmarks; }

void Document::set_page_labels(std::size_t first_page, PageNumbering style, int first_number,
                               std::string_view prefix) {
    impl_->labels[first_page] = {style, std::max(first_number, 1), encode(sanitized(prefix))};
}

// Page labels and the page mode, written on every save from what was asked for.
void Document::Impl::write_navigation() {
    HPDF_SetPageMode(pdf, bookmarks ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
    // A number tree in page order, which a std::map gives; libharu's HPDF_AddPageLabel
    // would write the prefix in the font's encoding rather than as a text string.
    HPDF_Dict_RemoveElement(pdf->catalog, "PageLabels");
    std::map<std::size_t, Label> ranges = labels;
    if (ranges.empty() || ranges.begin()->first != 0) ranges.emplace(0, Label{PageNumbering::Decimal, 1, {}});
    for (const auto& [first, label] : ranges) {
        HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
        static const char* const styles[] = {"D", "R", "r", "A", "a"};
        HPDF_Dict_AddName(dict, "S", styles[int(label.style)]);
        if (label.first_number != 1) HPDF_Dict_AddNumber(dict, "St", label.first_number);
        if (!label.prefix.empty()) HPDF_Dict_Add(dict, "P", text_string(pdf->mmgr, decode(label.prefix)));
        HPDF_Catalog_AddPageLabel(pdf->catalog, HPDF_UINT(first), dict);
    }
}

Document::Impl::Element Document::Impl::new_element(std::string_view role, std::string_view alt, const Element* parent) {
    Element e{HPDF_Dict_New(pdf->mmgr), HPDF_Array_New(pdf->mmgr), std::string(role)};
    if (!e.dict || !e.kids || HPDF_Xref_Add(pdf->xref, e.dict) != HPDF_OK) return e;
    HPDF_Dict_AddName(e.dict, "Type", "StructElem");
    HPDF_Dict_AddName(e.dict, "S", e.role.c_str());
    HPDF_Dict_Add(e.dict, "P", parent ? parent->dict : struct_root);
    HPDF_Dict_Add(e.dict, "K", e.kids);
    if (!alt.empty()) HPDF_Dict_Add(e.dict, "Alt", text_string(pdf->mmgr, sanitized(alt)));
    HPDF_Array_Add(parent ? parent->kids : static_cast<HPDF_Array>(HPDF_Dict_GetItem(struct_root, "K", HPDF_OCLASS_ARRAY)),
                   e.dict);
    return e;
}

void Document::set_tagged(bool tagged) {
    impl_->tagged = tagged;
    if (!tagged || impl_->struct_root) return;
    HPDF_MMgr mmgr = impl_->pdf->mmgr;
    HPDF_Dict root = impl_->struct_root = HPDF_Dict_New(mmgr);
    if (!root || HPDF_Xref_Add(impl_->pdf->xref, root) != HPDF_OK) return check("starting the document structure");
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(root, "K", HPDF_Array_New(mmgr));
    HPDF_Dict_Add(impl_->pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(impl_->pdf->catalog, "MarkInfo", mark_info);
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(mmgr, HPDF_TRUE));
    impl_->open.push_back(impl_->new_element("Document", {}, nullptr));
    check("starting the document structure");
}

bool Document::tagged() const { return impl_->tagged; }

void Document::begin_tag(std::string_view role, std::string_view alt) {
    if (!standard_structure_type(role) || role == "Document")
        throw std::invalid_argument("not a structure type for begin_tag: " + std::string(role));
    if (!impl_->tagged) return;
    impl_->open.push_back(impl_->new_element(role, alt, &impl_->open.back()));
    check("opening a structure element");
}

void Document::end_tag() {
    if (!impl_->tagged) return;
    if (impl_->open.size() < 2) throw std::logic_error("end_tag without begin_tag");
    impl_->open.pop_back();
}

// The parent tree, from each page's MCIDs back to their structure elements, rebuilt on
// every save because more pages may have been drawn since the last.
void Document::Impl::write_structure() {
    if (!struct_root) return;
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Dict tree = HPDF_Dict_New(mmgr);
    HPDF_Array nums = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(struct_root, "ParentTree", tree);
    HPDF_Dict_Add(tree, "Nums", nums);
    for (std::size_t i = 0; i < marks.size(); ++i) {
        HPDF_Array owners = HPDF_Array_New(mmgr);
        HPDF_Array_AddNumber(nums, HPDF_INT32(i));
        HPDF_Array_Add(nums, owners);
        for (HPDF_Dict owner : marks[i]) HPDF_Array_Add(owners, owner);
    }
    HPDF_Dict_AddNumber(struct_root, "ParentTreeNextKey", HPDF_INT32(marks.size()));
}

bool Page::begin_content(Content kind, const std::u32string* logical) {
    auto& impl = *doc_->impl_;
    if (!impl.tagged) return false;
    HPDF_Page p = H(handle_);
    std::string op = "/Artifact BMC\n";
    if (impl.open.size() > 1 && (kind == Content::Text || impl.open.back().role == "Figure")) {
        // A line drawn right to left gets a /Span of its own whose ActualText is the line as
        // typed: assistive technology reading the structure gets the logical order, while
        // text extraction (which reorders what is drawn itself) still sees the glyphs.
        std::optional<Document::Impl::Element> span;
        if (logical) {
            span = impl.new_element("Span", {}, &impl.open.back());
            HPDF_Dict_Add(span->dict, "ActualText", text_string(impl.pdf->mmgr, *logical));
        }
        auto& owner = span ? *span : impl.open.back();
        auto [at, fresh] = impl.marks_of.emplace(p, impl.marks.size());
        if (fresh) {
            impl.marks.emplace_back();
            HPDF_Dict_AddNumber(p, "StructParents", HPDF_INT32(at->second));
        }
        auto& owners = impl.marks[at->second];
        const auto mcid = HPDF_INT32(owners.size());
        owners.push_back(owner.dict);
        if (!owner.page) {
            owner.page = p;
            HPDF_Dict_Add(owner.dict, "Pg", p);
        }
        if (owner.page == p) {
            HPDF_Array_AddNumber(owner.kids, mcid);  // an MCID on the element's own page
        } else {
            HPDF_Dict ref = HPDF_Dict_New(impl.pdf->mmgr);  // on another: a reference to it
            HPDF_Array_Add(owner.kids, ref);
            HPDF_Dict_AddName(ref, "Type", "MCR");
            HPDF_Dict_Add(ref, "Pg", p);
            HPDF_Dict_AddNumber(ref, "MCID", mcid);
        }
        op = "/" + owner.role + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    }
    // Between drawing calls libharu is at page level, where a marked-content sequence
    // may start; it wraps the whole BT ... ET (or q ... Q) of the call.
    write_raw(p, op);
    return true;
}

void Page::end_content(bool opened) {
    if (opened) write_raw(H(handle_), "EMC\n");
}

namespace {

// Shows a line inside a text object, from the current text position. Each mark standing
// for a missing cluster carries the cluster as its ActualText: copied, or read aloud, the
// emoji is still there.
void show(HPDF_Page p, const Document::Impl::Line& line) {
    std::size_t pos = 0;
    for (const Replacement& mark : line.marks) {
        if (mark.at > pos) HPDF_Page_ShowText(p, encode(line.glyphs.substr(pos, mark.at - pos)).c_str());
        write_raw(p, "/Span <</ActualText " + hex_text_string(mark.cluster) + ">> BDC\n");
        HPDF_Page_ShowText(p, encode(line.glyphs.substr(mark.at, 1)).c_str());
        write_raw(p, "EMC\n");
        pos = mark.at + 1;
    }
    if (pos < line.glyphs.size()) HPDF_Page_ShowText(p, encode(line.glyphs.substr(pos)).c_str());
}

}  // namespace

void Page::text(double x, double y, std::string_view s, double size, Weight weight, const Rgb& c, Align align) {
    const Document::Impl::Line line = doc_->impl_->shape(s, weight);
    if (line.glyphs.empty()) return;
    const std::string clean = encode(line.glyphs);
    if (align != Align::Left) {
        const double w = doc_->impl_->width(clean, size, weight);
        x -= align == Align::Centre ? w / 2 : w;
    }
    EmbeddedFont& font = doc_->impl_->font(weight);
    font.note(clean);
    HPDF_Page p = H(handle_);
    const std::u32string logical = doc_->impl_->tagged ? sanitized(s) : std::u32string();
    const bool reordered = bidi::needs_reordering(logical);
    const bool marked = begin_content(Content::Text, reordered ? &logical : nullptr);
    HPDF_Page_SetRGBFill(p, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, font.handle(), HPDF_REAL(size));
    HPDF_Page_MoveTextPos(p, HPDF_REAL(x), HPDF_REAL(height_ - y));
    show(p, line);
    HPDF_Page_EndText(p);
    end_content(marked);
    doc_->check("drawing text");
}

void Page::rotated_text(double x, double y, double degrees, std::string_view s, double size, Weight weight,
                        const Rgb& c, double opacity) {
    const Document::Impl::Line line = doc_->impl_->shape(s, weight);
    if (line.glyphs.empty()) return;
    EmbeddedFont& font = doc_->impl_->font(weight);
    font.note(encode(line.glyphs));
    HPDF_Page p = H(handle_);
    const std::u32string logical = doc_->impl_->tagged ? sanitized(s) : std::u32string();
    const bool reordered = bidi::needs_reordering(logical);
    const bool marked = begin_content(Content::Text, reordered ? &logical : nullptr);
    HPDF_Page_GSave(p);
    if (opacity < 1.0) {
        auto& impl = *doc_->impl_;
        if (!impl.translucent || impl.translucent_alpha != opacity) {
            impl.translucent = HPDF_CreateExtGState(impl.pdf);
            HPDF_ExtGState_SetAlphaFill(impl.translucent, HPDF_REAL(opacity));
            impl.translucent_alpha = opacity;
        }
        HPDF_Page_SetExtGState(p, impl.translucent);
    }
    const double a = degrees * 3.14159265358979 / 180.0;
    HPDF_Page_SetRGBFill(p, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, font.handle(), HPDF_REAL(size));
    HPDF_Page_SetTextMatrix(p, HPDF_REAL(std::cos(a)), HPDF_REAL(std::sin(a)), HPDF_REAL(-std::sin(a)),
                            HPDF_REAL(std::cos(a)), HPDF_REAL(x), HPDF_REAL(height_ - y));
    show(p, line);
    HPDF_Page_EndText(p);
    HPDF_Page_GRestore(p);
    end_content(marked);
    doc_->check("drawing turned text");
}

void Page::rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke, double lw) {
    HPDF_Page p = H(handle_);
    const bool marked = begin_content(Content::Graphics);
    if (fill) HPDF_Page_SetRGBFill(p, HPDF_REAL(fill->r), HPDF_REAL(fill->g), HPDF_REAL(fill->b));
    if (stroke) {
        HPDF_Page_SetRGBStroke(p, HPDF_REAL(stroke->r), HPDF_REAL(stroke->g), HPDF_REAL(stroke->b));
        HPDF_Page_SetLineWidth(p, HPDF_REAL(lw));
    }
    HPDF_Page_Rectangle(p, HPDF_REAL(x), HPDF_REAL(height_ - y - h), HPDF_REAL(w), HPDF_REAL(h));
    if (fill && stroke) HPDF_Page_FillStroke(p);
    else if (fill) HPDF_Page_Fill(p);
    else if (stroke) HPDF_Page_Stroke(p);
    else HPDF_Page_EndPath(p);
    end_content(marked);
    doc_->check("drawing a box");
}

void Page::line(double x1, double y1, double x2, double y2, const Rgb& c, double w, bool dashed) {
    HPDF_Page p = H(handle_);
    const bool marked = begin_content(Content::Graphics);
    HPDF_Page_SetRGBStroke(p, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
    HPDF_Page_SetLineWidth(p, HPDF_REAL(w));
    if (dashed) {
        const HPDF_UINT16 dash[] = {3, 2};
        HPDF_Page_SetDash(p, dash, 2, 0);
    }
    HPDF_Page_MoveTo(p, HPDF_REAL(x1), HPDF_REAL(height_ - y1));
    HPDF_Page_LineTo(p, HPDF_REAL(x2), HPDF_REAL(height_ - y2));
    HPDF_Page_Stroke(p);
    if (dashed) HPDF_Page_SetDash(p, nullptr, 0, 0);
    end_content(marked);
    doc_->check("drawing a line");
}

void Page::circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double lw) {
    HPDF_Page p = H(handle_);
    const bool marked = begin_content(Content::Graphics);
    if (fill) HPDF_Page_SetRGBFill(p, HPDF_REAL(fill->r), HPDF_REAL(fill->g), HPDF_REAL(fill->b));
    if (stroke) {
        HPDF_Page_SetRGBStroke(p, HPDF_REAL(stroke->r), HPDF_REAL(stroke->g), HPDF_REAL(stroke->b));
        HPDF_Page_SetLineWidth(p, HPDF_REAL(lw));
    }
    HPDF_Page_Circle(p, HPDF_REAL(cx), HPDF_REAL(height_ - cy), HPDF_REAL(r));
    if (fill && stroke) HPDF_Page_FillStroke(p);
    else if (fill) HPDF_Page_Fill(p);
    else HPDF_Page_Stroke(p);
    end_content(marked);
    doc_->check("drawing a dot");
}

void Page::polygon(const std::vector<std::pair<double, double>>& pts, const Rgb* fill, const Rgb* stroke) {
    if (pts.size() < 2) return;
    HPDF_Page p = H(handle_);
    const bool marked = begin_content(Content::Graphics);
    if (fill) HPDF_Page_SetRGBFill(p, HPDF_REAL(fill->r), HPDF_REAL(fill->g), HPDF_REAL(fill->b));
    if (stroke) {
        HPDF_Page_SetRGBStroke(p, HPDF_REAL(stroke->r), HPDF_REAL(stroke->g), HPDF_REAL(stroke->b));
        HPDF_Page_SetLineWidth(p, 1.2f);
    }
    HPDF_Page_MoveTo(p, HPDF_REAL(pts[0].first), HPDF_REAL(height_ - pts[0].second));
    for (std::size_t i = 1; i < pts.size(); ++i)
        HPDF_Page_LineTo(p, HPDF_REAL(pts[i].first), HPDF_REAL(height_ - pts[i].second));
    if (fill) {
        HPDF_Page_ClosePath(p);
        if (stroke) HPDF_Page_FillStroke(p);
        else HPDF_Page_Fill(p);
    } else {
        HPDF_Page_Stroke(p);
    }
    end_content(marked);
    doc_->check("drawing a shape");
}

}  // namespace fidelis::pdf
