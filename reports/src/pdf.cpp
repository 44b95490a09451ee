#include "reports/pdf.h"

#include "embedded_font.h"
#include "base/date.h"
#include "base/atomic_file.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/utf8.h"

#include <hpdf.h>
// The catalog is not reachable through hpdf.h; the document language (/Lang) needs it.
#include <hpdf_doc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
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
    // libharu renders into memory; the bytes then go through the one atomic-write path,
    // which notices a full disk that libharu's own file writer would not.
    HPDF_SaveToStream(impl_->pdf);
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
    std::string out;
    out.reserve(text.size());
    const TrueTypeFont& face = impl_->regular->face();
    const bool has_replacement = face.covers(utf8::replacement);
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = utf8::decode(text, pos);
        if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
        if (!face.covers(cp)) cp = has_replacement ? utf8::replacement : '?';
        utf8::append(out, cp);
    }
    return out;
}

double Document::text_width(std::string_view text, double size, Weight weight) {
    const TrueTypeFont& face = impl_->font(weight).face();
    const std::string clean = printable(text);
    long units = 0;
    std::size_t pos = 0;
    while (pos < clean.size()) units += face.width(utf8::decode(clean, pos));
    return double(units) * size / 1000.0;
}

void Page::text(double x, double y, std::string_view s, double size, Weight weight, const Rgb& c, Align align) {
    const std::string clean = doc_->printable(s);
    if (clean.empty()) return;
    if (align != Align::Left) {
        const double w = doc_->text_width(clean, size, weight);
        x -= align == Align::Centre ? w / 2 : w;
    }
    EmbeddedFont& font = doc_->impl_->font(weight);
    font.note(clean);
    HPDF_Page p = H(handle_);
    HPDF_Page_SetRGBFill(p, HPDF_REAL(c.r), HPDF_REAL(c.g), HPDF_REAL(c.b));
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, font.handle(), HPDF_REAL(size));
    HPDF_Page_TextOut(p, HPDF_REAL(x), HPDF_REAL(height_ - y), clean.c_str());
    HPDF_Page_EndText(p);
    doc_->check("drawing text");
}

void Page::rotated_text(double x, double y, double degrees, std::string_view s, double size, Weight weight,
                        const Rgb& c, double opacity) {
    const std::string clean = doc_->printable(s);
    EmbeddedFont& font = doc_->impl_->font(weight);
    font.note(clean);
    HPDF_Page p = H(handle_);
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
    HPDF_Page_ShowText(p, clean.c_str());
    HPDF_Page_EndText(p);
    HPDF_Page_GRestore(p);
    doc_->check("drawing turned text");
}

void Page::rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke, double lw) {
    HPDF_Page p = H(handle_);
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
    doc_->check("drawing a box");
}

void Page::line(double x1, double y1, double x2, double y2, const Rgb& c, double w, bool dashed) {
    HPDF_Page p = H(handle_);
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
    doc_->check("drawing a line");
}

void Page::circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double lw) {
    HPDF_Page p = H(handle_);
    if (fill) HPDF_Page_SetRGBFill(p, HPDF_REAL(fill->r), HPDF_REAL(fill->g), HPDF_REAL(fill->b));
    if (stroke) {
        HPDF_Page_SetRGBStroke(p, HPDF_REAL(stroke->r), HPDF_REAL(stroke->g), HPDF_REAL(stroke->b));
        HPDF_Page_SetLineWidth(p, HPDF_REAL(lw));
    }
    HPDF_Page_Circle(p, HPDF_REAL(cx), HPDF_REAL(height_ - cy), HPDF_REAL(r));
    if (fill && stroke) HPDF_Page_FillStroke(p);
    else if (fill) HPDF_Page_Fill(p);
    else HPDF_Page_Stroke(p);
    doc_->check("drawing a dot");
}

void Page::polygon(const std::vector<std::pair<double, double>>& pts, const Rgb* fill, const Rgb* stroke) {
    if (pts.size() < 2) return;
    HPDF_Page p = H(handle_);
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
    doc_->check("drawing a shape");
}

}  // namespace fidelis::pdf
