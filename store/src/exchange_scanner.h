#pragma once
// Reads an exchange file from a stream as a sequence of its top-level elements (each
// <scale>, <team> and <round>), so a file of any size is read with memory for about
// one element. The scanner only finds where each element starts and ends (tags, quoted
// attribute values, comments, CDATA, processing instructions) and keeps count of lines
// and columns; each element's text is then parsed strictly by XmlReader on its own, and
// positions_from() moves its diagnostics to where the element sits in the file.
//
// What lies between the elements is checked here as a whole-document parse would:
// valid UTF-8, no DOCTYPE, one root, its end tag, nothing but whitespace, comments and
// processing instructions. A problem that stops the reading (malformed XML, a DOCTYPE,
// bad UTF-8, the wrong root) is fatal(): it is then the file's only diagnostic, as with
// a parse of the whole file.
#include "scales/diagnostic.h"

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace fidelis::exchange {

class Scanner {
public:
    struct Element {
        std::string_view text;  // from its '<' to the '>' that ends it; valid until the next call
        std::string name;
        int line = 1;
        int column = 1;
    };

    Scanner(std::istream& in, std::string file_label);

    // Reads the prologue and the root's start tag. The root's text is its start tag made
    // into a document of its own (an end tag added), to parse for its attributes.
    bool root(Element& out);
    // The next element inside the root; false at the root's end tag, or when fatal().
    bool next(Element& out);
    // How many runs of text other than whitespace stood directly inside the root so far.
    int stray_texts() const { return stray_texts_; }

    const std::optional<Diagnostic>& fatal() const { return fatal_; }
    // A diagnostic of an element's own parse, moved to where the element is in the file.
    static Diagnostic moved_to(const Element& element, Diagnostic d);

private:
    bool more();                                      // reads the next block; false at the end
    bool ensure(std::size_t end);                     // buf_ holds [0, end) if the file does
    std::size_t find(std::string_view what, std::size_t from);
    std::size_t tag_end(std::size_t from, bool* broken);  // the '>' closing a tag, past quoted values
    std::size_t element_end(std::size_t start);       // just past the element starting at start
    std::size_t skip_markup(std::size_t lt);          // past a comment, CDATA, PI or <!…>; npos if truncated
    bool advance(std::size_t to, bool validate);      // moves the line count; false on bad UTF-8
    void fail(std::size_t at, std::string message);
    void compact();
    bool non_blank(std::size_t from, std::size_t to) const;
    bool element_at(std::size_t lt, Element& out);
    void trailing();  // after the root's end tag

    std::istream& in_;
    std::string file_;
    std::string buf_;
    std::size_t pos_ = 0;       // scanning position in buf_
    std::size_t tracked_ = 0;   // position in buf_ that line_ and column_ describe
    int line_ = 1;
    int column_ = 1;
    bool eof_ = false;
    bool done_ = false;         // past the root's end tag
    int stray_texts_ = 0;
    std::string root_name_;
    std::string root_text_;
    std::optional<Diagnostic> fatal_;
};

}  // namespace fidelis::exchange
