// The HTML renderer (render.h), checked on documents built by hand: what an accessibility
// checker and a screen reader rely on (language, one h1, an unbroken heading outline,
// header cells with their scope, named charts with their numbers, readable colours, text
// direction), that user text can never become markup, and that the file fetches nothing.
#include "base/error.h"
#include "base/i18n.h"
#include "reports/chart.h"
#include "reports/render.h"
#include "svg_canvas.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <regex>
#include <sstream>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::TempDir;

namespace {

// Horizontal bars with a dashed band edge, a dot, a trend line and a turned label: every
// primitive a real chart uses. One bar is one part, so the renderer's loop can be seen.
class BarChart final : public Chart {
public:
    std::vector<std::pair<std::string, double>> bars{{"Alfa", 87.5}, {"Beta", 61.25}, {"Gamma", 104}};
    double max = 125;
    bool in_html = true;
    std::size_t parts_per_call = 100;  // fewer: draw() stops early, as on a full page

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t first, double) const override {
        const double row = 18.5, label = 60.25;
        double h = 0;
        std::size_t i = first;
        for (; i < bars.size() && i < first + parts_per_call; ++i, h += row) {
            const double top = y + h;
            c.text(x, top + 12.5, c.fit(bars[i].first, label - 4, 8), 8, Weight::Regular, ink);
            const Rgb fill = accent;
            c.rect(x + label, top + 3, (width - label) * bars[i].second / max, row - 6, &fill);
            c.text(x + label + 4, top + 12.5, std::to_string(int(bars[i].second)), 7.5, Weight::Bold, white);
        }
        const double edge = x + label + (width - label) * 0.6;
        c.line(edge, y, edge, y + h, warning_ink, 0.75, true);
        c.circle(x + width - 10.5, y + 8.25, 3.5, &accent, nullptr);
        c.polygon({{x + label, y + h}, {x + width / 2, y + h / 2}, {x + width, y + 1.5}}, nullptr, &grey);
        c.rotated_text(x + width - 2, y + h, 90, "total", 6.5, Weight::Regular, grey, 0.5);
        return {h, i, i >= bars.size()};
    }
    double min_height() const override { return 40; }
    std::string title() const override { return "Totals by team"; }
    std::string description() const override { return "Alfa 87.5, Beta 61.25 and Gamma 104 of 125."; }
    block::Table numbers() const override {
        block::Table t;
        t.columns = {{"Team"}, {"Total", 60, Align::Right}};
        for (const auto& [name, v] : bars) t.rows.push_back({Cell(name), Cell(shortest_number(v))});
        t.row_headers = true;
        return t;
    }
    bool drawn_in_html() const override { return in_html; }
};

Document document(const std::string& lang = "en") {
    Document d;
    d.lang = lang;
    d.title = "Fidelity review, Team Alfa";
    d.author = "Region Test";
    d.subject = "IPS-25 review of Team Alfa";
    d.footer = "IPS-25 edition 2019 · Round 2026-10-06";
    d.title_block("FIDELITY REVIEW", "Team Alfa", "Round of 6 October 2026");
    return d;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::vector<int> heading_levels(const std::string& html) {
    static const std::regex tag("<h([1-6])[ >]");
    std::vector<int> levels;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it)
        levels.push_back(std::stoi((*it)[1]));
    return levels;
}

bool outline_is_unbroken(const std::vector<int>& levels) {
    if (levels.empty() || levels[0] != 1) return false;
    for (std::size_t i = 1; i < levels.size(); ++i)
        if (levels[i] > levels[i - 1] + 1 || levels[i] == 1) return false;
    return true;
}

// A numbers-with-a-comma locale for the C++ side, whether or not sv_SE is installed.
struct CommaDecimals : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
};

}  // namespace

