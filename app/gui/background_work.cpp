// Long work on a worker thread behind an app-modal progress dialog (background_work.h).
// The UI thread runs an event loop of its own until the worker is done, and a timer there
// moves the bar: the worker only stores numbers in atomics and never calls wx.
#include "background_work.h"

#include "ui.h"

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

#include <algorithm>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

namespace fidelis::gui {
namespace {

bool g_running = false;                       // UI thread only
std::vector<std::function<void()>> g_waiting;  // after_background_work, UI thread only

constexpr int steps = 1000;        // the bar's resolution
constexpr int poll_interval = 50;  // ms: smooth enough for the bar, nothing for the CPU

}  // namespace

std::function<void(BackgroundWork&)> BackgroundWork::on_poll;
std::function<void(double)> BackgroundWork::on_progress;

bool background_work_running() { return g_running; }

void after_background_work(std::function<void()> action) {
    if (g_running) g_waiting.push_back(std::move(action));
    else action();
}

bool run_in_background(wxWindow* parent, const wxString& message, const std::function<void(const Progress&)>& work) {
    // Whatever was queued before (a page's refresh after a tab change) runs now, on this
    // thread, before the Store is handed to the worker.
    if (wxTheApp) wxTheApp->ProcessPendingEvents();

    BackgroundWork state;
    bool cancelled = false;
    std::exception_ptr error;
    {
        // App-modal: every other window is disabled until the dialog goes, so no click or
        // key can reach a page that reads the Store. Never at its maximum, which would
        // turn the dialog into a "Done" one waiting to be closed.
        wxProgressDialog dialog(_("Fidelis"), message, steps, parent,
                                wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_SMOOTH);
        state.dialog_ = &dialog;
        const Progress progress = [&state](double fraction) {
            state.fraction_ = std::clamp(fraction, 0.0, 1.0);
            if (BackgroundWork::on_progress) BackgroundWork::on_progress(fraction);
            return !state.cancel_;
        };
        g_running = true;
        std::thread worker([&] {
            try {
                work(progress);
            } catch (const Cancelled&) {
                cancelled = true;
            } catch (...) {
                error = std::current_exception();
            }
            state.done_ = true;  // after the results above: the UI thread reads them once it sees this
        });

        wxGUIEventLoop loop;
        wxTimer timer;
        bool in_tick = false;  // Update() lets the toolkit run, which may fire the timer again
        timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            if (in_tick) return;
            in_tick = true;
            if (state.done_) {
                loop.Exit();
            } else {
                if (BackgroundWork::on_poll) BackgroundWork::on_poll(state);
                if (!dialog.Update(std::min(steps - 1, int(state.fraction() * steps)))) state.cancel();
            }
            in_tick = false;
        });
        timer.Start(poll_interval);
        loop.Run();
        timer.Stop();
        worker.join();
        g_running = false;
        state.dialog_ = nullptr;
    }
    // The dialog is gone and the windows are enabled again; now what waited may run.
    std::vector<std::function<void()>> waiting;
    waiting.swap(g_waiting);
    for (auto& action : waiting) action();
    if (error) std::rethrow_exception(error);
    return !cancelled;
}

}  // namespace fidelis::gui
