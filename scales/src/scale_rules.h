#pragma once
// Coverage rules shared by numeric ranges, checklist counts and bands: every possible
// value must land in exactly one place, so a rating can never fall between two rules.
#include "scales/scale.h"
#include "scales/xml_reader.h"

#include <vector>

namespace fidelis {

void check_numeric_ranges(XmlReader& r, const NumericRule& rule, const std::vector<pugi::xml_node>& nodes);
void check_count_ranges(XmlReader& r, const ChecklistRule& rule, const std::vector<pugi::xml_node>& nodes,
                        pugi::xml_node checklist);
// `item_count` includes items dropped for other errors, so one duplicate id does not
// also make every band look out of range.
void check_bands(XmlReader& r, const Scale& scale, std::size_t item_count, const std::vector<pugi::xml_node>& nodes,
                 pugi::xml_node scoring);

}  // namespace fidelis
