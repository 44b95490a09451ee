// Text layout shared by every canvas (see canvas.h): wrapping and fitting measure with the
// canvas's own text_width, so a line that fits in the PDF fits in the SVG too.
#include "reports/canvas.h"

#include "base/utf8.h"

#include <algorithm>
#include <sstream>

namespace fidelis::reports {

std::vector<std::string> Canvas::wrap(const std::string& raw, double width, double size, Weight weight) {
    std::vector<std::string> lines;
    const std::string text = utf8::sanitize(raw);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::string line;
        std::size_t i = 0;
        bool any = false;
        while (i < para.size()) {
            while (i < para.size() && (para[i] == ' ' || para[i] == '\t')) ++i;
            if (i >= para.size()) break;
            std::size_t end = para.find_first_of(" \t", i);
            std::string word = para.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? para.size() : end;
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (text_width(candidate, size, weight) <= width) {
                line = candidate;
                continue;
            }
            if (!line.empty()) {
                lines.push_back(line);
                any = true;
                line.clear();
            }
            // A word wider than the line is broken between characters.
            while (text_width(word, size, weight) > width) {
                std::size_t pos = 0, cut = 0;
                while (pos < word.size()) {
                    std::size_t next = pos;
                    utf8::decode(word, next);
                    if (text_width(word.substr(0, next), size, weight) > width) break;
                    pos = next;
                    cut = pos;
                }
                if (cut == 0) utf8::decode(word, cut);  // at least one character per line
                lines.push_back(word.substr(0, cut));
                any = true;
                word.erase(0, cut);
            }
            line = word;
        }
        // A paragraph break is one blank line, however many the writer typed.
        if (!line.empty()) lines.push_back(line);
        else if (!any && !lines.empty() && !lines.back().empty()) lines.push_back(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

std::string Canvas::fit(const std::string& raw, double width, double size, Weight weight) {
    std::string s = utf8::sanitize(raw);
    if (text_width(s, size, weight) <= width) return s;
    while (!s.empty() && text_width(s + "…", size, weight) > width) {
        std::size_t cut = s.size();
        do --cut;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);
        s.erase(cut);
    }
    return s + "…";
}

double Canvas::widest_word(const std::string& text, double size, Weight weight) {
    double widest = 0;
    std::istringstream words(text);
    for (std::string w; words >> w;) widest = std::max(widest, text_width(w, size, weight));
    return widest;
}

}  // namespace fidelis::reports
