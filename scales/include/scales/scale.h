#pragma once
// A fidelity scale as loaded from its XML definition: identity, sections, items with
// their rating model, and scoring. Immutable once loaded; shared between rounds.
#include "scales/item_rule.h"
#include "scales/scale_text.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fidelis {

// How an item is rated. See scales/README.md for the XML of each.
enum class ItemShape {
    Descriptive,    // pick the level whose anchor fits
    Numeric,        // enter a number; ranges decide the level
    Checklist,      // tick components; the count decides the level
    PerSpecialist,  // rate each employment specialist; the mean is rounded to a level
    Rule,           // named inputs; levels hold by conditions over them (item_rule.h)
};

// What a per-specialist item rates for each specialist.
enum class SpecialistBasis { Descriptive, Numeric };

const char* to_string(ItemShape shape);

struct Level {
    int value = 0;
    LocalText label;
    LocalText description;  // a generic anchor, used by items that give none of their own
};

struct DataSource {
    std::string code;  // MIS, DOC, INT, OBS...
    LocalText name;
};

struct NumericRange {
    int level = 0;
    std::optional<double> min;  // inclusive
    std::optional<double> max;  // inclusive
};

struct NumericRule {
    LocalText unit;
    int decimals = 0;  // the value is rounded to this many decimals before the lookup
    std::vector<NumericRange> ranges;
    double lowest() const;
    double highest() const;
};

struct ChecklistComponent {
    std::string id;
    LocalText text;
};

struct CountRange {
    int level = 0;
    int min = 0;
    int max = 0;
};

struct ChecklistRule {
    std::vector<ChecklistComponent> components;
    std::vector<CountRange> counts;
};

struct Anchor {
    int level = 0;
    LocalText text;
};

struct Item {
    std::string id;
    std::string section_id;
    LocalText name;
    LocalText description;
    LocalText guidance;
    std::vector<std::string> sources;
    ItemShape shape = ItemShape::Descriptive;
    SpecialistBasis basis = SpecialistBasis::Descriptive;
    std::optional<NumericRule> numeric;
    std::optional<ChecklistRule> checklist;
    std::optional<ItemRule> rule;
    std::vector<Anchor> anchors;  // may be empty when the rating scale's levels describe themselves
    bool cannot_rate_allowed = true;
    // Items the scale author marks as most tied to outcomes; reports use it to break ties.
    int weight = 1;

    const Anchor* anchor(int level) const;
};

struct Section {
    std::string id;
    LocalText name;
    LocalText description;
    std::vector<std::string> item_ids;
};

enum class TotalMode { Sum, Mean };

struct Band {
    std::string id;
    double min = 0;
    double max = 0;
    LocalText label;
    std::string colour;  // #rrggbb; reports draw the band zones in it
};

struct Scoring {
    TotalMode mode = TotalMode::Sum;
    int decimals = 0;  // how totals are shown and how band edges meet
    std::vector<Band> bands;
};

// A change to a definition that keeps its id, as its file records it; reports name it
// where a team's rounds cross from one revision to the next.
struct Revision {
    std::string date;  // YYYY-MM or YYYY-MM-DD
    LocalText note;
};

class Scale {
public:
    std::string id;
    std::string edition;
    std::vector<std::string> languages;
    LocalText title;
    std::string abbreviation;
    std::string authors;
    std::string citation;
    LocalText provenance;
    std::vector<Revision> revisions;  // oldest first
    LocalText rating_scale_name;
    std::vector<Level> levels;
    std::vector<DataSource> sources;
    std::vector<Section> sections;
    std::vector<Item> items;
    Scoring scoring;
    std::string content_hash;  // SHA-256 of the definition text (line endings normalised)
    std::string xml;           // the definition text itself, for snapshots in rounds

    const Item* item(const std::string& item_id) const;
    const Section* section(const std::string& section_id) const;
    const DataSource* source(const std::string& code) const;
    const Level* level(int value) const;
    int min_level() const;
    int max_level() const;
    // The anchor text for an item at a level: its own anchor, else the level's description.
    const LocalText* anchor_text(const Item& item, int level) const;
    // Possible totals for the scoring mode (25–125 for IPS-25).
    double min_total() const;
    double max_total() const;
    const Band* band_for(double total) const;
    bool has_bands() const { return !scoring.bands.empty(); }
    std::string display_name(const std::string& lang) const;  // abbreviation, else title
};

using ScalePtr = std::shared_ptr<const Scale>;

}  // namespace fidelis
