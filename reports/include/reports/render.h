#pragma once
// Drawing a report document (document.h): as a PDF through libharu, or as one
// self-contained HTML file (inline CSS, charts as inline SVG with a title, a description
// and their numbers in a table, no outside resources, print CSS). Both write through a
// temporary file and a rename: a failed report leaves nothing behind.
#include "reports/document.h"

#include <optional>
#include <string>

namespace fidelis::reports {

enum class Format { Pdf, Html };

// The format `path`'s extension asks for (.pdf, .html or .htm, in any case). Throws
// Error, naming both endings, for any other.
Format format_of(const std::string& path);
// The same without throwing: empty for any other ending.
std::optional<Format> try_format_of(const std::string& path);

void render_pdf(const Document& doc, const std::string& path);
void render_html(const Document& doc, const std::string& path);
// The HTML as a string, for tests and for the window's preview.
std::string html_of(const Document& doc);
// By format_of(path).
void render(const Document& doc, const std::string& path);

}  // namespace fidelis::reports
