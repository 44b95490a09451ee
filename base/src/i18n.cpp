#include "base/i18n.h"

#include "base/paths.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#endif

namespace fidelis {

// Evaluates a gettext Plural-Forms expression ("n != 1", "n%10==1 && n%100!=11 ? 0 : ...")
// so a language added with Poedit gets its plural rules without code changes.
struct MoCatalog::PluralRule {
    std::string expr;
    explicit PluralRule(std::string e) : expr(std::move(e)) {}

    unsigned long eval(unsigned long n) const {
        Parser p{expr, 0, n};
        const long v = p.ternary();
        return v < 0 ? 0 : static_cast<unsigned long>(v);
    }

private:
    struct Parser {
        const std::string& s;
        std::size_t i;
        unsigned long n;
        void skip() { while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i; }
        bool eat(const char* tok) {
            skip();
            const std::size_t len = std::strlen(tok);
            if (s.compare(i, len, tok) == 0) { i += len; return true; }
            return false;
        }
        long ternary() {
            const long c = logic_or();
            if (eat("?")) {
                const long a = ternary();
                eat(":");
                const long b = ternary();
                return c ? a : b;
            }
            return c;
        }
        long logic_or() { long v = logic_and(); while (eat("||")) { const long r = logic_and(); v = v || r; } return v; }
        long logic_and() { long v = equality(); while (eat("&&")) { const long r = equality(); v = v && r; } return v; }
        long equality() {
            long v = relation();
            for (;;) {
                if (eat("==")) v = v == relation();
                else if (eat("!=")) v = v != relation();
                else return v;
            }
        }
        long relation() {
            long v = additive();
            for (;;) {
                if (eat("<=")) v = v <= additive();
                else if (eat(">=")) v = v >= additive();
                else if (eat("<")) v = v < additive();
                else if (eat(">")) v = v > additive();
                else return v;
            }
        }
        long additive() {
            long v = multiplicative();
            for (;;) {
                if (eat("+")) v += multiplicative();
                else if (eat("-")) v -= multiplicative();
                else return v;
            }
        }
        long multiplicative() {
            long v = unary();
            for (;;) {
                if (eat("*")) v *= unary();
                else if (eat("/")) { const long d = unary(); v = d ? v / d : 0; }
                else if (eat("%")) { const long d = unary(); v = d ? v % d : 0; }
                else return v;
            }
        }
        long unary() {
            if (eat("!")) return !unary();
            if (eat("(")) { const long v = ternary(); eat(")"); return v; }
            skip();
            if (i < s.size() && s[i] == 'n') { ++i; return static_cast<long>(n); }
            long v = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
            return v;
        }
    };
};

namespace {

std::uint32_t read_u32(const std::string& data, std::size_t offset, bool swap) {
    if (offset + 4 > data.size()) throw std::runtime_error("truncated .mo file");
    std::uint32_t v = 0;
    std::memcpy(&v, data.data() + offset, 4);
    if (swap) v = (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24);
    return v;
}

std::string header_field(const std::string& header, const std::string& name) {
    const auto at = header.find(name + ":");
    if (at == std::string::npos) return {};
    const auto start = at + name.size() + 1;
    const auto end = header.find('\n', start);
    return header.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::mutex g_mutex;
std::shared_ptr<const Translator> g_translator = std::make_shared<SourceLanguage>();

}  // namespace

MoCatalog::MoCatalog(const std::filesystem::path& mo_file, std::string language)
    : language_(std::move(language)), plural_(std::make_shared<PluralRule>("n != 1")) {
    std::ifstream in(mo_file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + mo_file.string());
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::uint32_t magic = read_u32(data, 0, false);
    bool swap = false;
    if (magic == 0xde120495) swap = true;
    else if (magic != 0x950412de) throw std::runtime_error(mo_file.string() + " is not a .mo file");
    const std::uint32_t count = read_u32(data, 8, swap);
    const std::uint32_t originals = read_u32(data, 12, swap);
    const std::uint32_t translations = read_u32(data, 16, swap);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t olen = read_u32(data, originals + 8 * i, swap);
        const std::uint32_t ooff = read_u32(data, originals + 8 * i + 4, swap);
        const std::uint32_t tlen = read_u32(data, translations + 8 * i, swap);
        const std::uint32_t toff = read_u32(data, translations + 8 * i + 4, swap);
        if (std::size_t(ooff) + olen > data.size() || std::size_t(toff) + tlen > data.size())
            throw std::runtime_error("truncated .mo file");
        std::string key = data.substr(ooff, olen);
        // Plural entries are keyed "singular\0plural"; look them up by the singular.
        const auto nul = key.find('\0');
        if (nul != std::string::npos) key.resize(nul);
        messages_[key] = data.substr(toff, tlen);
    }
    if (const auto h = messages_.find(""); h != messages_.end()) {
        const std::string forms = header_field(h->second, "Plural-Forms");
        const auto p = forms.find("plural=");
        if (p != std::string::npos) {
            std::string expr = forms.substr(p + 7);
            if (const auto semi = expr.find(';'); semi != std::string::npos) expr.resize(semi);
            plural_ = std::make_shared<PluralRule>(expr);
        }
    }
}

std::string MoCatalog::tr(const char* msgid) const {
    if (!msgid || !*msgid) return {};
    const auto it = messages_.find(msgid);
    if (it == messages_.end() || it->second.empty()) return msgid;
    return it->second.substr(0, it->second.find('\0'));
}

std::string MoCatalog::trn(const char* singular, const char* plural, unsigned long n) const {
    const auto it = messages_.find(singular);
    if (it == messages_.end()) return n == 1 ? singular : plural;
    unsigned long index = plural_->eval(n);
    std::size_t start = 0;
    while (index-- > 0) {
        const auto nul = it->second.find('\0', start);
        if (nul == std::string::npos) return n == 1 ? singular : plural;
        start = nul + 1;
    }
    const auto end = it->second.find('\0', start);
    return it->second.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

namespace {

// A language code as catalogs are named: "sv", "nb", "pt_BR". Anything else (a path, "..")
// is not one, whatever the folder holds.
bool looks_like_language(std::string_view lang) {
    if (lang.size() < 2 || lang.size() > 8) return false;
    for (char c : lang)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
    return lang[0] >= 'a' && lang[0] <= 'z';
}

bool has_catalog(std::string_view lang) {
    std::error_code ec;
    return std::filesystem::exists(paths::locale_dir() / std::string(lang) / "LC_MESSAGES" / "fidelis.mo", ec);
}

// Languages that write 3,5 rather than 3.5.
bool uses_decimal_comma(std::string_view lang) {
    const std::string_view base = lang.substr(0, lang.find('_'));
    for (const char* l : {"sv", "da", "de", "es", "et", "fi", "fr", "is", "it", "lt", "lv", "nb", "nl", "nn", "no",
                          "pl", "pt", "ru", "se", "sk", "sl", "uk"})
        if (base == l) return true;
    return false;
}

}  // namespace

// English is the source language; every other language is one whose catalog is installed,
// so a new .po file in i18n/ is all it takes to offer a language.
bool is_supported_language(std::string_view lang) {
    return lang == "en" || (looks_like_language(lang) && has_catalog(lang));
}

std::vector<std::string> available_languages() {
    std::vector<std::string> langs{"en"};
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(paths::locale_dir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name != "en" && looks_like_language(name) && has_catalog(name)) langs.push_back(name);
    }
    std::sort(langs.begin() + 1, langs.end());
    return langs;
}

std::shared_ptr<const Translator> load_translator(const std::string& language) {
    if (language != "en") {
        const auto mo = paths::locale_dir() / language / "LC_MESSAGES" / "fidelis.mo";
        std::error_code ec;
        if (std::filesystem::exists(mo, ec)) {
            try {
                return std::make_shared<MoCatalog>(mo, language);
            } catch (const std::exception&) {
                // A damaged catalog must not stop the program; English is still correct.
            }
        }
    }
    return std::make_shared<SourceLanguage>();
}

#ifdef _WIN32
// Windows keeps the display language in the user's profile, not in the environment: the
// languages the user prefers for programs, then the one their regional format is in (a
// Swedish-speaking Finn with Finnish menus still gets Swedish rather than English).
std::string windows_language() {
    std::vector<std::string> names;
    ULONG count = 0, size = 0;
    if (GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &count, nullptr, &size) && size > 0) {
        std::wstring list(size, L'\0');
        if (GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &count, list.data(), &size))
            for (const wchar_t* p = list.c_str(); *p; p += wcslen(p) + 1) names.emplace_back(p, p + wcslen(p));
    }
    wchar_t locale[LOCALE_NAME_MAX_LENGTH];
    if (const int n = GetUserDefaultLocaleName(locale, LOCALE_NAME_MAX_LENGTH); n > 1)
        names.emplace_back(locale, locale + n - 1);
    for (std::string name : names) {  // "sv-SE", ASCII by definition
        std::replace(name.begin(), name.end(), '-', '_');
        if (is_supported_language(name)) return name;
        if (const std::string base = name.substr(0, name.find('_')); is_supported_language(base)) return base;
    }
    return "en";
}
#endif

