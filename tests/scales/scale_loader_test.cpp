// The shipped definitions, loaded through the public API exactly as the app does.
#include "scales/scale_library.h"
#include "scales/scale_loader.h"

#include <catch2/catch.hpp>

#include <set>

using namespace fidelis;

namespace {

ScalePtr shipped(const std::string& file) {
    const auto r = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/" + file);
    INFO(to_string(r.problems));
    REQUIRE(r.ok());
    return r.scale;
}

}  // namespace

TEST_CASE("IPS-25 has 25 items in three sections of 3, 8 and 14") {
    const ScalePtr s = shipped("ips-25.xml");
    CHECK(s->id == "ips-25");
    CHECK(s->edition == "2019");
    CHECK(s->languages == std::vector<std::string>{"sv", "en"});
    REQUIRE(s->sections.size() == 3);
    CHECK(s->sections[0].item_ids == std::vector<std::string>{"S1", "S2", "S3"});
    CHECK(s->sections[1].item_ids.size() == 8);
    CHECK(s->sections[2].item_ids.size() == 14);
    CHECK(s->items.size() == 25);
    CHECK(s->sections[2].item_ids.back() == "V14");
    CHECK(s->min_total() == 25);
    CHECK(s->max_total() == 125);
    CHECK(s->min_level() == 1);
    CHECK(s->max_level() == 5);
}

TEST_CASE("IPS-25 bands sit at 115, 100 and 74 with labels in both languages") {
    const ScalePtr s = shipped("ips-25.xml");
    REQUIRE(s->scoring.bands.size() == 4);
    const auto& b = s->scoring.bands;
    CHECK(b[0].min == 25);
    CHECK(b[0].max == 73);
    CHECK(b[1].min == 74);
    CHECK(b[2].min == 100);
    CHECK(b[3].min == 115);
    CHECK(b[3].max == 125);
    CHECK(b[3].label.get("sv") == "Utmärkt programtrohet");
    CHECK(b[3].label.get("en") == "Exemplary fidelity");
    CHECK(b[2].label.get("sv") == "God programtrohet");
    CHECK(b[1].label.get("sv") == "Godtagbar programtrohet");
    CHECK(b[0].label.get("sv") == "Ej IPS");
}

TEST_CASE("IPS-25 items use the shape they really have") {
    const ScalePtr s = shipped("ips-25.xml");
    CHECK(s->item("S1")->shape == ItemShape::Numeric);
    CHECK(s->item("S2")->shape == ItemShape::Numeric);
    CHECK(s->item("S3")->shape == ItemShape::Descriptive);
    for (const char* id : {"O2", "O5", "O7", "O8", "V2", "V14"}) {
        INFO(id);
        CHECK(s->item(id)->shape == ItemShape::Checklist);
    }
    CHECK(s->item("O2")->checklist->components.size() == 5);
    CHECK(s->item("V2")->checklist->components.size() == 4);
    CHECK(s->item("V14")->checklist->components.size() == 6);
    for (const char* id : {"V4", "V5", "V8", "V9", "V10"}) {
        INFO(id);
        CHECK(s->item(id)->shape == ItemShape::Numeric);
    }
    for (const char* id : {"O1", "V6"}) {
        INFO(id);
        CHECK(s->item(id)->shape == ItemShape::Rule);
    }
    CHECK(s->item("V6")->rule->per_specialist());
    CHECK_FALSE(s->item("O1")->rule->per_specialist());
    CHECK(s->item("V7")->shape == ItemShape::PerSpecialist);
    CHECK(s->item("V7")->basis == SpecialistBasis::Descriptive);
    CHECK(s->item("V13")->shape == ItemShape::PerSpecialist);
    CHECK(s->item("V13")->basis == SpecialistBasis::Numeric);
}

TEST_CASE("Every IPS-25 item has name, description, guidance and five anchors in Swedish and English") {
    const ScalePtr s = shipped("ips-25.xml");
    std::set<std::string> sources;
    for (const Item& item : s->items) {
        INFO(item.id);
        for (const char* lang : {"sv", "en"}) {
            CHECK(item.name.has(lang));
            CHECK(item.description.has(lang));
            CHECK(item.guidance.has(lang));
            for (int level = 1; level <= 5; ++level) {
                const LocalText* a = s->anchor_text(item, level);
                REQUIRE(a);
                CHECK(a->has(lang));
            }
        }
        CHECK_FALSE(item.sources.empty());
        sources.insert(item.sources.begin(), item.sources.end());
    }
    CHECK(sources == std::set<std::string>{"DOC", "INT", "MIS", "OBS"});
}

TEST_CASE("Swedish text with å, ä and ö survives loading") {
    const ScalePtr s = shipped("ips-25.xml");
    CHECK(s->title.get("sv") == "Programtrohetsskala för IPS");
    CHECK(s->item("S1")->name.get("sv") == "Klientgruppens storlek");
    CHECK(s->item("O8")->name.get("sv") == "Ledningen stöder IPS");
    CHECK(s->item("V2")->name.get("sv") == "Frivilligt att berätta om funktionsnedsättningen");
    CHECK(s->section("services")->name.get("sv") == "Tjänster");
}

TEST_CASE("The SEQF-structured self-assessment has the five stages, organisation-wide areas and no bands") {
    const ScalePtr s = shipped("seqf-se.xml");
    CHECK(s->id == "seqf-se");
    REQUIRE(s->sections.size() == 9);
    CHECK(s->sections[0].name.get("sv") == "Överenskommelse med klient");
    CHECK(s->sections[1].name.get("sv") == "Yrkesprofil");
    CHECK(s->sections[2].name.get("sv") == "Jobbsökande");
    CHECK(s->sections[3].name.get("sv") == "Arbetsgivarengagemang");
    CHECK(s->sections[4].name.get("sv") == "Stöd på och utanför arbetet");
    CHECK(s->scoring.mode == TotalMode::Mean);
    CHECK_FALSE(s->has_bands());
    CHECK(s->rating_scale_name.get("en").find("not SEQF's official scale") != std::string::npos);
    CHECK(s->provenance.get("en").find("not BASE's licensed SEQF text") != std::string::npos);
    // Standards use the rating scale's own level descriptions as anchors.
    for (const Item& item : s->items)
        for (int level = 1; level <= 4; ++level) CHECK(s->anchor_text(item, level));
}

TEST_CASE("The content hash ignores line endings and changes with the content") {
    const std::string path = std::string(FIDELIS_FIXTURES) + "/scales/mini.xml";
    const auto lf = load_scale_file(path);
    REQUIRE(lf.ok());
    std::string text = lf.scale->xml;
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const auto windows = parse_scale("\xEF\xBB\xBF" + crlf, "crlf.xml");
    REQUIRE(windows.ok());
    CHECK(windows.scale->content_hash == lf.scale->content_hash);

    text.replace(text.find("Pick a level."), 13, "Pick a level!");
    const auto changed = parse_scale(text, "changed.xml");
    REQUIRE(changed.ok());
    CHECK(changed.scale->content_hash != lf.scale->content_hash);
    CHECK(lf.scale->content_hash.size() == 64);
}

TEST_CASE("A stored snapshot reloads to the same scale") {
    const ScalePtr s = shipped("ips-25.xml");
    const auto again = parse_scale(s->xml, "snapshot");
    REQUIRE(again.ok());
    CHECK(again.scale->content_hash == s->content_hash);
    CHECK(again.scale->items.size() == 25);
}
