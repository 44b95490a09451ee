#pragma once
// Long work (the demo county, an import, a report, a CSV or exchange file) on a worker
// thread, while the window shows a progress bar with Cancel and keeps repainting. The
// Store belongs to the worker while it runs: the progress dialog is app-modal, so no click
// or key reaches the window, and what would touch the Store from the UI thread waits
// (after_background_work).
#include "base/progress.h"

#include <wx/string.h>

#include <atomic>
#include <functional>

class wxWindow;

namespace fidelis::gui {

// Runs `work` on a worker thread and hands it the Progress to pass on to the library. The
// UI thread meanwhile shows `message` with a bar, Cancel and the time elapsed, and runs its
// event loop. `work` must make no wx call: it is not on the UI thread. Returns true when
// the work finished and false when it was cancelled (it threw Cancelled); anything else it
// threw is rethrown here, on the UI thread, once the dialog is gone.
bool run_in_background(wxWindow* parent, const wxString& message, const std::function<void(const Progress&)>& work);

// True while work runs on the worker thread.
bool background_work_running();
// Runs `action` now, or on the UI thread as soon as the running work has finished: for
// anything queued meanwhile that reads or writes the Store.
void after_background_work(std::function<void()> action);

// The running work as the UI thread sees it; tests watch and cancel it through on_poll.
class BackgroundWork {
public:
    double fraction() const { return fraction_; }  // the last fraction the work reported
    bool cancelled() const { return cancel_; }
    void cancel() { cancel_ = true; }  // what the Cancel button does
    wxWindow* dialog() const { return dialog_; }

    // Test hooks. on_poll: on the UI thread at every update of the bar while the work runs.
    // on_progress: on the worker thread whenever the work reports, before it hears whether
    // to go on; a test can hold the work there while it watches the window.
    static std::function<void(BackgroundWork&)> on_poll;
    static std::function<void(double fraction)> on_progress;

private:
    friend bool run_in_background(wxWindow*, const wxString&, const std::function<void(const Progress&)>&);
    std::atomic<double> fraction_{0};
    std::atomic<bool> cancel_{false};
    std::atomic<bool> done_{false};
    wxWindow* dialog_ = nullptr;
};

}  // namespace fidelis::gui
