#pragma once
// The yardstick of issue 16: "a bare libharu program drawing the same pages". The pages
// of a report Fidelis wrote are read back from its content streams (after qpdf has
// decompressed them) and drawn again through libharu alone, the way a program that just
// uses libharu would: its own TrueType loading and embedding, UTF-8, compression on.
// Timing that replay against the whole report (queries, analysis, layout and drawing)
// says what Fidelis adds on top of the PDF library.
#include <string>
#include <vector>

namespace fidelis::bench {

struct DrawOp {
    std::string op;            // the content-stream operator: "rg", "re", "Tj", …
    std::vector<double> args;  // its numbers (a dash array's too)
    std::string text;          // Tj: the text as UTF-8; Tf: the font's resource name
};

struct DrawnPage {
    double width = 0, height = 0;
    std::vector<std::string> bold_fonts;  // resource names (F1, F2…) that are the bold face
    std::vector<DrawOp> ops;
};

// Reads every page of `qdf_pdf`, a file written by `qpdf --qdf --object-streams=disable`.
// Throws std::runtime_error on an operator the replay does not know.
std::vector<DrawnPage> read_pages(const std::string& qdf_pdf);

// Draws `pages` with libharu alone into `out_pdf`, embedding the fonts in `fonts_dir`.
void draw_with_bare_libharu(const std::vector<DrawnPage>& pages, const std::string& fonts_dir,
                            const std::string& out_pdf);

}  // namespace fidelis::bench
