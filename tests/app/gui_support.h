#pragma once
// Driving the real Fidelis window in tests: a display (Xvfb when there is none), wx
// started once per process, keys and clicks through the X server, dialogs filled in the
// way a user would, through wxExpectModal.
#include <wx/filedlg.h>
#include <wx/testing.h>
#include <wx/window.h>

#include <functional>
#include <string>

namespace fidelis::test {

// Without a display, runs the current test case again under xvfb-run, checks that it
// passed, and returns true: the caller then returns at once. `screen` is Xvfb's screen
// ("1024x768x24" for a projector's).
bool delegated_to_xvfb(const std::string& screen = "1280x800x24");

void start_wx();
// Lets the window handle what has happened, for `ms` milliseconds.
void pump(int ms = 60);
// A key through the X server, as a user presses it.
void key(int keycode, int modifiers = 0);
void click(wxWindow* window);
wxWindow* find_named(wxWindow* parent, const wxString& accessible_name);

// Fills a dialog when the code under test shows it, and presses OK.
template <class D>
class Fill : public wxExpectModalBase<D, Fill<D>> {
public:
    explicit Fill(std::function<void(D*)> fill) : fill_(std::move(fill)) {}

protected:
    int OnInvoked(D* dialog) const override {
        fill_(dialog);
        return wxID_OK;
    }

private:
    std::function<void(D*)> fill_;
};

// Drives a dialog the way a user does: `drive` gets it when the code under test shows it, can
// show it and press its own OK button, and returns the code the dialog ends with.
template <class D>
class Drive : public wxExpectModalBase<D, Drive<D>> {
public:
    explicit Drive(std::function<int(D*)> drive) : drive_(std::move(drive)) {}

protected:
    int OnInvoked(D* dialog) const override { return drive_(dialog); }

private:
    std::function<int(D*)> drive_;
};

// Answers a save dialog with `path`. GTK's chooser takes a new folder asynchronously, so
// the answer waits until the dialog reports the path back.
class SaveAs : public wxExpectModalBase<wxFileDialog, SaveAs> {
public:
    explicit SaveAs(const wxString& path) : path_(path) {}

protected:
    int OnInvoked(wxFileDialog* dialog) const override;

private:
    wxString path_;
};

}  // namespace fidelis::test
