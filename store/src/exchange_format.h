#pragma once
// The canonical XML form of a round, shared by export (to write it) and import (to
// rebuild it and compare digests).
#include "scales/scale.h"
#include "store/round_record.h"

#include <pugixml.hpp>

#include <map>
#include <string>

namespace fidelis::exchange {

inline constexpr const char* ns = "urn:fidelis:exchange:1";

// Appends <round> for the record (without the digest attribute); `scale` orders its items.
pugi::xml_node write_round(pugi::xml_node parent, const RoundRecord& record, const Scale& scale);
// SHA-256 of the round element's canonical text, digest attribute excluded.
std::string digest_of(pugi::xml_node round);
std::string digest_of(const RoundRecord& record, const Scale& scale);

}  // namespace fidelis::exchange
