#pragma once
// A calendar date as rounds, plans and figures use it. Stored and exchanged as ISO
// 8601 text (locale-free); shown in the reader's language.
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace fidelis {

class Translator;

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    // Accepts exactly YYYY-MM-DD with a real calendar day.
    static std::optional<Date> try_parse(std::string_view iso);
    static Date today();
    static Date from_days(long days);  // days since 1970-01-01

    std::string iso() const;
    std::string iso_month() const { return iso().substr(0, 7); }  // "2025-10"
    long days() const;  // days since 1970-01-01
    Date add_days(long n) const { return from_days(days() + n); }
    Date add_months(int n) const;

    friend bool operator==(const Date& a, const Date& b) { return a.days() == b.days(); }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) { return a.days() < b.days(); }
    friend bool operator<=(const Date& a, const Date& b) { return a.days() <= b.days(); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return b <= a; }
};

// The local time now, portably (localtime is not thread-safe).
std::tm local_time_now();

// "15 januari 2026" / "15 January 2026", month names from the catalog.
std::string format_date_long(const Date& date, const Translator& t);
// ISO dates read the same in Swedish and English, and Swedish public documents use them.
inline std::string format_date(const Date& date) { return date.iso(); }

}  // namespace fidelis
