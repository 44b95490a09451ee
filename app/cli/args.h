#pragma once
// Strict command-line parsing for fidelis-cli: options are taken by name, and anything
// left over is an error, so a typo never silently changes what a command does.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fidelis::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Args {
public:
    explicit Args(std::vector<std::string> words) : words_(std::move(words)) {}

    // "--name VALUE" or "--name=VALUE"; the last one wins.
    std::optional<std::string> option(const std::string& name);
    // Every value of a repeatable option, in order.
    std::vector<std::string> options(const std::string& name);
    std::string required(const std::string& name);
    bool flag(const std::string& name);
    // Whatever is not an option, in order. Call after taking every option: any option
    // still unclaimed is reported as unknown.
    std::vector<std::string> positionals();
    // Like positionals(), and there must be none.
    void finish();
    // Everything not yet taken, options included.
    const std::vector<std::string>& positionals_and_options() const { return words_; }

private:
    std::vector<std::string> words_;
};

// A positive id ("--team 3"); UsageError naming the option otherwise.
std::int64_t parse_id(const std::string& text, const char* option);
// A level or count: parsed as 64-bit and refused, never wrapped, outside [min, max].
int parse_int(const std::string& text, const char* option, int min, int max);

// --lang sv|en, or the environment's language.
std::string take_language(Args& args);

}  // namespace fidelis::cli
