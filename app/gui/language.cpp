#include "language.h"

#include "base/i18n.h"
#include "base/paths.h"
#include "ui.h"

#include <wx/intl.h>
#include <wx/translation.h>

#include <clocale>
#include <cstdlib>
#include <string>

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
#ifdef __WXGTK__
    // GTK draws the file dialogs, message boxes and stock buttons (OK, Cancel) with its own
    // gettext catalog and the process's locale, not wxWidgets'. gettext reads LANGUAGE at
    // each lookup and prefers it whenever LC_MESSAGES is not plain "C", so this puts GTK in
    // the chosen language without the system having that locale installed.
    const char* messages = std::setlocale(LC_MESSAGES, nullptr);
    if (!messages || std::string(messages) == "C" || std::string(messages) == "POSIX")
        if (!std::setlocale(LC_MESSAGES, "C.UTF-8")) std::setlocale(LC_MESSAGES, "C.utf8");
    setenv("LANGUAGE", lang.c_str(), 1);
#endif
    auto* translations = new wxTranslations();
    const wxLanguageInfo* info = lang == "en" ? nullptr : wxLocale::FindLanguageInfo(wx(lang));
    translations->SetLanguage(info ? wxLanguage(info->Language) : wxLANGUAGE_ENGLISH_UK);
    // The build tree or the installed share/locale, then the system's, where wx3.2-i18n
    // puts wxstd-3.2.mo.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(paths::locale_dir().string()));
    translations->AddStdCatalog();
    translations->AddCatalog("fidelis");
    wxTranslations::Set(translations);
}

wxString language_name(const std::string& lang) {
    if (lang == "en") return "English";
    const wxLanguageInfo* info = wxLocale::FindLanguageInfo(wx(lang));
    if (!info) return wx(lang);
    wxString name = info->DescriptionNative.empty() ? info->Description : info->DescriptionNative;
    // Language names are lower case in Swedish running text, capitalised in a list.
    if (!name.empty()) name[0] = wxToupper(name[0]);
    return name;
}

}  // namespace fidelis::gui
