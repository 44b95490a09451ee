#include "commands.h"

#include "base/error.h"
#include "base/i18n.h"
#include "scales/scale_diff.h"
#include "scales/scale_library.h"
#include "store/store.h"
#include "scales/scale_loader.h"
#include "base/utf8.h"

#include <ostream>

namespace fidelis::cli {
namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string shape_name(const Item& item) {
    switch (item.shape) {
    case ItemShape::Numeric: return tr(N_("numeric"));
    case ItemShape::Checklist: return tr(N_("checklist"));
    case ItemShape::PerSpecialist:
        return item.basis == SpecialistBasis::Numeric ? tr(N_("per specialist, numeric"))
                                                      : tr(N_("per specialist"));
    case ItemShape::Rule: return tr(N_("rule"));
    case ItemShape::Descriptive: break;
    }
    return tr(N_("descriptive"));
}

std::string range_text(const NumericRange& r, const std::string& lang) {
    const int d = 4;  // trimmed below; ranges are shown as written
    auto n = [&](double v) {
        std::string s = format_decimal(v, d, lang);
        while (s.find_first_of(".,") != std::string::npos && (s.back() == '0')) s.pop_back();
        if (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
        return s;
    };
    if (r.min && r.max) return n(*r.min) + "–" + n(*r.max);
    if (r.min) return "≥ " + n(*r.min);
    return "≤ " + n(*r.max);
}

void print_wrapped(std::ostream& out, const std::string& indent, const std::string& text) {
    std::string line;
    auto flush = [&] {
        out << indent << line << "\n";
        line.clear();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            flush();
            ++i;
            continue;
        }
        const std::size_t end = text.find_first_of(" \n", i);
        const std::string word = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (!line.empty() && utf8::length(line) + 1 + utf8::length(word) > 88) flush();
        line += (line.empty() ? "" : " ") + word;
        i = end == std::string::npos ? text.size() : (text[end] == ' ' ? end + 1 : end);
    }
    if (!line.empty()) flush();
}

void show_scale(const Scale& s, const std::string& lang, std::ostream& out) {
    out << s.display_name(lang) << " — " << s.title.get(lang) << "\n";
    out << tr(N_("Edition")) << ": " << s.edition << "\n";
    out << tr(N_("Languages")) << ": " << join(s.languages, ", ") << "\n";
    out << tr(N_("Authors")) << ": " << s.authors << "\n";
    out << tr(N_("Citation")) << ": " << s.citation << "\n";
    out << tr(N_("Content hash")) << ": " << s.content_hash << "\n";
    print_wrapped(out, "", tr(N_("Provenance")) + ": " + s.provenance.get(lang));
    out << "\n" << tr(N_("Rating scale")) << ": " << s.rating_scale_name.get(lang) << "\n";
    for (const auto& l : s.levels) {
        out << "  " << l.value << "  " << l.label.get(lang) << "\n";
        if (!l.description.empty()) print_wrapped(out, "       ", l.description.get(lang));
    }
    for (const auto& sec : s.sections) {
        out << "\n" << sec.name.get(lang) << " ("
            << format(trn("{1} item", "{1} items", sec.item_ids.size()), {std::to_string(sec.item_ids.size())})
            << ")\n";
        for (const auto& id : sec.item_ids) {
            const Item& item = *s.item(id);
            out << "\n  " << item.id << "  " << item.name.get(lang) << "  [" << shape_name(item);
            if (!item.sources.empty()) out << "; " << tr(N_("sources")) << ": " << join(item.sources, ", ");
            out << "]\n";
            print_wrapped(out, "      ", item.description.get(lang));
            if (!item.guidance.empty()) print_wrapped(out, "      ", tr(N_("Guidance")) + ": " + item.guidance.get(lang));
            if (item.numeric) {
                std::string unit = item.numeric->unit.get(lang);
                out << "      " << tr(N_("Number")) << (unit.empty() ? "" : " (" + unit + ")") << ":";
                for (const auto& r : item.numeric->ranges) out << "  " << range_text(r, lang) << " → " << r.level;
                out << "\n";
            }
            if (item.checklist) {
                out << "      " << tr(N_("Components")) << ":\n";
                for (const auto& c : item.checklist->components)
                    print_wrapped(out, "        [" + c.id + "] ", c.text.get(lang));
                out << "      " << tr(N_("Components present → level")) << ":";
                for (const auto& c : item.checklist->counts)
                    out << "  " << (c.min == c.max ? std::to_string(c.min) : std::to_string(c.min) + "–" + std::to_string(c.max))
                        << " → " << c.level;
                out << "\n";
            }
            if (item.rule) {
                out << "      " << tr(N_("Inputs")) << ":\n";
                for (const RuleInput& in : item.rule->inputs) {
                    std::string head = "        --input " + in.name + "=";
                    head += in.per_specialist ? "v1;v2;…" : "…";
                    std::string tail = describe_input_values(in, lang);
                    if (in.per_specialist) tail += "; " + tr(N_("one value per specialist"));
                    if (in.optional) tail += "; " + tr(N_("optional"));
                    out << head << "  " << in.label.get(lang) << " (" << tail << ")\n";
                    for (const auto& o : in.options) out << "            " << o.value << "  " << o.label.get(lang) << "\n";
                }
                out << "      " << tr(N_("Rule")) << ":\n";
                for (const auto& line : describe_rule(*item.rule, lang)) print_wrapped(out, "        ", line);
            }
            for (const auto& l : s.levels) {
                if (const LocalText* a = s.anchor_text(item, l.value))
                    print_wrapped(out, "      " + std::to_string(l.value) + ": ", a->get(lang));
            }
        }
    }
    out << "\n" << tr(N_("Total")) << ": "
        << (s.scoring.mode == TotalMode::Sum ? tr(N_("sum of the items")) : tr(N_("mean of the items"))) << ", "
        << format_decimal(s.min_total(), s.scoring.decimals, lang) << "–"
        << format_decimal(s.max_total(), s.scoring.decimals, lang) << "\n";
    if (s.scoring.bands.empty()) {
        out << tr(N_("Bands: none (this scale defines no fidelity bands)")) << "\n";
    } else {
        out << tr(N_("Bands")) << ":\n";
        for (auto it = s.scoring.bands.rbegin(); it != s.scoring.bands.rend(); ++it)
            out << "  " << format_decimal(it->min, s.scoring.decimals, lang) << "–"
                << format_decimal(it->max, s.scoring.decimals, lang) << "  " << it->label.get(lang) << "\n";
    }
}

void report_problems(const ScaleLibrary& lib, std::ostream& err) {
    for (const auto& p : lib.problems()) err << p.to_string() << "\n";
}

}  // namespace

