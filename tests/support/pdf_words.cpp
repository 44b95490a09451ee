// overlapping_words (pdf_words.h), shared by the renderer's tests and the CLI's: one
// definition of "unreadable", so every report is held to the same rule.
#include "pdf_words.h"

#include "run.h"

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace fidelis::test {

std::vector<std::string> overlapping_words(const std::string& path) {
    const auto bbox = run("/usr/bin/pdftotext", {"-bbox", path, "-"});
    if (bbox.exit_code != 0) throw std::runtime_error("pdftotext -bbox failed on " + path + ": " + bbox.err);
    const bool stamped = bbox.out.find(">UTKAST<") != std::string::npos || bbox.out.find(">DRAFT<") != std::string::npos ||
                         bbox.out.find("UTKAST ·") != std::string::npos || bbox.out.find("DRAFT ·") != std::string::npos;
    struct Word {
        double x0, y0, x1, y1;
        std::string text;
    };
    std::vector<std::string> found;
    std::size_t at = 0;
    int page = 0;
    static const std::regex word(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    while ((at = bbox.out.find("<page ", at)) != std::string::npos) {
        ++page;
        const std::size_t end = std::min(bbox.out.find("</page>", at), bbox.out.size());
        const std::string body = bbox.out.substr(at, end - at);
        std::vector<Word> words;
        for (auto it = std::sregex_iterator(body.begin(), body.end(), word); it != std::sregex_iterator(); ++it) {
            Word w{std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]};
            const bool stamp_letter =
                stamped && w.text.size() <= 6 && w.text.find_first_not_of("UTKASDRF") == std::string::npos;
            if (!stamp_letter) words.push_back(w);
        }
        // Sorted by left edge, a pair is only compared while the second starts before the
        // first ends: a 40-page booklet of dense tables stays linear enough.
        std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
        for (std::size_t i = 0; i < words.size(); ++i)
            for (std::size_t j = i + 1; j < words.size() && words[j].x0 < words[i].x1 - 1; ++j) {
                const Word& a = words[i];
                const Word& b = words[j];
                const double ox = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
                const double oy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
                // Lines may touch (ascenders and descenders); text on text may not.
                if (ox > 1 && oy > 0.4 * std::min(a.y1 - a.y0, b.y1 - b.y0))
                    found.push_back("page " + std::to_string(page) + ": \"" + a.text + "\" over \"" + b.text + "\"");
            }
        at = end;
    }
    return found;
}

}  // namespace fidelis::test
