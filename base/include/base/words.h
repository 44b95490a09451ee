#pragma once
// Space-separated words, as attributes and columns hold lists: sources="MIS DOC",
// checked components "a c d", value="teams3plus none".
#include <string>
#include <vector>

namespace fidelis {

std::vector<std::string> split_words(const std::string& text);
std::string join_words(const std::vector<std::string>& words);

}  // namespace fidelis
