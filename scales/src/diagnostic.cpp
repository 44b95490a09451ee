#include "scales/diagnostic.h"

namespace fidelis {

std::string Diagnostic::to_string() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::string to_string(const std::vector<Diagnostic>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    return out;
}

}  // namespace fidelis

#include "base/i18n.h"
#include "base/progress.h"

namespace fidelis {

Cancelled::Cancelled() : Error(tr(N_("Cancelled."))) {}

}  // namespace fidelis
