# Turns one Markdown guide into a whole HTML page: cmake -DCMARK=… -DIN=… -DOUT=… -DSTYLE=… -P
execute_process(COMMAND ${CMARK} --extension table --extension autolink --to html ${IN}
                OUTPUT_VARIABLE body RESULT_VARIABLE failed)
if(failed)
    message(FATAL_ERROR "cmark-gfm could not read ${IN}")
endif()
# Headings get the ids GitHub gives them, so the contents list links work in a browser
# too: lower case, punctuation dropped, spaces to hyphens.
string(REGEX MATCHALL "<h[23]>[^<]*</h[23]>" headings "${body}")
foreach(heading IN LISTS headings)
    string(REGEX REPLACE "^<(h[23])>([^<]*)</h[23]>$" "\\1" tag "${heading}")
    string(REGEX REPLACE "^<h[23]>([^<]*)</h[23]>$" "\\1" text "${heading}")
    string(TOLOWER "${text}" slug)
    string(REPLACE "Å" "å" slug "${slug}")
    string(REPLACE "Ä" "ä" slug "${slug}")
    string(REPLACE "Ö" "ö" slug "${slug}")
    string(REGEX REPLACE "&[a-z]+;" "" slug "${slug}")
    string(REGEX REPLACE "[.,:;!?()'\"/]" "" slug "${slug}")
    string(REPLACE " " "-" slug "${slug}")
    string(REPLACE "${heading}" "<${tag} id=\"${slug}\">${text}</${tag}>" body "${body}")
endforeach()
# The other guide, as the page beside this one.
string(REGEX REPLACE "href=\"(user-guide\\.[a-z]+)\\.md\"" "href=\"\\1.html\"" body "${body}")
file(READ ${STYLE} style)
string(REGEX MATCH "<h1>[^<]*</h1>" h1 "${body}")
string(REGEX REPLACE "</?h1>" "" title "${h1}")
get_filename_component(name ${IN} NAME_WE)
set(lang en)
if(IN MATCHES "\\.sv\\.md$")
    set(lang sv)
endif()
file(WRITE ${OUT} "<!DOCTYPE html>
<html lang=\"${lang}\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>${title}</title>
<style>
${style}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
")
