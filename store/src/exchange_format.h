#pragma once
// The canonical XML form of a round, shared by export (to write it) and import (to
// rebuild it and compare digests), and the one list of what a <rating> holds.
#include "base/i18n.h"
#include "scales/scale.h"
#include "store/outcomes.h"
#include "store/round_record.h"

#include <pugixml.hpp>

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace fidelis::exchange {

inline constexpr const char* ns = "urn:fidelis:exchange:1";
// The format files are written in. Format 2 added <outcome> (quarterly outcomes); format 1
// files, which have none, are still read.
inline constexpr const char* format_version = "2";

// ---- What a <rating> or <consensus> holds besides its attributes

// One child element of <rating> and <consensus>: how its text is written from a rating
// and read back into one. The rows of rating_elements are the only place that lists
// them: the writer, the reader (its allowed and at-most-once children) and the cleaning
// of imported text all follow the table, so a new element is one more row (and a line
// in store/schema/fidelis-exchange.xsd).
struct RatingElement {
    const char* name;
    std::string (*write)(const Rating&);  // the element's text; empty: the element is left out
    // Sets the rating's field from the text; returns the words that are not valid (empty: all fine).
    std::vector<std::string> (*read)(Rating&, const std::string& text);
    // What the reader says of each word `read` returns ({1}: the word); a msgid.
    const char* invalid = nullptr;
};

namespace rating_field {
std::string write_checked(const Rating& r);
std::vector<std::string> read_checked(Rating& r, const std::string& text);
std::string write_specialists(const Rating& r);
std::vector<std::string> read_specialists(Rating& r, const std::string& text);  // finite numbers only
std::string write_inputs(const Rating& r);  // rule items' named inputs, one NAME=VALUE per line
std::vector<std::string> read_inputs(Rating& r, const std::string& text);
std::string write_cannot_rate_reason(const Rating& r);
std::vector<std::string> read_cannot_rate_reason(Rating& r, const std::string& text);
std::string write_evidence(const Rating& r);
std::vector<std::string> read_evidence(Rating& r, const std::string& text);
std::string write_note(const Rating& r);
std::vector<std::string> read_note(Rating& r, const std::string& text);
std::string write_rationale(const Rating& r);
std::vector<std::string> read_rationale(Rating& r, const std::string& text);
}  // namespace rating_field

// In the order they are written.
inline constexpr RatingElement rating_elements[] = {
    {"checked", rating_field::write_checked, rating_field::read_checked},
    {"specialists", rating_field::write_specialists, rating_field::read_specialists, N_("\"{1}\" is not a number")},
    {"inputs", rating_field::write_inputs, rating_field::read_inputs,
     N_("<inputs> must hold one NAME=VALUE per line, not \"{1}\"")},
    {"cannot-rate-reason", rating_field::write_cannot_rate_reason, rating_field::read_cannot_rate_reason},
    {"evidence", rating_field::write_evidence, rating_field::read_evidence},
    {"note", rating_field::write_note, rating_field::read_note},
    {"rationale", rating_field::write_rationale, rating_field::read_rationale},
};
inline constexpr std::size_t rating_element_count = sizeof rating_elements / sizeof rating_elements[0];

// Calls f with the element names as one braced list, for APIs that take an
// std::initializer_list<const char*> (XmlReader::check_shape and check_single).
template <class F, std::size_t... I>
decltype(auto) with_rating_element_names(F&& f, std::index_sequence<I...>) {
    return f({rating_elements[I].name...});
}
template <class F>
decltype(auto) with_rating_element_names(F&& f) {
    return with_rating_element_names(std::forward<F>(f), std::make_index_sequence<rating_element_count>());
}

// ---- Rounds

// Appends <round> for the record (without the digest attribute); `scale` orders its items.
pugi::xml_node write_round(pugi::xml_node parent, const RoundRecord& record, const Scale& scale);
// SHA-256 of the round element's canonical text, digest attribute excluded.
std::string digest_of(pugi::xml_node round);
std::string digest_of(const RoundRecord& record, const Scale& scale);

// ---- Quarterly outcomes

// Appends <outcome> for the team's quarter (without the digest attribute).
pugi::xml_node write_outcome(pugi::xml_node parent, const std::string& team_uuid, const TeamOutcome& outcome);
std::string digest_of(const std::string& team_uuid, const TeamOutcome& outcome);

// ---- Writing a file one piece at a time, in the bytes a whole-document save would give

class FileWriter {
public:
    explicit FileWriter(std::ostream& out);
    // The declaration and the root's start tag, then every scale (sorted by hash) and team
    // (sorted by uuid) the rounds use.
    void begin(const std::map<std::string, ScalePtr>& scales, const std::map<std::string, Team>& teams);
    // One team's quarter with its digest, after begin() and before the first round; call in
    // team uuid, then quarter order.
    void outcome(const std::string& team_uuid, const TeamOutcome& outcome);
    // One round with its digest; call in uuid order. Its document is freed on return.
    void round(const RoundRecord& record, const Scale& scale);
    // The root's end tag; throws std::bad_alloc when any piece was cut short by memory.
    void end();

private:
    void print(pugi::xml_node node);
    std::ostream& out_;
    bool empty_ = true;  // no child written yet: an empty root is written as <fidelis-exchange …/>
};

}  // namespace fidelis::exchange
