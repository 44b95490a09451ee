// Reading a report's pages back as drawing operations, and drawing them again with
// libharu alone (see bare_libharu.h).
#include "bare_libharu.h"

#include <hpdf.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>

namespace fidelis::bench {
namespace {

std::string object_text(const std::string& pdf, const std::string& id) {
    const std::string start = "\n" + id + " 0 obj\n";
    const std::size_t at = pdf.find(start);
    if (at == std::string::npos) throw std::runtime_error("no object " + id);
    return pdf.substr(at + start.size(), pdf.find("endobj", at) - at - start.size());
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | cp >> 6);
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xE0 | cp >> 12);
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// A string of big-endian UCS-2 codes, as libharu writes UTF-8 text for its CID fonts.
std::string ucs2_to_utf8(const std::string& bytes) {
    std::string out;
    for (std::size_t k = 0; k + 1 < bytes.size(); k += 2)
        append_utf8(out,
                    unsigned(static_cast<unsigned char>(bytes[k])) << 8 | static_cast<unsigned char>(bytes[k + 1]));
    return out;
}

// libharu writes one operator to a line, its operands before it: numbers, a /Name, a
// <hex> string of UCS-2 codes (which qpdf may
// rewrite as a literal string), or a [dash array].
std::vector<DrawOp> parse_content(const std::string& s) {
    std::vector<DrawOp> ops;
    DrawOp cur;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == '[' || c == ']') {
            ++i;
        } else if (c == '<') {
            const std::size_t end = s.find('>', i);
            std::string bytes;
            for (std::size_t k = i + 1; k + 2 <= end; k += 2)
                bytes += char(std::strtoul(s.substr(k, 2).c_str(), nullptr, 16));
            cur.text = ucs2_to_utf8(bytes);
            i = end + 1;
        } else if (c == '(') {
            // A literal string (qpdf writes some so), with its backslash escapes.
            std::string bytes;
            int depth = 1;
            for (++i; i < s.size() && depth > 0; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    const char e = s[++i];
                    if (e >= '0' && e <= '7') {
                        std::size_t n = 0;
                        while (n < 3 && i + n < s.size() && s[i + n] >= '0' && s[i + n] <= '7') ++n;
                        bytes += char(std::strtoul(s.substr(i, n).c_str(), nullptr, 8));
                        i += n - 1;
                    } else {
                        static const std::string from = "nrtbf", to = "\n\r\t\b\f";
                        const std::size_t k = from.find(e);
                        bytes += k == std::string::npos ? e : to[k];
                    }
                } else if (s[i] == '(' || (s[i] == ')' && depth > 1)) {
                    depth += s[i] == '(' ? 1 : -1;
                    bytes += s[i];
                } else if (s[i] == ')') {
                    depth = 0;
                } else {
                    bytes += s[i];
                }
            }
            cur.text = ucs2_to_utf8(bytes);
        } else if (c == '/') {
            std::size_t end = i + 1;
            while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
            cur.text = s.substr(i + 1, end - i - 1);
            i = end;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '+') {
            char* end = nullptr;
            cur.args.push_back(std::strtod(s.c_str() + i, &end));
            i = std::size_t(end - s.c_str());
        } else {
            std::size_t end = i;
            while (end < s.size() && (std::isalpha(static_cast<unsigned char>(s[end])) || s[end] == '*')) ++end;
            if (end == i) throw std::runtime_error(std::string("unexpected '") + c + "' in a content stream");
            cur.op = s.substr(i, end - i);
            ops.push_back(std::move(cur));
            cur = DrawOp{};
            i = end;
        }
    }
    return ops;
}

}  // namespace

std::vector<DrawnPage> read_pages(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const std::regex media(R"(/MediaBox \[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])");
    static const std::regex font_ref(R"(/(F\d+) (\d+) 0 R)");
    static const std::regex contents(R"(/Contents (\d+) 0 R)");
    std::vector<DrawnPage> pages;
    for (int n = 1;; ++n) {
        const std::size_t at = pdf.find("%% Page " + std::to_string(n) + "\n");
        if (at == std::string::npos) break;
        const std::size_t obj = pdf.find(" 0 obj\n", at);
        const std::string dict = pdf.substr(obj, pdf.find("endobj", obj) - obj);
        DrawnPage page;
        std::smatch m;
        if (!std::regex_search(dict, m, media)) throw std::runtime_error("a page without a MediaBox");
        page.width = std::stod(m[3]) - std::stod(m[1]);
        page.height = std::stod(m[4]) - std::stod(m[2]);
        for (auto it = std::sregex_iterator(dict.begin(), dict.end(), font_ref); it != std::sregex_iterator(); ++it)
            if (object_text(pdf, (*it)[2]).find("Bold") != std::string::npos) page.bold_fonts.push_back((*it)[1]);
        if (!std::regex_search(dict, m, contents)) throw std::runtime_error("a page without contents");
        const std::string stream = object_text(pdf, m[1]);
        const std::size_t from = stream.find("stream\n") + 7;
        page.ops = parse_content(stream.substr(from, stream.rfind("endstream") - from));
        pages.push_back(std::move(page));
    }
    if (pages.empty()) throw std::runtime_error(path + " has no pages that qpdf --qdf marked");
    return pages;
}

