// Catch2's main for the Windows test programs: Debian's Catch2WithMain library is built for
// Linux, so the cross-build compiles the main from the single header (tests/CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
