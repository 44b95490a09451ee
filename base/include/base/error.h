#pragma once
// The one exception type the libraries throw for conditions a user can act on. Its
// message is already translated and complete; app/shared/errors.h turns any other
// exception into user text.
#include <stdexcept>
#include <string>

namespace fidelis {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace fidelis
