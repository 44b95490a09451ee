// Exchange files are written and read one element at a time: the bytes are those of a
// whole-document save, problems keep their place in the whole file, and a file read as
// a stream gives the same verdict as the same text in memory.
#include "store_fixture.h"

#include "store/demo.h"
#include "store/exchange.h"

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

const std::string& demo_file() {
    static const std::string file = [] {
        TempDir dir;
        Store demo = create_demo(db_path(dir, "demo.fidelis"));
        return export_rounds(demo, all_ids(demo));
    }();
    return file;
}

// "file:line:column" of a byte offset, counted the way an editor counts (columns in characters).
std::string position(const std::string& text, std::size_t offset, const std::string& label) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return label + ":" + std::to_string(line) + ":" + std::to_string(column) + ":";
}

std::string refusal(Store& store, const std::string& text) {
    try {
        import_exchange(store, text, "big.xml", {});
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("An export written to a stream is the same bytes as the export in memory, an empty one included") {
    TempDir dir;
    Store demo = create_demo(db_path(dir, "demo.fidelis"));
    std::ostringstream out;
    export_rounds(demo, all_ids(demo), out);
    CHECK(out.str() == demo_file());
    CHECK(export_rounds(demo, {}) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fidelis-exchange xmlns=\"urn:fidelis:exchange:1\" format=\"2\" />\n");
    Store empty = Store::create(db_path(dir, "empty.fidelis"), "06");
    CHECK(import_exchange(empty, export_rounds(demo, {}), "empty.xml", {}).rounds.empty());
}

TEST_CASE("A problem deep in a file is reported at its line and column in the whole file") {
    const std::string& file = demo_file();
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    // An unknown attribute on a rating in the last round, far past the first read block.
    const std::size_t rating = file.rfind("<rating item=\"S3\"");
    REQUIRE(rating != std::string::npos);
    REQUIRE(rating > (std::size_t(1) << 21));
    std::string bad = file;
    bad.insert(rating + 8, "colour=\"röd\" ");
    const std::string message = refusal(store, bad);
    CHECK_THAT(message, Catch::Contains("unknown attribute \"colour\""));
    CHECK(message.rfind(position(bad, rating, "big.xml"), 0) == 0);

    // Broken XML there: the only problem listed, at its place.
    std::string broken = file;
    broken.insert(rating, "<oops");
    const std::string broken_message = refusal(store, broken);
    const std::string at = position(broken, rating, "big.xml");
    const std::string at_line = at.substr(0, at.rfind(':', at.size() - 2) + 1);  // "big.xml:LINE:"
    CHECK(broken_message.rfind(at_line, 0) == 0);
    CHECK(std::count(broken_message.begin(), broken_message.end(), '\n') <= 1);
    CHECK(store.all_rounds().empty());
}

TEST_CASE("A file read from a stream gives the same verdict as the same text in memory") {
    const std::string& file = demo_file();
    TempDir dir;
    const std::string path = (dir / "demo.xml").string();
    std::ofstream(path, std::ios::binary) << file;
    Store a = Store::create(db_path(dir, "a.fidelis"), "06");
    Store b = Store::create(db_path(dir, "b.fidelis"), "06");
    std::ifstream in(path, std::ios::binary);
    const ImportReport streamed = import_exchange(a, in, path, {});
    const ImportReport in_memory = import_exchange(b, file, path, {});
    CHECK(streamed.rounds.size() == in_memory.rounds.size());
    CHECK(streamed.count(ImportedRound::Outcome::Added) == int(all_ids(a).size()));
    CHECK(export_rounds(a, all_ids(a)) == file);
}

TEST_CASE("A team listed after the rounds is refused with the reason, and nothing is imported") {
    std::string file = demo_file();
    const std::size_t team = file.find("  <team ");
    const std::size_t team_end = file.find('\n', team) + 1;
    const std::string line = file.substr(team, team_end - team);
    file.erase(team, team_end - team);
    file.insert(file.rfind("</fidelis-exchange>"), line);
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const std::string message = refusal(store, file);
    CHECK_THAT(message, Catch::Contains("<team> comes after the first <round>"));
    CHECK(store.all_rounds().empty());
}

TEST_CASE("Text, comments and processing instructions between the elements are read as a whole-file parse reads them") {
    std::string file = demo_file();
    const std::size_t first_round = file.find("  <round ");
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    std::string with_comments = file;
    with_comments.insert(first_round, "<!-- a <round> in a comment -->\n<?note x?>\n");
    with_comments += "<!-- after the end -->\n";
    CHECK(refusal(store, with_comments).empty());

    std::string with_text = file;
    with_text.insert(first_round, "stray words\n");
    CHECK_THAT(refusal(store, with_text), Catch::Contains("<fidelis-exchange> may not contain text directly"));

    std::string two_roots = file + "<fidelis-exchange/>\n";
    CHECK_THAT(refusal(store, two_roots), Catch::Contains("more than one root element"));

    std::string doctype = file;
    doctype.insert(file.find('\n') + 1, "<!DOCTYPE x [<!ENTITY a \"b\">]>\n");
    CHECK_THAT(refusal(store, doctype), Catch::Contains("DOCTYPE declarations are not allowed"));

    std::string bad_utf8 = file;
    bad_utf8.insert(first_round, "<!-- \xFF -->");
    CHECK_THAT(refusal(store, bad_utf8), Catch::Contains("invalid UTF-8"));
}
