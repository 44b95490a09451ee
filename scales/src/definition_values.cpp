// See definition_values.h.
#include "definition_values.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis {

bool valid_id(std::string_view id, std::string_view extra) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || extra.find(c) != std::string_view::npos;
    });
}

int level_attribute(XmlReader& r, const Scale& scale, pugi::xml_node n, const char* attribute) {
    const auto v = r.integer(n, attribute);
    if (!n.attribute(attribute)) {
        r.required(n, attribute);
        return 0;
    }
    if (!v) return 0;
    if (!scale.level(static_cast<int>(*v))) {
        r.error(n, format(tr(N_("level {1} is not on the rating scale")), {std::to_string(*v)}));
        return 0;
    }
    return static_cast<int>(*v);
}

}  // namespace fidelis
