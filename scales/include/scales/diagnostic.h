#pragma once
#include <string>
#include <vector>

namespace fidelis {

// One problem in a file, located so an author can jump to it.
struct Diagnostic {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;

    // "file:line:column: message", the form editors and compilers use.
    std::string to_string() const;
};

std::string to_string(const std::vector<Diagnostic>& problems);  // one per line

}  // namespace fidelis