TEST_CASE("An HTML report declares its language and title, and its title block is the one h1") {
    Document d = document("sv");
    d.title = "Granskning <Alfa>";
    const std::string html = html_of(d);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"sv-SE\">", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
    CHECK(html.find("<title>Granskning &lt;Alfa&gt;</title>") != std::string::npos);
    CHECK(html.find("<meta name=\"author\" content=\"Region Test\">") != std::string::npos);
    CHECK(html.find("<meta name=\"description\" content=\"IPS-25 review of Team Alfa\">") != std::string::npos);
    CHECK(count(html, "<h1") == 1);
    CHECK(html.find("<h1 dir=\"auto\">Team Alfa</h1>") != std::string::npos);
    CHECK(count(html, "<header>") == 1);
    CHECK(count(html, "<main>") == 1);
    CHECK(count(html, "<footer>") == 1);
    CHECK(html.find("\"DejaVu Sans\",\"Verdana\",sans-serif") != std::string::npos);

    d.lang = "en";
    CHECK(html_of(d).find("<html lang=\"en-GB\">") != std::string::npos);
    d.lang = "nb_NO";
    CHECK(html_of(d).find("<html lang=\"nb-NO\">") != std::string::npos);
}

TEST_CASE("HTML headings never skip a level, whatever levels the document asks for") {
    Document d = document();
    d.heading("Straight to an item", 3);
    d.heading("A part", 1);
    d.heading("An item too deep", 3);
    d.heading("A section", 2);
    d.heading("An item", 3);
    d.heading("Another part", 1);
    const std::string html = html_of(d);
    const auto levels = heading_levels(html);
    CHECK(levels == std::vector<int>{1, 2, 2, 3, 3, 4, 2});
    CHECK(outline_is_unbroken(levels));
    CHECK(html.find("<h2 id=\"h1\" dir=\"auto\">Straight to an item</h2>") != std::string::npos);
}

TEST_CASE("A document without a title block still has a title and one h1, and empty headings are left out") {
    Document d;
    d.lang = "en";
    d.heading("", 1);
    d.heading("Results", 2);
    const std::string html = html_of(d);
    CHECK(html.find("<title>Fidelis</title>") != std::string::npos);
    CHECK(html.find("<h1 dir=\"auto\">Fidelis</h1>") != std::string::npos);
    CHECK(heading_levels(html) == std::vector<int>{1, 2});
    d.title = "Trend, Team Alfa";
    CHECK(html_of(d).find("<h1 dir=\"auto\">Trend, Team Alfa</h1>") != std::string::npos);
}

TEST_CASE("A report with more than three parts and sections gets a translated table of contents") {
    Document d = document("sv");
    d.heading("Del ett", 1);
    d.heading("Avsnitt", 2);
    d.heading("Punkt", 3);
    d.heading("Del två", 1);
    d.heading("Del tre", 1);
    const std::string html = html_of(d);
    CHECK(html.find("<nav class=\"toc\" aria-label=\"Innehåll\">") != std::string::npos);
    CHECK(html.find("<a href=\"#h1\" dir=\"auto\">Del ett</a><ol>") != std::string::npos);
    CHECK(html.find("<a href=\"#h2\" dir=\"auto\">Avsnitt</a>") != std::string::npos);
    CHECK(html.find("href=\"#h3\"") == std::string::npos);  // level 3 is left out
    CHECK(html.find("<h3 id=\"h2\" dir=\"auto\">Avsnitt</h3>") != std::string::npos);
    CHECK(count(html, "<ol>") == count(html, "</ol>"));
    CHECK(count(html, "<li>") == count(html, "</li>"));

    Document short_one = document();
    short_one.heading("One");
    short_one.heading("Two");
    short_one.heading("Three");
    CHECK(html_of(short_one).find("<nav") == std::string::npos);
}

TEST_CASE("Table header cells head their column, and the first cell of each row heads its row") {
    Document d = document();
    d.table({{"Item"}, {"Level", 50, Align::Right}, {""}}, {{Cell("1 Caseload"), Cell("5"), Cell("x")}}, {},
            "Levels by item", true);
    d.table({{"A"}, {"B"}}, {{Cell("a"), Cell("b")}});
    d.table({{"Item"}}, {{Cell("2 Caseload")}}, {}, "Levels by item");
    const std::string html = html_of(d);
    CHECK(html.find("<caption id=\"t1-caption\" dir=\"auto\">Levels by item</caption>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\" dir=\"auto\">Item</th>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\" dir=\"auto\" class=\"ar\">Level</th>") != std::string::npos);
    CHECK(html.find("<td></td></tr>\n</thead>") != std::string::npos);  // no nameless header cell
    CHECK(html.find("<th scope=\"row\" dir=\"auto\">1 Caseload</th><td dir=\"auto\" class=\"ar\">5</td>") !=
          std::string::npos);
    CHECK(html.find("<td dir=\"auto\">a</td>") != std::string::npos);  // no row headers asked for
    // Each table scrolls in a wrapper reachable by keyboard, named by its caption or its number.
    CHECK(html.find("<div class=\"table-wrap short\" tabindex=\"0\" role=\"region\" aria-labelledby=\"t1-caption\">") !=
          std::string::npos);
    CHECK(html.find("<div class=\"table-wrap short\" tabindex=\"0\" role=\"region\" aria-label=\"Table 2\">") !=
          std::string::npos);
    CHECK(html.find("role=\"region\" aria-label=\"Levels by item (Table 3)\">") != std::string::npos);
}

