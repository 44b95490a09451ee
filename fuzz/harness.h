#pragma once
// Shared by the fuzz targets: how a harness reports a finding. A finding aborts, so
// libFuzzer (or the corpus replay under CTest) records it with the input that caused it.
// Bad input is not a finding: the libraries refuse it with fidelis::Error, which the
// targets catch. Anything else escaping the libraries is one.
#include "base/error.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

namespace fidelis::fuzz {

[[noreturn]] inline void finding(const char* format, ...) {
    std::fputs("\n==FIDELIS FUZZ FINDING== ", stderr);
    va_list args;
    va_start(args, format);
    std::vfprintf(stderr, format, args);
    va_end(args);
    std::fputs("\n", stderr);
    std::fflush(stderr);
    std::abort();
}

// Runs `body` and returns whether it refused with fidelis::Error (the message goes to
// `message`). Any other exception is a finding; `what` names the call in the report.
template <class F>
bool refused(F&& body, std::string* message, const char* what) {
    try {
        body();
        return false;
    } catch (const Error& e) {
        if (message) *message = e.what();
        return true;
    } catch (const std::exception& e) {
        finding("%s threw %s, not fidelis::Error: %s", what, typeid(e).name(), e.what());
    } catch (...) {
        finding("%s threw something that is not a std::exception", what);
    }
}

inline std::string_view text_of(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fidelis::fuzz
