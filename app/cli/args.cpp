#include "args.h"

#include "base/i18n.h"

#include <charconv>

namespace fidelis::cli {

std::vector<std::string> Args::options(const std::string& name) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < words_.size();) {
        const std::string& w = words_[i];
        if (w == name) {
            if (i + 1 >= words_.size())
                throw UsageError(format(tr(N_("{1} needs a value")), {name}));
            values.push_back(words_[i + 1]);
            words_.erase(words_.begin() + long(i), words_.begin() + long(i) + 2);
        } else if (w.rfind(name + "=", 0) == 0) {
            values.push_back(w.substr(name.size() + 1));
            words_.erase(words_.begin() + long(i));
        } else {
            ++i;
        }
    }
    return values;
}

std::optional<std::string> Args::option(const std::string& name) {
    std::vector<std::string> values = options(name);
    if (values.empty()) return std::nullopt;
    return values.back();
}

std::string Args::required(const std::string& name) {
    auto v = option(name);
    if (!v) throw UsageError(format(tr(N_("missing {1}")), {name}));
    return *v;
}

bool Args::flag(const std::string& name) {
    bool found = false;
    for (std::size_t i = 0; i < words_.size();) {
        if (words_[i] == name) {
            found = true;
            words_.erase(words_.begin() + long(i));
        } else {
            ++i;
        }
    }
    return found;
}

std::vector<std::string> Args::positionals() {
    for (const auto& w : words_)
        if (w.size() > 1 && w[0] == '-' && w != "-")
            throw UsageError(format(tr(N_("unknown option {1}")), {w}));
    return words_;
}

void Args::finish() {
    const auto rest = positionals();
    if (!rest.empty()) throw UsageError(format(tr(N_("unexpected argument \"{1}\"")), {rest.front()}));
}

std::string take_language(Args& args) {
    const auto lang = args.option("--lang");
    if (!lang) return language_from_environment();
    if (!is_supported_language(*lang))
        throw UsageError(format(tr(N_("--lang must be sv or en, not \"{1}\"")), {*lang}));
    return *lang;
}

std::int64_t parse_id(const std::string& text, const char* option) {
    std::int64_t v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v <= 0)
        throw UsageError(format(tr(N_("{1} takes a number, not \"{2}\"")), {option, text}));
    return v;
}

// A level or count: parsed as 64-bit and refused, never wrapped, outside [min, max].
int parse_int(const std::string& text, const char* option, int min, int max) {
    std::int64_t v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < min || v > max)
        throw UsageError(format(tr(N_("{1} takes a whole number from {2} to {3}, not \"{4}\"")),
                                {option, std::to_string(min), std::to_string(max), text}));
    return static_cast<int>(v);
}

}  // namespace fidelis::cli
