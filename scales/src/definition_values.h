#pragma once
// Values every part of a definition reads the same way: ids (of scales, items, inputs,
// options) and level attributes checked against the rating scale.
#include "scales/scale.h"
#include "base/words.h"
#include "scales/xml_reader.h"

#include <string>
#include <string_view>
#include <vector>

namespace fidelis {

// Letters, digits, '-', '_' and '.', 1–64 of them; `extra` names further characters allowed.
bool valid_id(std::string_view id, std::string_view extra = {});

// The integer in `attribute`, required and on the scale's rating scale; 0 (with the
// problem reported) when it is missing, not a number or not a level.
int level_attribute(XmlReader& r, const Scale& scale, pugi::xml_node n, const char* attribute = "level");

}  // namespace fidelis
