// fidelis: the window. Opens the last database (or the one given with --db), or offers to
// create one, open one or try the demo.
#include "app.h"

wxIMPLEMENT_APP(fidelis::gui::FidelisApp);