TEST_CASE("User text is escaped everywhere, so a name cannot become markup") {
    Document d = document();
    const std::string name = "<script>alert(\"x & 'y'\")</script>\xff";
    d.title = name;
    d.title_block(name, name, name);
    d.heading(name);
    d.paragraph(name);
    d.label_value(name, name);
    d.table({{name}}, {{Cell(name)}}, {}, name);
    d.bullets({name});
    d.footer = name;
    const std::string html = html_of(d);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;\xEF\xBF\xBD") !=
          std::string::npos);
    CHECK(html.find('\xff') == std::string::npos);
}

TEST_CASE("Consecutive fields form one description list, and values keep their line breaks") {
    Document d = document();
    d.label_value("Team", "Alfa");
    d.label_value("Reviewers", "Anna Berg\nOla Ek");
    d.paragraph("Between");
    d.label_value("Date", "2026-10-06");
    const std::string html = html_of(d);
    CHECK(count(html, "<dl class=\"fields\"") == 2);
    CHECK(count(html, "</dl>") == 2);
    CHECK(html.find("<dt dir=\"auto\">Team</dt><dd dir=\"auto\">Alfa</dd>\n<dt dir=\"auto\">Reviewers</dt>"
                    "<dd dir=\"auto\">Anna Berg<br>Ola Ek</dd>\n</dl>\n<p dir=\"auto\">Between</p>") !=
          std::string::npos);
}

TEST_CASE("A chart is an SVG named by its title and description, with its numbers in a table beside it") {
    Document d = document();
    d.chart(std::make_shared<BarChart>());
    const std::string html = html_of(d);
    std::smatch m;
    REQUIRE(std::regex_search(
        html, m,
        std::regex("<svg viewBox=\"0 0 499 ([0-9]+)\"[^>]* role=\"img\" aria-labelledby=\"([^ \"]+) ([^\"]+)\">")));
    CHECK(m[1] == "56");  // three bars of 18.5 points, rounded up
    CHECK(html.find("<title id=\"" + m[2].str() + "\">Totals by team</title>") != std::string::npos);
    CHECK(html.find("<desc id=\"" + m[3].str() + "\">Alfa 87.5, Beta 61.25 and Gamma 104 of 125.</desc>") !=
          std::string::npos);
    CHECK(html.find("<figcaption dir=\"auto\">Totals by team</figcaption>") != std::string::npos);
    CHECK(html.find("<caption id=\"t1-caption\" dir=\"auto\">The numbers in the chart: Totals by team</caption>") !=
          std::string::npos);
    CHECK(html.find("<th scope=\"row\" dir=\"auto\">Gamma</th>") != std::string::npos);
    CHECK(html.find("stroke-dasharray=\"3 2\"") != std::string::npos);
    CHECK(html.find("<polyline points=") != std::string::npos);
    CHECK(html.find("transform=\"rotate(-90 497 55.5)\" fill-opacity=\"0.5\"") != std::string::npos);
    // A landscape report draws its charts as wide as its page.
    d.landscape = true;
    CHECK(html_of(d).find("<svg viewBox=\"0 0 746 56\"") != std::string::npos);
}

TEST_CASE("A chart drawn in parts is drawn whole in the HTML, one part under the other") {
    auto chart = std::make_shared<BarChart>();
    chart->parts_per_call = 1;
    Document d = document();
    d.chart(chart);
    const std::string html = html_of(d);
    CHECK(html.find("<svg viewBox=\"0 0 499 56\"") != std::string::npos);
    CHECK(count(html, "<rect ") == 3);
    CHECK(html.find(">Gamma</text>") != std::string::npos);
}

