#pragma once
// What a reader sees of a PDF's words, for tests of every report: pairs of words drawn
// over each other (which nobody can read), from poppler's own word boxes.
#include <string>
#include <vector>

namespace fidelis::test {

// Each pair of words whose boxes overlap on a page, as "page N: "a" over "b"". The letters
// of the rotated draft stamp are left out: they lie across the page on purpose. Throws
// std::runtime_error when pdftotext cannot read the file.
std::vector<std::string> overlapping_words(const std::string& pdf_path);

}  // namespace fidelis::test
