// The shared option values of fidelis-cli's database commands (options.h).
#include "options.h"

#include "base/i18n.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace fidelis::cli {

Id parse_id(const std::string& text, const char* option) {
    Id v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v <= 0)
        throw UsageError(format(tr(N_("{1} takes a number, not \"{2}\"")), {option, text}));
    return v;
}

Date parse_date(const std::string& text, const char* option) {
    const auto d = Date::try_parse(text);
    if (!d) throw UsageError(format(tr(N_("{1} takes a date as YYYY-MM-DD, not \"{2}\"")), {option, text}));
    return *d;
}

std::optional<Date> optional_date(Args& args, const char* option) {
    const auto v = args.option(option);
    if (!v) return std::nullopt;
    return parse_date(*v, option);
}

int parse_int(const std::string& text, const char* option, int min, int max) {
    std::int64_t v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < min || v > max)
        throw UsageError(format(tr(N_("{1} takes a whole number from {2} to {3}, not \"{4}\"")),
                                {option, std::to_string(min), std::to_string(max), text}));
    return static_cast<int>(v);
}

double parse_number(const std::string& text, const char* option) {
    double v = 0;
    std::string t = text;
    for (char& c : t) if (c == ',') c = '.';  // a Swedish "3,5" means 3.5
    const auto res = std::from_chars(t.data(), t.data() + t.size(), v);
    if (res.ec != std::errc() || res.ptr != t.data() + t.size() || !std::isfinite(v))
        throw UsageError(format(tr(N_("{1} takes a number, not \"{2}\"")), {option, text}));
    return v;
}

Store open_store(Args& args, bool read_only, const std::string& actor) {
    Store::OpenOptions options;
    options.read_only = read_only;
    options.actor = actor;
    return Store::open(args.required("--db"), options);
}

}  // namespace fidelis::cli