std::string language_from_environment() {
#ifdef _WIN32
    // A variable set on purpose (a test, Wine, a shortcut) still decides; else Windows does.
    bool any = false;
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        any = any || (value && *value);
    }
    if (!any) return windows_language();
#endif
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (!value || !*value) continue;
        const std::string v(value);
        if (v == "C" || v == "POSIX" || v.rfind("C.", 0) == 0) continue;
        // "sv_SE.UTF-8", or LANGUAGE's list of preferences "nb:sv:en".
        std::size_t start = 0;
        while (start <= v.size()) {
            const std::size_t end = std::min(v.find(':', start), v.size());
            const std::string entry = v.substr(start, end - start);
            const std::string full = entry.substr(0, entry.find_first_of(".@"));
            const std::string base = full.substr(0, full.find('_'));
            if (is_supported_language(full)) return full;
            if (is_supported_language(base)) return base;
            start = end + 1;
        }
        return "en";
    }
    return "en";
}

void install_translator(std::shared_ptr<const Translator> t) {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_translator = t ? std::move(t) : std::make_shared<SourceLanguage>();
}

const Translator& translator() {
    std::lock_guard<std::mutex> lock(g_mutex);
    return *g_translator;
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const std::size_t index = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (index < args.size()) {
                out += *(args.begin() + index);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string shortest_number(double value) {
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, res.ptr);
}

std::string typed_number(std::string stored, std::string_view language) {
    if (uses_decimal_comma(language)) std::replace(stored.begin(), stored.end(), '.', ',');
    return stored;
}

double round_half_up(double value, int decimals) {
    // Divided, not multiplied back by 0.1: 901 / 10 is the 90.1 a person types.
    const double f = std::pow(10.0, decimals);
    return std::floor(value * f + 0.5) / f;
}

std::string format_decimal(double value, int decimals, std::string_view language) {
    if (!std::isfinite(value)) return "–";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string s(buf, res.ptr);
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0.0" reads as a change where there is none.
        bool zero = true;
        for (char c : s) if (c >= '1' && c <= '9') zero = false;
        if (zero) s.erase(0, 1);
    }
    if (uses_decimal_comma(language)) {
        for (char& c : s) if (c == '.') c = ',';
        if (!s.empty() && s[0] == '-') s.replace(0, 1, "\xE2\x88\x92");
    }
    return s;
}

std::string format_change(double value, int decimals, std::string_view language) {
    std::string s = format_decimal(value, decimals, language);
    if (s.empty() || s == "–") return s;
    if (s[0] == '-') s.replace(0, 1, "\xE2\x88\x92");
    bool zero = true;
    for (char c : s) if (c >= '1' && c <= '9') zero = false;
    if (!zero && s.rfind("\xE2\x88\x92", 0) != 0) s.insert(0, "+");
    return s;
}

std::string format_percent(double share, std::string_view language) {
    const std::string n = format_decimal(std::round(share * 100.0), 0, language);
    // Swedish writes a (non-breaking) space before the per cent sign.
    return language == "sv" ? n + "\xC2\xA0%" : n + "%";
}

}  // namespace fidelis
