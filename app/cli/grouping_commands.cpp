// fidelis-cli groupings and grouping add|edit|remove: a network's own groupings of
// municipalities (a samordningsförbund, any set), beside the county parts, which come
// from the reference data and are not changed here.
#include "commands.h"
#include "options.h"

#include "base/i18n.h"
#include "store/store.h"

#include <ostream>

namespace fidelis::cli {
namespace {

// "0680,0643, 0665" -> codes; the store refuses empty lists, unknown codes and repeats.
std::vector<std::string> member_codes(const std::string& text) {
    std::vector<std::string> out;
    std::string code;
    auto flush = [&] {
        const auto a = code.find_first_not_of(' ');
        if (a != std::string::npos) out.push_back(code.substr(a, code.find_last_not_of(' ') - a + 1));
        code.clear();
    };
    for (char c : text) {
        if (c == ',') flush();
        else code += c;
    }
    flush();
    return out;
}

std::string checked_kind(const std::string& kind) {
    if (kind != "association" && kind != "custom")
        throw UsageError(format(tr(N_("--kind must be association or custom, not \"{1}\"")), {kind}));
    return kind;
}

Grouping named(Store& store, const std::string& name) {
    const auto g = store.grouping_named(name);
    if (!g) throw StoreError(StoreError::Kind::NotFound, format(tr(N_("There is no grouping named \"{1}\".")), {name}));
    return *g;
}

}  // namespace

int groupings_list(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    args.finish();
    for (const Grouping& g : store.groupings()) {
        std::string codes, names;
        for (const auto& code : g.members) {
            const auto m = store.municipality(code);
            codes += (codes.empty() ? "" : ",") + code;
            names += (names.empty() ? "" : ",") + (m ? m->name : code);
        }
        ctx.out << g.name << '\t' << g.kind << '\t' << codes << '\t' << names << '\n';
    }
    return 0;
}

int grouping_add(Args& args, Context& ctx) {
    Store store = open_store(args);
    const std::string name = args.required("--name");
    const std::string members = args.required("--members");
    const std::string kind = checked_kind(args.option("--kind").value_or("custom"));
    args.finish();
    ctx.out << store.add_grouping(name, kind, member_codes(members)) << '\n';
    return 0;
}

int grouping_edit(Args& args, Context&) {
    Store store = open_store(args);
    const std::string name = args.required("--name");
    const auto rename = args.option("--rename");
    const auto members = args.option("--members");
    const auto kind = args.option("--kind");
    args.finish();
    if (!rename && !members && !kind)
        throw UsageError(tr(N_("grouping edit needs --rename, --members or --kind")));
    Grouping g = named(store, name);
    if (rename) g.name = *rename;
    if (members) g.members = member_codes(*members);
    if (kind) g.kind = checked_kind(*kind);
    store.update_grouping(g);
    return 0;
}

int grouping_remove(Args& args, Context&) {
    Store store = open_store(args);
    const std::string name = args.required("--name");
    args.finish();
    store.remove_grouping(named(store, name).id);
    return 0;
}

}  // namespace fidelis::cli
