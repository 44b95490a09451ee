#pragma once
// Reads an item's <rule> (named inputs, levels by conditions, caps, the mean) and
// checks it: unknown inputs and values, levels off the scale, bands of one input that
// overlap, levels no inputs can reach, and inputs that give no level at all, each with
// the line and column of the element at fault.
#include "scales/scale.h"
#include "scales/xml_reader.h"

namespace fidelis {

ItemRule read_rule(XmlReader& r, pugi::xml_node rule, const Scale& scale, const std::string& item_id);

}  // namespace fidelis
