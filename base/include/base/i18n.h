#pragma once
// The translation hook for the UI-free libraries. Libraries mark text with N_() or
// call tr(); the application installs a Translator. The reports use an explicit
// Translator so a PDF can be written in another language than the window's.
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#ifndef N_
#define N_(text) text
#endif

namespace fidelis {

class Translator {
public:
    virtual ~Translator() = default;
    virtual std::string tr(const char* msgid) const = 0;
    virtual std::string trn(const char* singular, const char* plural, unsigned long n) const = 0;
    // "sv", "en"... decides number and date style.
    virtual std::string language() const = 0;
};

// English source strings as they are.
class SourceLanguage final : public Translator {
public:
    std::string tr(const char* msgid) const override { return msgid; }
    std::string trn(const char* s, const char* p, unsigned long n) const override { return n == 1 ? s : p; }
    std::string language() const override { return "en"; }
};

// A compiled gettext catalog (.mo), read without the C library's locale machinery,
// so Swedish works on machines that have no sv_SE locale generated.
class MoCatalog final : public Translator {
public:
    // Throws std::runtime_error when the file is unreadable or not a .mo file.
    MoCatalog(const std::filesystem::path& mo_file, std::string language);
    std::string tr(const char* msgid) const override;
    std::string trn(const char* singular, const char* plural, unsigned long n) const override;
    std::string language() const override { return language_; }

private:
    struct PluralRule;
    std::string language_;
    std::unordered_map<std::string, std::string> messages_;
    std::shared_ptr<PluralRule> plural_;
};

// The catalog for a language from the installed (or build-tree) locale folder;
// English or a missing catalog gives the source language.
std::shared_ptr<const Translator> load_translator(const std::string& language);

// The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) when Fidelis
// has it, else "en".
std::string language_from_environment();
// English, and every language with an installed catalog.
bool is_supported_language(std::string_view lang);
std::vector<std::string> available_languages();  // "en" first, then the others sorted

void install_translator(std::shared_ptr<const Translator> translator);
const Translator& translator();
inline std::string tr(const char* msgid) { return translator().tr(msgid); }
inline std::string trn(const char* s, const char* p, unsigned long n) { return translator().trn(s, p, n); }

// Replaces {1}..{9} in a (translated) pattern, so translators can reorder arguments.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

// Locale-independent number text: "3,5" in Swedish, "3.5" in English, whatever the
// process locale says, so files never depend on LC_NUMERIC.
std::string format_decimal(double value, int decimals, std::string_view language);
// The shortest text that reads back as `value`, locale-free ("4.5", "90.1", "6"): how
// numbers are stored in files and the database.
std::string shortest_number(double value);
// A stored number's text ("4.5", as shortest_number writes it) with the language's decimal
// sign, as a person types it: "4,5" in Swedish. Nothing is rounded.
std::string typed_number(std::string stored, std::string_view language);
// Rounded to `decimals`, x.5 away from below ("the value is rounded to its decimals").
double round_half_up(double value, int decimals);
// "+2", "−1" (U+2212), "0", for change columns.
std::string format_change(double value, int decimals, std::string_view language);
std::string format_percent(double share, std::string_view language);  // 0.375 -> "38 %" / "38%"

}  // namespace fidelis