int scales_list(Args& args, Context& ctx) {
    args.finish();
    const ScaleLibrary lib = ScaleLibrary::discover();
    report_problems(lib, ctx.err);
    for (const auto& e : lib.entries()) {
        ctx.out << e.scale->id << '\t' << e.scale->edition << '\t' << join(e.scale->languages, ",") << '\t'
                << e.scale->items.size() << '\t' << e.path.string() << '\n';
    }
    return 0;
}

int scales_show(Args& args, Context& ctx) {
    const auto edition = args.option("--edition");
    const auto words = args.positionals();
    if (words.size() != 1) throw UsageError(tr(N_("usage: fidelis-cli scales show ID|FILE [--edition E] [--lang sv|en]")));
    const std::string& what = words.front();
    ScalePtr scale;
    if (what.size() > 4 && what.compare(what.size() - 4, 4, ".xml") == 0) {
        ScaleLoadResult r = load_scale_file(what);
        if (!r.ok()) throw Error(to_string(r.problems));
        scale = r.scale;
    } else {
        const ScaleLibrary lib = ScaleLibrary::discover();
        const ScaleEntry* e = lib.find(what, edition.value_or(""));
        if (!e) throw Error(format(tr(N_("no scale with id \"{1}\"; see fidelis-cli scales list")), {what}));
        scale = e->scale;
    }
    show_scale(*scale, ctx.lang, ctx.out);
    return 0;
}

namespace {

// A definition named on the command line: a file, a scale id in the library, or (with
// --db) the content hash of a snapshot that rounds in that database were rated on.
ScalePtr definition(const std::string& what, const std::optional<std::string>& db) {
    if (what.size() > 4 && what.compare(what.size() - 4, 4, ".xml") == 0) {
        ScaleLoadResult r = load_scale_file(what);
        if (!r.ok()) throw Error(to_string(r.problems));
        return r.scale;
    }
    if (db && what.size() == 64) {
        Store::OpenOptions o;
        o.read_only = true;
        Store store = Store::open(*db, o);
        if (ScalePtr s = store.scale_by_hash(what)) return s;
        throw Error(format(tr(N_("{1} holds no definition with the content hash {2}")), {*db, what}));
    }
    const ScaleLibrary lib = ScaleLibrary::discover();
    const ScaleEntry* e = lib.find(what, "");
    if (!e) throw Error(format(tr(N_("no scale with id \"{1}\"; see fidelis-cli scales list")), {what}));
    return e->scale;
}

}  // namespace

int scales_diff(Args& args, Context& ctx) {
    const auto db = args.option("--db");
    const auto words = args.positionals();
    if (words.size() != 2)
        throw UsageError(tr(N_("usage: fidelis-cli scales diff OLD NEW [--db FILE] [--lang sv|en]")));
    const ScalePtr a = definition(words[0], db);
    const ScalePtr b = definition(words[1], db);
    const ScaleDiff d = diff_scales(*a, *b, ctx.lang);
    std::ostream& out = ctx.out;
    out << a->display_name(ctx.lang) << " " << a->content_hash.substr(0, 12) << " → " << b->display_name(ctx.lang) << " "
        << b->content_hash.substr(0, 12) << "\n";
    if (d.identical()) {
        out << (a->content_hash == b->content_hash ? tr(N_("The definitions are identical."))
                                                    : tr(N_("No difference in content; only layout or comments differ.")))
            << "\n";
        return 0;
    }
    for (const auto& c : d.scale_changes) print_wrapped(out, "  ", c);
    for (const auto& id : d.added_items) out << "\n" << id << "  " << tr(N_("added")) << "\n";
    for (const auto& id : d.removed_items) out << "\n" << id << "  " << tr(N_("removed")) << "\n";
    for (const auto& item : d.changed_items) {
        out << "\n" << item.item_id << "  " << b->item(item.item_id)->name.get(ctx.lang) << "\n";
        for (const auto& c : item.changes) print_wrapped(out, "  ", c);
    }
    return 0;
}

int scales_check(Args& args, Context& ctx) {
    const auto files = args.positionals();
    if (files.empty()) throw UsageError(tr(N_("usage: fidelis-cli scales check FILE...")));
    int failed = 0;
    for (const auto& f : files) {
        const ScaleLoadResult r = load_scale_file(f);
        if (r.ok()) {
            ctx.out << f << ": " << tr(N_("ok")) << " (" << r.scale->id << " " << r.scale->edition << ", "
                    << format(trn("{1} item", "{1} items", r.scale->items.size()),
                              {std::to_string(r.scale->items.size())})
                    << ")\n";
        } else {
            ++failed;
            for (const auto& p : r.problems) ctx.err << p.to_string() << '\n';
        }
    }
    return failed ? 1 : 0;
}

}  // namespace fidelis::cli
