#pragma once
// Swedish alphabetical order (… X Y Z Å Ä Ö), which SQLite's binary and NOCASE
// collations get wrong. The store registers it as a SQL collation; lists sort with it.
#include <string>
#include <string_view>

namespace fidelis {

// <0, 0, >0 like strcmp. Case and accents only break ties: "Ana" < "anb" < "Åsa".
int swedish_compare(std::string_view a, std::string_view b);

struct SwedishLess {
    bool operator()(std::string_view a, std::string_view b) const { return swedish_compare(a, b) < 0; }
};

}  // namespace fidelis
