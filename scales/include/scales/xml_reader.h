#pragma once
// Strict reading of Fidelis XML files (scale definitions, exchange files): the parse
// refuses DTDs and bad UTF-8, and every later complaint carries the element's
// line and column. Shared so both formats fail the same way.
#include "scales/diagnostic.h"

#include <pugixml.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis {

class LocalText;

class XmlReader {
public:
    XmlReader(std::string_view text, std::string file_label);

    // Parses the text. Returns false (with diagnostics) for an empty file, bad UTF-8,
    // malformed XML, a DOCTYPE, or anything but exactly one root element.
    bool parse(const char* expected_root);
    pugi::xml_node root() const { return root_; }

    void error(pugi::xml_node at, std::string message);
    void error_at_offset(std::size_t offset, std::string message);
    const std::vector<Diagnostic>& problems() const { return problems_; }
    bool failed() const { return !problems_.empty(); }

    // Complains about child elements and attributes outside the allowed lists, and about
    // text inside an element that holds only elements. xmlns and xsi attributes are always allowed.
    void check_shape(pugi::xml_node node, std::initializer_list<const char*> children,
                     std::initializer_list<const char*> attributes, bool holds_text = false);
    // The value of a required attribute; reports and returns nullopt when it is missing or empty.
    std::optional<std::string> required(pugi::xml_node node, const char* attribute);
    // Locale-free; "inf", "nan" and numbers beyond double's range are refused.
    std::optional<double> number(pugi::xml_node node, const char* attribute);
    // 64-bit, refused (never wrapped) outside [min, max].
    std::optional<std::int64_t> integer(pugi::xml_node node, const char* attribute,
                                        std::int64_t min = INT32_MIN, std::int64_t max = INT32_MAX);
    std::optional<bool> boolean(pugi::xml_node node, const char* attribute);   // "true"/"false"
    // The element's text with whitespace collapsed; a blank line is kept as a paragraph break.
    std::string text(pugi::xml_node node);
    // Repeated `name` children with a lang attribute, one per language in `languages`.
    LocalText local_text(pugi::xml_node parent, const char* name, const std::vector<std::string>& languages,
                         bool required);

private:
    int line_of(std::size_t offset, int* column) const;
    std::size_t offset_of(pugi::xml_node node) const;

    std::string_view text_;
    std::string file_;
    pugi::xml_document doc_;
    pugi::xml_node root_;
    std::vector<std::size_t> line_starts_;
    std::vector<Diagnostic> problems_;
};

}  // namespace fidelis
