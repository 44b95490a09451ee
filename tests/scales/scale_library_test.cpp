// Finding scales: built-in and user folders, and user files that collide with built-ins.
#include "run.h"
#include "scales/scale_library.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace fidelis;
using fidelis::test::TempDir;

namespace {

const std::string definitions = std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions";

std::string mini() { return test::read_file(std::string(FIDELIS_FIXTURES) + "/scales/mini.xml"); }

}  // namespace

TEST_CASE("The built-in folder of a build is the source tree's definitions") {
    const ScaleLibrary lib = ScaleLibrary::discover();
    CHECK(lib.problems().empty());
    const ScaleEntry* ips = lib.find("ips-25");
    REQUIRE(ips);
    CHECK(ips->origin == ScaleOrigin::BuiltIn);
    CHECK(std::filesystem::equivalent(ips->path, definitions + "/ips-25.xml"));
    CHECK(lib.find("seqf-se"));
}

TEST_CASE("A user scale is found in the user folder") {
    TempDir user;
    test::write_file((user / "mine.xml").string(), mini());
    const ScaleLibrary lib = ScaleLibrary::discover({{definitions, ScaleOrigin::BuiltIn}, {user.path(), ScaleOrigin::User}});
    const ScaleEntry* e = lib.find("test-mini");
    REQUIRE(e);
    CHECK(e->origin == ScaleOrigin::User);
    CHECK(lib.entries().size() == 3);
}

TEST_CASE("A user file with a built-in's id and edition but other content is reported, not used") {
    TempDir user;
    std::string text = test::read_file(definitions + "/ips-25.xml");
    text.replace(text.find("41 eller fler"), 13, "42 eller fler");
    test::write_file((user / "ips-25-edited.xml").string(), text);
    const ScaleLibrary lib = ScaleLibrary::discover({{definitions, ScaleOrigin::BuiltIn}, {user.path(), ScaleOrigin::User}});
    REQUIRE(lib.problems().size() == 1);
    CHECK(lib.problems()[0].file == (user / "ips-25-edited.xml").string());
    CHECK(lib.problems()[0].message.find("differs from") != std::string::npos);
    const ScaleEntry* e = lib.find("ips-25", "2019");
    REQUIRE(e);
    CHECK(e->origin == ScaleOrigin::BuiltIn);
}

TEST_CASE("An identical copy in the user folder is harmless, and a new edition is offered") {
    TempDir user;
    test::write_file((user / "copy.xml").string(), test::read_file(definitions + "/ips-25.xml"));
    std::string next = test::read_file(definitions + "/ips-25.xml");
    next.replace(next.find("edition=\"2019\""), 14, "edition=\"2026\"");
    test::write_file((user / "ips-25-2026.xml").string(), next);
    const ScaleLibrary lib = ScaleLibrary::discover({{definitions, ScaleOrigin::BuiltIn}, {user.path(), ScaleOrigin::User}});
    CHECK(lib.problems().empty());
    REQUIRE(lib.find("ips-25"));
    CHECK(lib.find("ips-25")->scale->edition == "2026");  // newest edition by default
    CHECK(lib.find("ips-25", "2019")->origin == ScaleOrigin::BuiltIn);
}

TEST_CASE("Broken user files are listed while the valid scales stay usable") {
    TempDir user;
    test::write_file((user / "broken.xml").string(), "<scale>");
    const ScaleLibrary lib = ScaleLibrary::discover({{definitions, ScaleOrigin::BuiltIn}, {user.path(), ScaleOrigin::User}});
    REQUIRE(lib.problems().size() == 1);
    CHECK(lib.problems()[0].to_string().rfind((user / "broken.xml").string() + ":1:", 0) == 0);
    CHECK(lib.find("ips-25"));
}

TEST_CASE("Editions compare with numbers as numbers") {
    CHECK(compare_editions("2019", "2020") < 0);
    CHECK(compare_editions("2019.2", "2019.10") < 0);
    CHECK(compare_editions("2026.1", "2026.1") == 0);
    CHECK(compare_editions("10", "9") > 0);
}
