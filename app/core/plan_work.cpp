// Improvement-plan work for the window and the CLI alike (plan_work.h).
#include "plan_work.h"

#include "reports/analysis.h"
#include "reports/goal_suggestions.h"

namespace fidelis::core {

int add_suggested_goals(Store& store, Id round, const std::string& lang) {
    const reports::RoundAnalysis analysis = reports::analyse_round(store, round);
    Transaction tx = store.begin();
    int added = 0;
    for (const PlanGoal& g : reports::suggested_goals(analysis, store.plan(round), lang)) {
        store.add_goal(round, g);
        ++added;
    }
    tx.commit();
    return added;
}

}  // namespace fidelis::core
