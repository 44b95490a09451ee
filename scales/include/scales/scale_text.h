#pragma once
// Text in each of a scale's languages, shared by the scale model and item rules.
#include <map>
#include <string>

namespace fidelis {

// Text in each of the scale's languages.
class LocalText {
public:
    void set(const std::string& lang, std::string text) { by_lang_[lang] = std::move(text); }
    bool has(const std::string& lang) const { return by_lang_.count(lang) != 0; }
    bool empty() const { return by_lang_.empty(); }
    // The text in `lang`, else English, else any language present.
    const std::string& get(const std::string& lang) const;
    const std::map<std::string, std::string>& all() const { return by_lang_; }

private:
    std::map<std::string, std::string> by_lang_;
};

}  // namespace fidelis
