# Accessibility tests of the HTML reports: fidelis_add_a11y_test() registers a CTest test
# that runs tests/a11y/axe-check.js (axe-core, WCAG 2.0/2.1 A and AA, in Debian's headless
# Chromium) over HTML files, optionally written first by a command into a fresh folder.
# Every such test needs the fixture below, which installs axe-core and playwright-core from
# tests/a11y/package-lock.json with `npm ci` into <build>/a11y once per ctest run.
# Included from tests/CMakeLists.txt. Label: a11y (`ctest -L a11y`).
#
#   fidelis_add_a11y_test(NAME <test name>
#                         [WRITE <command> [<arg>...]]
#                         DIRECTORY <dir> | FILES <file.html>...
#                         [EXPECT_FAILURE <text>...])
#
# WRITE: a test of its own, "<test name> (writing the HTML)", set up as a fixture of the
#   check: it empties DIRECTORY, then runs the command with FIDELIS_A11Y_OUT=DIRECTORY in
#   its environment (and the locale and XDG folders the CLI tests use). Generator
#   expressions such as $<TARGET_FILE:fidelis-cli> work.
# DIRECTORY: every *.html directly in it (none is a failure); FILES: those files.
# EXPECT_FAILURE: for the harness's own tests: the check must fail (exit code 1) and its
#   output must hold every text, e.g. "violations.html: image-alt (".
#
# Example, every report as HTML with the CLI, then checked:
#   fidelis_add_a11y_test(NAME "a11y: every report as HTML passes axe-core"
#       WRITE sh ${CMAKE_CURRENT_SOURCE_DIR}/a11y/write-reports.sh $<TARGET_FILE:fidelis-cli>
#       DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/a11y-reports)
# where write-reports.sh makes a demo database and writes each report into $FIDELIS_A11Y_OUT.

# `make deps` installs them (Debian's chromium; nodejs and npm where no node or npm is on PATH).
find_program(FIDELIS_NODE NAMES node nodejs REQUIRED)
find_program(FIDELIS_NPM npm REQUIRED)
find_program(FIDELIS_CHROMIUM chromium REQUIRED)

set(FIDELIS_A11Y_DIR ${PROJECT_SOURCE_DIR}/tests/a11y)
set(FIDELIS_A11Y_MODULES ${PROJECT_BINARY_DIR}/a11y/node_modules)

add_test(NAME "a11y: npm ci (axe-core, playwright-core)"
         COMMAND sh ${FIDELIS_A11Y_DIR}/npm-ci.sh ${PROJECT_BINARY_DIR}/a11y ${FIDELIS_NPM})
set_tests_properties("a11y: npm ci (axe-core, playwright-core)" PROPERTIES
                     FIXTURES_SETUP fidelis_a11y_node LABELS a11y TIMEOUT 600)

function(fidelis_add_a11y_test)
    cmake_parse_arguments(PARSE_ARGV 0 A11Y "" "NAME;DIRECTORY" "WRITE;FILES;EXPECT_FAILURE")
    if(NOT A11Y_NAME)
        message(FATAL_ERROR "fidelis_add_a11y_test: NAME is required")
    endif()
    if(A11Y_DIRECTORY AND A11Y_FILES OR NOT A11Y_DIRECTORY AND NOT A11Y_FILES)
        message(FATAL_ERROR "fidelis_add_a11y_test(${A11Y_NAME}): give DIRECTORY or FILES, not both")
    endif()
    if(A11Y_WRITE AND NOT A11Y_DIRECTORY)
        message(FATAL_ERROR "fidelis_add_a11y_test(${A11Y_NAME}): WRITE needs the DIRECTORY it writes")
    endif()
    if(A11Y_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "fidelis_add_a11y_test(${A11Y_NAME}): unknown arguments ${A11Y_UNPARSED_ARGUMENTS}")
    endif()

    set(fixtures fidelis_a11y_node)
    if(A11Y_WRITE)
        string(MAKE_C_IDENTIFIER "fidelis_a11y_html_${A11Y_NAME}" written)
        add_test(NAME "${A11Y_NAME} (writing the HTML)"
                 COMMAND sh -c "rm -rf \"$0\" && mkdir -p \"$0\" && exec \"$@\"" ${A11Y_DIRECTORY} ${A11Y_WRITE})
        set_tests_properties("${A11Y_NAME} (writing the HTML)" PROPERTIES
            FIXTURES_SETUP ${written} LABELS a11y
            ENVIRONMENT "FIDELIS_A11Y_OUT=${A11Y_DIRECTORY};LANGUAGE=;LANG=C.UTF-8;LC_ALL=;XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/xdg-data;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/xdg-config")
        list(APPEND fixtures ${written})
    endif()

    set(check ${FIDELIS_NODE} ${FIDELIS_A11Y_DIR}/axe-check.js ${A11Y_DIRECTORY} ${A11Y_FILES})
    if(A11Y_EXPECT_FAILURE)
        set(expect)
        foreach(text IN LISTS A11Y_EXPECT_FAILURE)
            list(APPEND expect --expect "${text}")
        endforeach()
        set(check sh ${FIDELIS_A11Y_DIR}/expect-failure.sh ${expect} -- ${check})
    endif()
    add_test(NAME "${A11Y_NAME}" COMMAND ${check})
    set_tests_properties("${A11Y_NAME}" PROPERTIES
        FIXTURES_REQUIRED "${fixtures}" LABELS a11y TIMEOUT 600
        ENVIRONMENT "CHROMIUM=${FIDELIS_CHROMIUM};AXE_CHECK_NODE_MODULES=${FIDELIS_A11Y_MODULES};LANG=C.UTF-8")
endfunction()
