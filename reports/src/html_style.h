#pragma once
// The one inline style sheet of an HTML report (render_html.cpp), in the palette's colours.
#include <string>

namespace fidelis::reports {

// Screen CSS that reflows down to 320 px, and print CSS for A4 (portrait or landscape).
std::string html_style(bool landscape);

}  // namespace fidelis::reports
