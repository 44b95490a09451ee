#pragma once
// Quarterly outcomes of a team: the people it served in a quarter and how many of them
// were in competitive work or in studies, for women, men and other/unknown apart, as the
// IPS Learning Community and IPS Grow count them. Fidelity matters because it predicts
// employment, so the reports set these beside the fidelity totals.
#include "store/model.h"

#include <optional>
#include <string>
#include <string_view>

namespace fidelis {

// A calendar quarter, "2025Q3". Only the parser and the rules make one from text or a
// file, so an invalid quarter (2025Q5) never reaches the database.
struct Quarter {
    int year = 1970;
    int number = 1;  // 1..4

    // "2025Q3" (also "2025q3" and "2025-Q3"); nullopt for anything else, 2025Q5 included.
    static std::optional<Quarter> try_parse(std::string_view text);
    static Quarter of(const Date& date);
    bool valid() const { return year >= 1900 && year <= 9999 && number >= 1 && number <= 4; }
    std::string text() const;  // "2025Q3"
    Date first_day() const;
    Date last_day() const;
    Quarter next() const;
    int index() const { return year * 4 + (number - 1); }  // consecutive quarters differ by one

    friend bool operator==(const Quarter& a, const Quarter& b) { return a.index() == b.index(); }
    friend bool operator!=(const Quarter& a, const Quarter& b) { return !(a == b); }
    friend bool operator<(const Quarter& a, const Quarter& b) { return a.index() < b.index(); }
};

struct TeamOutcome {
    Id team_id = 0;
    Quarter quarter;
    GenderCount served;    // people served (on the caseload) during the quarter
    GenderCount working;   // of them, in competitive work
    GenderCount studying;  // of them, in studies; empty when not counted
    std::optional<int> referrals;
    std::optional<int> job_starts;

    // Working among served, as a percentage; nullopt when nobody was served.
    std::optional<double> employment_rate() const;
    // The same for one gender's counts.
    static std::optional<double> rate_of(const std::optional<int>& working, const std::optional<int>& served);
    // One line for the history and comparisons: "served 10,8,0; working 4,3,0; …".
    std::string summary() const;
};

// An outcome as an exchange file carries it: with its team, which may be new here.
struct OutcomeRecord {
    Team team;
    TeamOutcome outcome;
};

// The employment-rate benchmarks of the IPS Learning Community, in percent.
inline constexpr double employment_benchmark_minimum = 31;
inline constexpr double employment_benchmark_average = 41;
inline constexpr double employment_benchmark_excellent = 50;

}  // namespace fidelis
