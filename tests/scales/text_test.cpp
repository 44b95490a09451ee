// The shared text pieces: UTF-8, collation, dates, numbers and the translation catalog.
#include "base/collation.h"
#include "run.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/sha256.h"
#include "base/utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

using namespace fidelis;

TEST_CASE("Swedish order puts Å, Ä and Ö after Z") {
    std::vector<std::string> names = {"Östra", "Ängelholm", "Åre", "Zinkgruvan", "Aneby", "ärlig", "Eksjö", "Ödeshög"};
    std::sort(names.begin(), names.end(), SwedishLess{});
    CHECK(names == std::vector<std::string>{"Aneby", "Eksjö", "Zinkgruvan", "Åre", "Ängelholm", "ärlig", "Ödeshög",
                                            "Östra"});
    CHECK(swedish_compare("Vaggeryd", "Värnamo") < 0);
    CHECK(swedish_compare("Värnamo", "Vetlanda") > 0);  // ä sorts after every plain letter
    CHECK(swedish_compare("anna", "Anna") < 0);         // case breaks ties only
    CHECK(swedish_compare("Anna", "anne") < 0);
    CHECK(swedish_compare("Müller", "Myller") > 0);      // ü sorts as y, then the accent breaks the tie
    CHECK(swedish_compare("abc", "abc") == 0);
}

TEST_CASE("UTF-8 is validated with the position of a bad byte and sanitised") {
    CHECK(utf8::is_valid("åäö €"));
    CHECK(utf8::find_invalid("ok \xC3\x28") == 3);
    CHECK(utf8::find_invalid("\xED\xA0\x80") == 0);  // a surrogate
    CHECK(utf8::find_invalid("\xC0\xAF") == 0);      // an overlong slash
    CHECK(utf8::sanitize("a\xFF" "b\x01" "c\r\nd") == "a\xEF\xBF\xBD" "bc\nd");
    CHECK(utf8::length("åäö") == 3);
    const auto pos = utf8::position_of("ab\nåäx", 7);
    CHECK(pos.line == 2);
    CHECK(pos.column == 3);
}

TEST_CASE("SHA-256 matches the published test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Dates parse strictly and do arithmetic") {
    CHECK(Date::try_parse("2026-01-15").has_value());
    CHECK_FALSE(Date::try_parse("2026-02-30"));
    CHECK_FALSE(Date::try_parse("15/01/2026"));
    CHECK(Date::try_parse("2024-02-29").has_value());
    const Date d = *Date::try_parse("2025-12-31");
    CHECK(d.add_days(1).iso() == "2026-01-01");
    CHECK(d.add_months(2).iso() == "2026-02-28");
    CHECK(Date::from_days(d.days()) == d);
    CHECK(format_date_long(d, SourceLanguage()) == "31 December 2025");
}

TEST_CASE("Numbers follow the language, not the process locale") {
    CHECK(format_decimal(3.26, 1, "sv") == "3,3");
    CHECK(format_decimal(2.5, 1, "sv") == "2,5");
    CHECK(format_decimal(2.5, 1, "en") == "2.5");
    CHECK(format_decimal(-0.04, 1, "en") == "0.0");
    CHECK(format_change(2, 0, "en") == "+2");
    CHECK(format_change(-1.5, 1, "sv") == "\xE2\x88\x92" "1,5");
    CHECK(format_change(0, 0, "sv") == "0");
    CHECK(format_percent(0.375, "sv") == "38\xC2\xA0%");
    CHECK(format_percent(0.375, "en") == "38%");
}

TEST_CASE("A stored number is shown as typed, to its last decimal, with the language's sign") {
    CHECK(typed_number(shortest_number(22.5), "sv") == "22,5");
    CHECK(typed_number(shortest_number(22.5), "en") == "22.5");
    CHECK(typed_number(shortest_number(90.125), "sv") == "90,125");
    CHECK(typed_number("6", "sv") == "6");
}

TEST_CASE("The Swedish catalog translates library text and plurals") {
    const auto sv = load_translator("sv");
    CHECK(sv->language() == "sv");
    CHECK(sv->tr("the file is empty") == "filen är tom");
    CHECK(sv->tr("a string nobody translated") == "a string nobody translated");
    CHECK(format(sv->trn("{1} item", "{1} items", 1), {"1"}) == "1 punkt");
    CHECK(format(sv->trn("{1} item", "{1} items", 25), {"25"}) == "25 punkter");
    CHECK(format_date_long(*Date::try_parse("2026-01-15"), *sv) == "15 januari 2026");
    CHECK(load_translator("en")->tr("the file is empty") == "the file is empty");
}

TEST_CASE("Patterns take numbered arguments in any order") {
    CHECK(format("{2} before {1}", {"a", "b"}) == "b before a");
    CHECK(format("{1} and {1}", {"x"}) == "x and x");
    CHECK(format("{3} is missing", {"a"}) == "{3} is missing");
}

TEST_CASE("The language comes from the environment when Fidelis has it, else English") {
    // The build tree has the Swedish catalog and no other.
    struct Env {
        std::string name;
        std::string old;
        bool had;
        Env(const char* n, const char* value) : name(n), had(std::getenv(n) != nullptr) {
            if (had) old = std::getenv(n);
            fidelis::test::set_env(n, value);
        }
        ~Env() { had ? fidelis::test::set_env(name, old) : fidelis::test::unset_env(name); }
    };
    Env all("LC_ALL", ""), messages("LC_MESSAGES", "");
    {
        Env language("LANGUAGE", ""), lang("LANG", "sv_SE.UTF-8");
        CHECK(fidelis::language_from_environment() == "sv");
    }
    {
        Env language("LANGUAGE", "nb:sv:en"), lang("LANG", "nb_NO.UTF-8");
        CHECK(fidelis::language_from_environment() == "sv");  // the first one on the list Fidelis has
    }
    {
        Env language("LANGUAGE", ""), lang("LANG", "de_DE.UTF-8");
        CHECK(fidelis::language_from_environment() == "en");
    }
    {
        Env language("LANGUAGE", ""), lang("LANG", "C.UTF-8");
        CHECK(fidelis::language_from_environment() == "en");
    }
    CHECK(fidelis::is_supported_language("sv"));
    CHECK(fidelis::is_supported_language("en"));
    CHECK_FALSE(fidelis::is_supported_language("de"));
    CHECK_FALSE(fidelis::is_supported_language("../sv"));
    const auto langs = fidelis::available_languages();
    CHECK(langs == std::vector<std::string>{"en", "sv"});
}