TEST_CASE("A chart the HTML does not draw keeps its caption and its numbers") {
    auto chart = std::make_shared<BarChart>();
    chart->in_html = false;
    Document d = document();
    d.chart(chart);
    const std::string html = html_of(d);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("<figcaption dir=\"auto\">Totals by team</figcaption>") != std::string::npos);
    CHECK(html.find("<th scope=\"row\" dir=\"auto\">Alfa</th>") != std::string::npos);
}

TEST_CASE("Text colours that would not read at 4.5:1 are corrected, on fills and on the page") {
    Document d = document();
    Cell poor("3", Rgb::hex("#f3d27a"));
    poor.colour = white;                  // 1.5:1 on the yellow
    Cell fine("5", Rgb::hex("#2f7a4a"));  // text_on gives white
    d.table({{"Level"}, {"Other"}}, {{poor, fine}});
    d.paragraph("Faint", Style{9.5, Weight::Regular, Rgb::hex("#aaaaaa")});
    d.paragraph("Grey", Style::note());
    const std::string html = html_of(d);
    static const std::regex filled("style=\"background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})");
    int cells = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), filled); it != std::sregex_iterator(); ++it, ++cells)
        CHECK(contrast(Rgb::hex((*it)[1]), Rgb::hex((*it)[2])) >= min_text_contrast);
    CHECK(cells == 2);
    CHECK(html.find("background:#2f7a4a;color:#ffffff") != std::string::npos);  // a colour that reads is kept
    std::smatch m;
    REQUIRE(std::regex_search(html, m, std::regex("color:(#[0-9a-f]{6});\">Faint")));
    CHECK(m[1] != "#aaaaaa");
    CHECK(contrast(Rgb::hex(m[1]), white) >= min_text_contrast);
    CHECK(html.find("color:" + grey.css() + ";\">Grey") != std::string::npos);  // 5.2:1 already
}

TEST_CASE("An HTML report is one file that fetches nothing") {
    Document d = document();
    d.heading("Results");
    d.paragraph("See the county's website.");
    d.chart(std::make_shared<BarChart>());
    d.headline({"87", "of 125", "Good fidelity", Rgb::hex("#2f7a4a")});
    d.signatures({"Team leader", "Manager"});
    d.new_page();
    d.space(12);
    const std::string html = html_of(d);
    CHECK(html.find("http") == std::string::npos);  // not even the SVG namespace: HTML needs none
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(count(html, "<style>") == 1);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("size:A4 portrait") != std::string::npos);
    CHECK(html.find("<span class=\"swatch\" style=\"background:#2f7a4a\" aria-hidden=\"true\"></span>") !=
          std::string::npos);
    CHECK(html.find("<p class=\"signature\" dir=\"auto\">Manager</p>") != std::string::npos);
    CHECK(html.find("<div class=\"page-break\" aria-hidden=\"true\"></div>") != std::string::npos);
}

TEST_CASE("The format comes from the file's ending, and any other ending is refused naming both") {
    CHECK(format_of("/tmp/Report.PDF") == Format::Pdf);
    CHECK(format_of("C:\\Rapporter\\rapport.pdf") == Format::Pdf);
    CHECK(format_of("rapport.html") == Format::Html);
    CHECK(format_of("rapport.HTM") == Format::Html);
    using Catch::Matchers::Contains;
    CHECK_THROWS_AS(format_of("rapport.txt"), Error);
    CHECK_THROWS_WITH(format_of("rapport.txt"), Contains(".pdf") && Contains(".html") && Contains("rapport.txt"));
    CHECK_THROWS_AS(format_of("rapport"), Error);
    CHECK_THROWS_AS(format_of("mapp.pdf/rapport"), Error);
}

TEST_CASE("A draft says so at the top of the page and in the footer") {
    Document d = document();
    d.draft_word = "DRAFT";
    const std::string html = html_of(d);
    const std::size_t banner = html.find("<p class=\"draft\"><strong>DRAFT</strong></p>");
    REQUIRE(banner != std::string::npos);
    CHECK(banner > html.find("<header>"));
    CHECK(banner < html.find("<h1"));
    CHECK(html.find("<strong class=\"draft-word\">DRAFT</strong> · IPS-25") != std::string::npos);
    CHECK(html.find("data-draft=\"DRAFT\"") != std::string::npos);  // stamped across printed pages
    CHECK(html_of(document()).find("class=\"draft\"") == std::string::npos);
}

