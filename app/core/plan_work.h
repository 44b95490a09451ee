#pragma once
// Improvement-plan work the window and fidelis-cli share.
#include "store/store.h"

#include <string>

namespace fidelis::core {

// Adds to the round's plan the goals the analysis suggests (the weakest and declining
// items it does not already have a goal for), all of them or none: one transaction, so a
// refusal half way leaves the plan as it was. Returns how many were added.
int add_suggested_goals(Store& store, Id round, const std::string& lang);

}  // namespace fidelis::core
