#include "language.h"

#include "scales/i18n.h"
#include "scales/paths.h"
#include "ui.h"

#include <wx/intl.h>

#include <clocale>
#include <string>
#include <wx/translation.h>

namespace fidelis::gui {

void ensure_utf8_ctype() {
#ifndef _WIN32
    const char* current = std::setlocale(LC_CTYPE, nullptr);
    const std::string c = current ? current : "";
    const bool utf8 = c.find("UTF-8") != std::string::npos || c.find("utf8") != std::string::npos;
    if (!utf8 && !std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "C.utf8");
#endif
}

void apply_language(const std::string& lang) {
    install_translator(load_translator(lang));
    auto* translations = new wxTranslations();
    translations->SetLanguage(lang == "sv" ? wxLANGUAGE_SWEDISH : wxLANGUAGE_ENGLISH_UK);
    // The build tree or the installed share/locale, then the system's, where wx3.2-i18n
    // puts wxstd-3.2.mo.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(paths::locale_dir().string()));
    translations->AddStdCatalog();
    translations->AddCatalog("fidelis");
    wxTranslations::Set(translations);
}

}  // namespace fidelis::gui
