#include "base/collation.h"

#include "base/utf8.h"

#include <cstring>

namespace fidelis {
namespace {

struct Weight {
    unsigned primary;    // the letter as an alphabet position
    unsigned secondary;  // accent, then case
};

// Letters come after digits and punctuation; Å Ä Ö (and Æ Ø as their Nordic
// spellings) follow Z. Accented Latin letters sort with their base letter; ü sorts
// as y, as Swedish dictionaries do.
Weight weight(char32_t cp) {
    constexpr unsigned letters = 1000;
    auto letter = [&](char base, unsigned accent, bool upper) {
        return Weight{letters + static_cast<unsigned>(base - 'a'), accent * 2 + (upper ? 1 : 0)};
    };
    if (cp >= 'a' && cp <= 'z') return letter(static_cast<char>(cp), 0, false);
    if (cp >= 'A' && cp <= 'Z') return letter(static_cast<char>(cp - 'A' + 'a'), 0, true);
    switch (cp) {
    case U'å': return {letters + 26, 0};
    case U'Å': return {letters + 26, 1};
    case U'ä': case U'æ': return {letters + 27, cp == U'ä' ? 0u : 2u};
    case U'Ä': case U'Æ': return {letters + 27, cp == U'Ä' ? 1u : 3u};
    case U'ö': case U'ø': return {letters + 28, cp == U'ö' ? 0u : 2u};
    case U'Ö': case U'Ø': return {letters + 28, cp == U'Ö' ? 1u : 3u};
    default: break;
    }
    struct Fold { char32_t lower, upper; char base; };
    static const Fold folds[] = {
        {U'à', U'À', 'a'}, {U'á', U'Á', 'a'}, {U'â', U'Â', 'a'}, {U'ã', U'Ã', 'a'},
        {U'ç', U'Ç', 'c'}, {U'è', U'È', 'e'}, {U'é', U'É', 'e'}, {U'ê', U'Ê', 'e'},
        {U'ë', U'Ë', 'e'}, {U'ì', U'Ì', 'i'}, {U'í', U'Í', 'i'}, {U'î', U'Î', 'i'},
        {U'ï', U'Ï', 'i'}, {U'ñ', U'Ñ', 'n'}, {U'ò', U'Ò', 'o'}, {U'ó', U'Ó', 'o'},
        {U'ô', U'Ô', 'o'}, {U'õ', U'Õ', 'o'}, {U'ù', U'Ù', 'u'}, {U'ú', U'Ú', 'u'},
        {U'û', U'Û', 'u'}, {U'ü', U'Ü', 'y'}, {U'ý', U'Ý', 'y'}, {U'ÿ', U'Ÿ', 'y'},
    };
    unsigned accent = 1;
    for (const Fold& f : folds) {
        if (cp == f.lower) return letter(f.base, accent, false);
        if (cp == f.upper) return letter(f.base, accent, true);
        ++accent;
    }
    if (cp >= '0' && cp <= '9') return {500 + static_cast<unsigned>(cp - '0'), 0};
    if (cp < 128) return {cp, 0};
    return {letters + 100 + static_cast<unsigned>(cp), 0};
}

int compare_by(std::string_view a, std::string_view b, bool secondary) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const Weight wa = weight(utf8::decode(a, i));
        const Weight wb = weight(utf8::decode(b, j));
        const unsigned x = secondary ? wa.secondary : wa.primary;
        const unsigned y = secondary ? wb.secondary : wb.primary;
        if (x != y) return x < y ? -1 : 1;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

}  // namespace

int swedish_compare(std::string_view a, std::string_view b) {
    if (const int p = compare_by(a, b, false)) return p;
    if (const int s = compare_by(a, b, true)) return s;
    const int raw = a.compare(b);
    return raw < 0 ? -1 : raw > 0 ? 1 : 0;
}

}  // namespace fidelis
