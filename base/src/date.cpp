#include "base/date.h"

#include "base/i18n.h"

#include <ctime>

namespace fidelis {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

}  // namespace

std::optional<Date> Date::try_parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    Date d;
    if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::tm local_time_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &now);
#else
    localtime_r(&now, &tm);
#endif
    return tm;
}

Date Date::today() {
    const std::tm tm = local_time_now();
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Howard Hinnant's civil-from-days arithmetic: exact for the proleptic Gregorian calendar.
long Date::days() const {
    const int y = month <= 2 ? year - 1 : year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::add_months(int n) const {
    int total = year * 12 + (month - 1) + n;
    Date d{total / 12, total % 12 + 1, day};
    if (d.day > days_in_month(d.year, d.month)) d.day = days_in_month(d.year, d.month);
    return d;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string format_date_long(const Date& date, const Translator& t) {
    // TRANSLATORS: month names as they appear inside a date, e.g. "15 januari 2026".
    static const char* const months[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                         N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                         N_("September"), N_("October"), N_("November"), N_("December")};
    return std::to_string(date.day) + " " + t.tr(months[date.month - 1]) + " " + std::to_string(date.year);
}

}  // namespace fidelis
