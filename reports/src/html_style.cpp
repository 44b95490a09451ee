// The HTML report's style sheet (see html_style.h). Colours come from palette.h so the page
// and the PDF match, and every text colour here reads at 4.5:1 or better on its background
// (grey is 5.2:1 on white, ink on the header tint over 10:1). Sizes are rem, 1rem being
// the PDF's 9.5 pt body text, so a reader's own font size scales the whole report.
#include "html_style.h"

#include "reports/palette.h"

#include <string_view>

namespace fidelis::reports {
namespace {

constexpr std::string_view sheet = R"css(*,*::before,*::after{box-sizing:border-box}
html{font-family:"DejaVu Sans","Verdana",sans-serif;color:@ink;background:#ffffff;line-height:1.45;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:@max-width;padding:1.5rem 1.25rem 2rem}
p,li,dd,dt,h1,h2,h3,h4,caption,figcaption{overflow-wrap:break-word}
p,li,dd,td,th{unicode-bidi:plaintext}
header{border-bottom:2px solid @accent;margin:0 0 1.25rem;padding:0 0 .75rem}
.draft{margin:0 0 1rem;padding:.6rem 1rem;background:@warning;color:#ffffff;font-size:1.25rem;letter-spacing:.12em;text-align:center;border-radius:3px}
.kicker{margin:0 0 .2rem;color:@accent;font-weight:bold;font-size:.9rem}
h1{margin:0 0 .4rem;font-size:2.1rem;line-height:1.2}
.subtitle{margin:0;color:@grey}
.part-title{margin:1.5rem 0 .4rem;font-size:1.5rem;font-weight:bold}
h2{margin:2rem 0 .6rem;font-size:1.68rem;line-height:1.25;color:@accent}
h3{margin:1.5rem 0 .5rem;font-size:1.32rem;line-height:1.3}
h4{margin:1.2rem 0 .4rem;font-size:1.1rem}
p{margin:0 0 .65rem}
ul{margin:0 0 .8rem;padding-inline-start:1.5rem}
li{margin:0 0 .2rem}
li::marker{color:@accent}
a{color:@accent}
a:focus-visible,.table-wrap:focus-visible{outline:3px solid @accent;outline-offset:2px}
nav.toc{margin:0 0 1.5rem;padding:.75rem 1rem;border:1px solid @rule;border-radius:3px;background:#f6f8fa}
.toc-title{margin:0 0 .3rem;font-weight:bold}
nav.toc ol{margin:0;padding-inline-start:1.4rem}
nav.toc li{margin:.15rem 0}
dl.fields{display:grid;gap:.3rem 1.25rem;margin:0 0 1rem}
dt{font-weight:bold}
dd{margin:0}
.table-wrap{max-width:100%;overflow-x:auto;margin:0 0 1.25rem}
table{border-collapse:collapse;min-width:min(100%,20rem)}
caption{caption-side:top;text-align:start;font-weight:bold;padding:0 0 .35rem}
th,td{padding:.3rem .45rem;border-bottom:1px solid @rule;vertical-align:top;text-align:start;overflow-wrap:anywhere}
thead th,thead td{background:#eef1f5;color:@ink;border-bottom:2px solid #8a96a3;font-weight:bold}
tbody th{font-weight:bold}
.ar{text-align:right}
.ac{text-align:center}
figure{margin:1.25rem 0 1.75rem}
details summary{cursor:pointer;color:#17518c;margin:.25rem 0}
figure svg{display:block;width:100%;height:auto;background:#ffffff}
figcaption{margin:.5rem 0 .75rem;font-weight:bold}
.headline{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .6rem;margin:.5rem 0 1rem}
.headline .value{font-weight:bold;line-height:1.1}
.headline .of{color:@grey}
.swatch{display:inline-block;width:1.1rem;height:1.1rem;border-radius:2px;align-self:center;border:1px solid @ink}
.signatures{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;margin:1.5rem 0 1rem}
.signature{flex:1 1 14rem;margin:3rem 0 0;padding:.3rem 0 0;border-top:1px solid @ink;color:@grey;font-size:.85rem}
.page-break{margin:2rem 0;border-top:1px dashed @rule}
footer{margin:2.5rem 0 0;padding:.75rem 0 0;border-top:1px solid @rule;color:@grey;font-size:.85rem}
footer p{margin:0}
.draft-word{color:@warning}
@media (max-width:40rem){
body{padding:1rem .75rem 1.5rem}
h1{font-size:1.6rem}
h2{font-size:1.4rem}
h3{font-size:1.2rem}
dl.fields{display:block}
dd{margin:0 0 .5rem}
}
@page{size:A4 @orientation;margin:17mm}
@media print{
html{font-size:9.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0}
nav.toc{display:none}
a{color:inherit;text-decoration:none}
h1,h2,h3,h4,caption,figcaption,.kicker,.part-title{break-after:avoid;page-break-after:avoid}
tr,figure svg,.headline,.signatures,dt,dd{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.table-wrap.short{break-inside:avoid;page-break-inside:avoid}
caption,thead{break-after:avoid;page-break-after:avoid}
.table-wrap{overflow:visible}
.page-break{break-before:page;page-break-before:always;margin:0;border:0}
.draft{background:none;color:@warning;border:2px solid @warning}
body[data-draft]::after{content:attr(data-draft);position:fixed;top:45%;left:0;right:0;text-align:center;font-size:96pt;font-weight:bold;color:#c8473f;opacity:.13;transform:rotate(-45deg);pointer-events:none}
}
)css";

}  // namespace

std::string html_style(bool landscape) {
    const std::pair<std::string_view, std::string> values[] = {
        {"@ink", ink.css()},
        {"@accent", accent.css()},
        {"@grey", grey.css()},
        {"@rule", light_grey.css()},
        {"@warning", warning_ink.css()},
        {"@max-width", landscape ? "74rem" : "52rem"},
        {"@orientation", landscape ? "landscape" : "portrait"},
    };
    std::string css(sheet);
    for (const auto& [key, value] : values)
        for (std::size_t at = css.find(key); at != std::string::npos; at = css.find(key, at + value.size()))
            css.replace(at, key.size(), value);
    return css;
}

}  // namespace fidelis::reports