void draw_with_bare_libharu(const std::vector<DrawnPage>& pages, const std::string& fonts_dir, const std::string& out) {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    if (!pdf) throw std::runtime_error("HPDF_New failed");
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* r = HPDF_LoadTTFontFromFile(pdf, (fonts_dir + "/DejaVuSans.ttf").c_str(), HPDF_TRUE);
    const char* b = HPDF_LoadTTFontFromFile(pdf, (fonts_dir + "/DejaVuSans-Bold.ttf").c_str(), HPDF_TRUE);
    HPDF_Font regular = HPDF_GetFont(pdf, r, "UTF-8"), bold = HPDF_GetFont(pdf, b, "UTF-8");
    for (const DrawnPage& page : pages) {
        HPDF_Page p = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(p, HPDF_REAL(page.width));
        HPDF_Page_SetHeight(p, HPDF_REAL(page.height));
        for (const DrawOp& o : page.ops) {
            auto a = [&](std::size_t i) { return HPDF_REAL(i < o.args.size() ? o.args[i] : 0); };
            const std::string& op = o.op;
            // One operator a line, as a table.
            // clang-format off
            if (op == "rg") HPDF_Page_SetRGBFill(p, a(0), a(1), a(2));
            else if (op == "RG") HPDF_Page_SetRGBStroke(p, a(0), a(1), a(2));
            else if (op == "w") HPDF_Page_SetLineWidth(p, a(0));
            else if (op == "re") HPDF_Page_Rectangle(p, a(0), a(1), a(2), a(3));
            else if (op == "m") HPDF_Page_MoveTo(p, a(0), a(1));
            else if (op == "l") HPDF_Page_LineTo(p, a(0), a(1));
            else if (op == "c") HPDF_Page_CurveTo(p, a(0), a(1), a(2), a(3), a(4), a(5));
            else if (op == "h") HPDF_Page_ClosePath(p);
            else if (op == "f") HPDF_Page_Fill(p);
            else if (op == "S") HPDF_Page_Stroke(p);
            else if (op == "B") HPDF_Page_FillStroke(p);
            else if (op == "n") HPDF_Page_EndPath(p);
            else if (op == "q") HPDF_Page_GSave(p);
            else if (op == "Q") HPDF_Page_GRestore(p);
            else if (op == "cm") HPDF_Page_Concat(p, a(0), a(1), a(2), a(3), a(4), a(5));
            else if (op == "BT") HPDF_Page_BeginText(p);
            else if (op == "ET") HPDF_Page_EndText(p);
            else if (op == "Td") HPDF_Page_MoveTextPos(p, a(0), a(1));
            else if (op == "Tm") HPDF_Page_SetTextMatrix(p, a(0), a(1), a(2), a(3), a(4), a(5));
            else if (op == "Tj") HPDF_Page_ShowText(p, o.text.c_str());
            else if (op == "Tf") {
                const bool is_bold =
                    std::find(page.bold_fonts.begin(), page.bold_fonts.end(), o.text) != page.bold_fonts.end();
                HPDF_Page_SetFontAndSize(p, is_bold ? bold : regular, a(0));
            } else if (op == "d") {
                std::vector<HPDF_UINT16> dash;
                for (std::size_t i = 0; i + 1 < o.args.size(); ++i) dash.push_back(HPDF_UINT16(o.args[i]));
                HPDF_Page_SetDash(p, dash.empty() ? nullptr : dash.data(), HPDF_UINT(dash.size()),
                                  HPDF_UINT(o.args.empty() ? 0 : o.args.back()));
            } else {
                HPDF_Free(pdf);
                throw std::runtime_error("the bare replay does not draw '" + op + "'");
            }
            // clang-format on
        }
    }
    const HPDF_STATUS saved = HPDF_SaveToFile(pdf, out.c_str());
    const HPDF_STATUS error = HPDF_GetError(pdf);
    HPDF_Free(pdf);
    if (saved != HPDF_OK || error != HPDF_OK) throw std::runtime_error("libharu could not draw the pages again");
}

}  // namespace fidelis::bench
