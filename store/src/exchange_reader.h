#pragma once
// Reads an exchange file strictly, one top-level element at a time: the namespace and
// every attribute and element are known, numbers are finite and in range, ids are UUIDs,
// every round is rebuilt and checked against its digest, and no round or team appears
// twice. Each scale snapshot is parsed and hashed once and shared by all the rounds that
// use it. Memory holds the current element, the scales and the teams, never the file.
#include "store/outcomes.h"
#include "store/round_record.h"

#include <functional>
#include <istream>
#include <string>

namespace fidelis::exchange {

// Hands each round to on_round in file order, its text cleaned as the store keeps it,
// while the file has shown no problem; reads on to the end either way, and then throws
// Error listing every problem as file:line:column. A broken XML structure, bad UTF-8
// or a DOCTYPE is then the only problem listed. std::bad_alloc when memory ran out.
// Each <outcome> (format 2) goes to on_outcome the same way, checked by rules::check_outcome,
// its problems listed with their place like any other.
void read_rounds(std::istream& in, const std::string& file_label, const std::function<void(RoundRecord&)>& on_round,
                 const std::function<void(OutcomeRecord&)>& on_outcome = {});

}  // namespace fidelis::exchange