TEST_CASE("Arabic and Hebrew names find their own direction in paragraphs, cells, lists and fields") {
    Document d = document();
    const std::string arabic = "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb1\xd8\xb4\xd9\x8a\xd8\xaf";
    const std::string hebrew = "\xd7\xa9\xd7\xa8\xd7\x94";
    d.paragraph(arabic);
    d.table({{"Name"}}, {{Cell(hebrew)}});
    d.bullets({arabic});
    d.label_value("Name", hebrew);
    const std::string html = html_of(d);
    CHECK(html.find("<p dir=\"auto\">" + arabic + "</p>") != std::string::npos);
    CHECK(html.find("<td dir=\"auto\">" + hebrew + "</td>") != std::string::npos);
    CHECK(html.find("<li dir=\"auto\">" + arabic + "</li>") != std::string::npos);
    CHECK(html.find("<dd dir=\"auto\">" + hebrew + "</dd>") != std::string::npos);
}

TEST_CASE("Numbers in the SVG have a full stop before the decimals whatever the locale") {
    const std::locale before = std::locale::global(std::locale(std::locale::classic(), new CommaDecimals));
    const std::string c_before = std::setlocale(LC_NUMERIC, nullptr);
    // The C library's too, where a Swedish locale is installed.
    const bool swedish = std::setlocale(LC_NUMERIC, "sv_SE.UTF-8") != nullptr;
    std::ostringstream probe;
    probe << 12.5;
    CHECK(probe.str() == "12,5");  // the global locale does reach the streams
    Document d = document();
    d.chart(std::make_shared<BarChart>());
    const std::string html = html_of(d);
    std::setlocale(LC_NUMERIC, c_before.c_str());
    std::locale::global(before);
    INFO("sv_SE for the C library: " << swedish);
    CHECK(html.find("x=\"64.25\"") != std::string::npos);
    CHECK(html.find("height=\"12.5\"") != std::string::npos);
    // Every number in an SVG attribute, and each point of a polygon as "x,y".
    const std::string svg = html.substr(html.find("<svg"), html.find("</svg>") - html.find("<svg"));
    static const std::regex attribute("([a-z-]+)=\"([^\"]*)\"");
    static const std::regex number("-?[0-9]+(\\.[0-9]+)?");
    static const std::regex points("-?[0-9.]+,-?[0-9.]+( -?[0-9.]+,-?[0-9.]+)*");
    int numbers = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), attribute); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1], value = (*it)[2];
        if (name == "points") {
            CHECK(std::regex_match(value, points));
            continue;
        }
        std::istringstream tokens(std::regex_replace(value, std::regex("rotate\\(|\\)"), ""));
        for (std::string token; tokens >> token;) {
            if (token.find_first_of("-0123456789") != 0) continue;
            ++numbers;
            INFO(name << "=" << value);
            CHECK(std::regex_match(token, number));
        }
    }
    CHECK(numbers > 20);
    CHECK(svg_number(12.5) == "12.5");
    CHECK(svg_number(-0.001) == "0");
    CHECK(svg_number(3) == "3");
    CHECK(svg_number(1.0 / 3) == "0.33");
}

TEST_CASE("The SVG canvas measures text with the report font's metrics") {
    SvgCanvas svg;
    CHECK(svg.text_width("Fidelis", 10) > 0);
    CHECK(svg.text_width("Fidelis", 20) == Approx(2 * svg.text_width("Fidelis", 10)));
    CHECK(svg.text_width("Fidelis", 10, Weight::Bold) > svg.text_width("Fidelis", 10));
    // A character DejaVu Sans lacks (here Tamil) is measured as the stand-in the PDF prints.
    CHECK(svg.text_width("\xe0\xae\x95", 10) == Approx(svg.text_width("\xef\xbf\xbd", 10)));
    svg.rect(10, 10, -4, 5, &accent);
    svg.circle(5, 5, 2, nullptr, nullptr);
    svg.text(1, 2, "A\tB", 8, Weight::Bold, ink, Align::Right);
    CHECK(svg.elements().find("<rect x=\"6\" y=\"10\" width=\"4\" height=\"5\" fill=\"" + accent.css() + "\"/>") !=
          std::string::npos);
    CHECK(svg.elements().find("<circle cx=\"5\" cy=\"5\" r=\"2\" fill=\"none\" stroke=\"" + ink.css()) !=
          std::string::npos);
    CHECK(svg.elements().find("font-weight=\"bold\" fill=\"" + ink.css() + "\" text-anchor=\"end\">A B</text>") !=
          std::string::npos);
}

