#pragma once
// The tree on the left: county → county parts → municipalities → teams.
#include "session.h"

#include <wx/panel.h>

#include <functional>

class wxTreeCtrl;
class wxTreeItemId;

namespace fidelis::gui {

class Navigator : public wxPanel {
public:
    Navigator(wxWindow* parent, Session& session);
    void rebuild();
    void select_team(Id team);
    // The width that shows every name in the tree whole.
    int wanted_width() const;
    // After each rebuild, so the frame can give the tree the width its names want.
    std::function<void()> on_rebuilt;
    std::function<void()> on_county;
    std::function<void()> on_plans;  // the managers' overview node
    std::function<void(Id team)> on_team;
    std::function<void(const std::string& municipality)> on_new_team;

private:
    Session& session_;
    wxTreeCtrl* tree_ = nullptr;
    wxWindow* add_team_ = nullptr;
    bool selecting_ = false;  // a selection made by the program, not the user
};

}  // namespace fidelis::gui
