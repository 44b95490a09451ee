// fidelis-cli consensus accept: agrees every item where all raters gave the same level,
// as the Consensus tab's button does (store/consensus.h), for teams that script a round.
#include "commands.h"
#include "options.h"

#include "base/i18n.h"
#include "store/consensus.h"

#include <ostream>

namespace fidelis::cli {

// Prints each item agreed, one per line; nothing when there was nothing to agree.
int consensus_accept(Args& args, Context& ctx) {
    const Id round = parse_id(args.required("--round"), "--round");
    Store store = open_store(args);
    args.finish();
    for (const std::string& item : accept_unanimous(store, round, translator())) ctx.out << item << '\n';
    return 0;
}

}  // namespace fidelis::cli