TEST_CASE("An HTML report is written whole through a temporary file, or not at all") {
    TempDir dir;
    Document d = document();
    d.paragraph("Saved");
    const std::string path = (dir / "rapport.html").string();
    render_html(d, path);
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    CHECK(content.str() == html_of(d));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
    CHECK_THROWS_AS(render_html(d, (dir / "missing" / "rapport.html").string()), Error);
}

// Not run by CTest: writes a full example for a look in a browser and for axe-core
// (`test_reports "[example]"`; FIDELIS_HTML_EXAMPLE names the file, else /tmp/html-example.html).
TEST_CASE("An example HTML report with every kind of block", "[.][example]") {
    Document d;
    d.lang = "sv";
    d.title = "Granskning av Team Alfa, IPS-25";
    d.author = "Region Exempel";
    d.subject = "Trohetsgranskning av Team Alfa enligt IPS-25";
    d.footer = "IPS-25 utgåva 2019 · Omgång 2026-10-06 · Extern granskning · Skapad 2026-11-22";
    d.draft_word = "UTKAST";
    d.title_block("TROHETSGRANSKNING", "Team Alfa – Arbetsmarknadsenheten i Exempelstad",
                  "Omgång 2026-10-06 · Extern granskning");
    d.headline({"87", "av 125", "God trohet", Rgb::hex("#9ccc72")});
    d.label_value("Team", "Team Alfa");
    d.label_value("Granskare", "Anna Berg\nأحمد الرشيد");
    d.label_value("Arbetsspecialister som intervjuats", "4 av 5");
    d.heading("Sammanfattning", 1);
    d.paragraph(
        "Teamet når god trohet. Styrkorna ligger i snabb jobbsökning och samarbete med psykiatrin; "
        "utrymme finns i uppföljningen efter anställning.");
    d.paragraph("Totalen är preliminär tills omgången är avslutad.", Style::warning());
    d.bullets({"Snabb jobbsökning: första arbetsgivarkontakt inom 30 dagar", "Integrerad med psykiatrin",
               "Uppföljning: stöd efter anställning saknas ofta"});
    d.heading("Totaler per team", 1);
    d.chart(std::make_shared<BarChart>());
    d.heading("Punkter", 1);
    d.heading("Personal", 2);
    const Rgb low = Rgb::hex("#b8403a"), mid = Rgb::hex("#f3d27a"), high = Rgb::hex("#2f7a4a");
    d.table({{"Punkt", 0}, {"Nivå", 50, Align::Centre}, {"Förra", 50, Align::Centre}, {"Kommentar", 200}},
            {{Cell("1 Antal klienter per specialist"), Cell("5", high), Cell("4", Rgb::hex("#9ccc72")),
              Cell("18 klienter")},
             {Cell("2 Endast arbetsinriktade uppgifter"), Cell("3", mid), Cell("3", mid), Cell("Delvis handläggning")},
             {Cell("3 Arbetsspecialist för alla"), Cell("1", low), Cell("–"), Cell("Väntelista sedan\nmars")}},
            Style{9}, "Nivå per punkt, Personal", true);
    d.heading("Organisation", 2);
    d.paragraph("Anteckning: nivåerna följer skalans fasta gränser.", Style::note());
    d.heading("Underskrifter", 1);
    d.signatures({"Datum och underskrift, ansvarig chef", "Datum och underskrift, teamledare"});
    d.new_page();
    d.heading("Bilaga: alla siffror", 1);
    auto plain = std::make_shared<BarChart>();
    plain->in_html = false;
    d.chart(plain);
    const char* env = std::getenv("FIDELIS_HTML_EXAMPLE");
    const std::string path = env && *env ? env : "/tmp/html-example.html";
    render_html(d, path);
    CHECK(std::filesystem::exists(path));
}
