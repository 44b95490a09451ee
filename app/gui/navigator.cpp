#include "navigator.h"

#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/treectrl.h>

#include <algorithm>
#include <map>
#include <set>

namespace fidelis::gui {
namespace {

// What a tree node stands for.
struct Node : wxTreeItemData {
    enum Kind { County, Group, Municipality, TeamNode, Plans } kind;
    std::string code;
    Id team = 0;
    Node(Kind k, std::string c = {}, Id t = 0) : kind(k), code(std::move(c)), team(t) {}
};

}  // namespace

Navigator::Navigator(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE);
    name_for_screen_readers(tree_, _("County, municipalities and teams"));
    v->Add(tree_, 1, wxEXPAND);
    auto* add = new wxButton(this, wxID_ANY, _("New team…"));
    add_team_ = add;
    v->Add(add, 0, wxEXPAND | wxTOP, FromDIP(4));
    SetSizer(v);
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (selecting_) return;
        const auto* node = dynamic_cast<Node*>(tree_->GetItemData(e.GetItem()));
        if (!node) return;
        if (node->kind == Node::TeamNode && on_team) on_team(node->team);
        else if (node->kind == Node::County && on_county) on_county();
        else if (node->kind == Node::Plans && on_plans) on_plans();
    });
    // A long team name may still be cut at the pane's edge (1024×768, a narrowed pane): the
    // whole name shows on hovering.
    tree_->Bind(wxEVT_TREE_ITEM_GETTOOLTIP, [this](wxTreeEvent& e) { e.SetToolTip(tree_->GetItemText(e.GetItem())); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string code;
        if (tree_->GetSelection().IsOk())
            if (const auto* node = dynamic_cast<Node*>(tree_->GetItemData(tree_->GetSelection())))
                if (node->kind == Node::Municipality) code = node->code;
        if (on_new_team) on_new_team(code);
    });
}

void Navigator::rebuild() {
    tree_->DeleteAllItems();
    add_team_->Enable(session_.has_store() && !session_.store->read_only());
    if (!session_.has_store()) return;
    Store& store = *session_.store;
    const County county = store.home_county();
    const wxTreeItemId root = tree_->AddRoot("");
    const wxTreeItemId top = tree_->AppendItem(root, wx(county.name), -1, -1, new Node(Node::County, county.code));
    std::map<std::string, std::vector<Team>> teams_by_municipality;
    for (const Team& t : store.teams()) teams_by_municipality[t.municipality_code].push_back(t);
    auto add_municipality = [&](const wxTreeItemId& parent, const Municipality& m) {
        const auto& teams = teams_by_municipality[m.code];
        const wxString label = teams.empty() ? wx(m.name) : wx(m.name) + wxString::Format(" (%zu)", teams.size());
        const wxTreeItemId node = tree_->AppendItem(parent, label, -1, -1, new Node(Node::Municipality, m.code));
        for (const Team& t : teams) {
            wxString name = wx(t.name + " · " + code_of(t.method));
            if (!t.active) name += " (" + _("inactive") + ")";
            tree_->AppendItem(node, name, -1, -1, new Node(Node::TeamNode, m.code, t.id));
        }
    };
    std::set<std::string> placed;
    for (const Grouping& g : store.groupings()) {
        if (g.kind != "county-part") continue;
        const wxTreeItemId group = tree_->AppendItem(top, wx(g.name), -1, -1, new Node(Node::Group, g.name));
        for (const auto& code : g.members) {
            if (const auto m = store.municipality(code)) add_municipality(group, *m);
            placed.insert(code);
        }
        tree_->Expand(group);
    }
    for (const Municipality& m : store.municipalities(county.code))
        if (!placed.count(m.code)) add_municipality(top, m);
    // Teams elsewhere in the country, e.g. from an imported exchange file.
    wxTreeItemId others;
    for (const auto& [code, teams] : teams_by_municipality) {
        const auto m = store.municipality(code);
        if (!m || m->county_code == county.code || teams.empty()) continue;
        if (!others.IsOk()) others = tree_->AppendItem(top, _("Other counties"), -1, -1, new Node(Node::Group, "other"));
        add_municipality(others, *m);
    }
    tree_->Expand(top);
    // The managers' way in: every team's plan and what is overdue, first, where it is seen
    // without scrolling past every municipality.
    tree_->PrependItem(root, _("Improvement plans, all teams"), -1, -1, new Node(Node::Plans));
    wxTreeItemIdValue cookie;
    for (wxTreeItemId g = tree_->GetFirstChild(top, cookie); g.IsOk(); g = tree_->GetNextChild(top, cookie)) {
        wxTreeItemIdValue c2;
        for (wxTreeItemId m = tree_->GetFirstChild(g, c2); m.IsOk(); m = tree_->GetNextChild(g, c2)) tree_->Expand(m);
    }
    if (on_rebuilt) on_rebuilt();
}

int Navigator::wanted_width() const {
    // A name starts a button's width plus one indent per level in (the root is hidden);
    // then room for the scroll bar and the pane's border.
    int widest = 0;
    std::function<void(const wxTreeItemId&, int)> walk = [&](const wxTreeItemId& item, int depth) {
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree_->GetFirstChild(item, cookie); c.IsOk(); c = tree_->GetNextChild(item, cookie)) {
            const int x = FromDIP(18) + int(tree_->GetIndent()) * (depth + 1) + tree_->GetTextExtent(tree_->GetItemText(c)).x;
            widest = std::max(widest, x);
            walk(c, depth + 1);
        }
    };
    if (tree_->GetRootItem().IsOk()) walk(tree_->GetRootItem(), 0);
    return widest + FromDIP(28);
}

void Navigator::select_team(Id team) {
    std::function<bool(const wxTreeItemId&)> find = [&](const wxTreeItemId& item) {
        if (const auto* node = dynamic_cast<Node*>(tree_->GetItemData(item)); node && node->kind == Node::TeamNode && node->team == team) {
            selecting_ = true;
            tree_->SelectItem(item);
            tree_->EnsureVisible(item);
            selecting_ = false;
            return true;
        }
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree_->GetFirstChild(item, cookie); c.IsOk(); c = tree_->GetNextChild(item, cookie))
            if (find(c)) return true;
        return false;
    };
    if (tree_->GetRootItem().IsOk()) find(tree_->GetRootItem());
}

}  // namespace fidelis::gui
