// The shared option values of fidelis-cli's database commands (options.h).
#include "options.h"

#include "base/i18n.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace fidelis::cli {

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
