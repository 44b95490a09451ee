#pragma once
// Long work in the libraries reports progress and can be cancelled; the app shows a
// progress bar, the command line ignores it.
#include "base/error.h"

#include <functional>
#include <string>

namespace fidelis {

// Called with the fraction done (0..1); returning false cancels the work.
using Progress = std::function<bool(double fraction)>;

class Cancelled : public Error {
public:
    Cancelled();
};

// Reports progress and throws Cancelled when the callback asks to stop.
inline void report_progress(const Progress& progress, double fraction) {
    if (progress && !progress(fraction)) throw Cancelled();
}

}  // namespace fidelis
