// The rows of exchange::rating_elements: how each child element of <rating> and
// <consensus> is written from a rating and read back into one.
#include "exchange_format.h"

#include "store_impl.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fidelis::exchange::rating_field {
namespace {

std::vector<std::string> set_text(std::string& field, const std::string& text) {
    field = text;  // exactly as written: notes keep their line breaks
    return {};
}

}  // namespace

std::string write_checked(const Rating& r) { return join_words(r.input.checked); }
std::vector<std::string> read_checked(Rating& r, const std::string& text) {
    r.input.checked = split_words(text);
    return {};
}

std::string write_specialists(const Rating& r) { return join_numbers(r.input.specialists); }
std::vector<std::string> read_specialists(Rating& r, const std::string& text) {
    std::vector<std::string> bad;
    r.input.specialists.clear();
    for (const auto& w : split_words(text)) {
        double v = 0;
        const auto res = std::from_chars(w.data(), w.data() + w.size(), v);
        if (res.ec != std::errc() || res.ptr != w.data() + w.size() || !std::isfinite(v)) bad.push_back(w);
        r.input.specialists.push_back(v);
    }
    return bad;
}

std::string write_inputs(const Rating& r) { return encode_inputs(r.input.inputs); }
std::vector<std::string> read_inputs(Rating& r, const std::string& text) {
    if (const auto v = decode_inputs(text)) {
        r.input.inputs = *v;
        return {};
    }
    r.input.inputs.clear();
    // The first line that is not NAME=VALUE names the fault.
    std::string bad = text;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        if (!decode_inputs(line)) {
            bad = line;
            break;
        }
        start = end + 1;
    }
    return {bad.empty() ? text : bad};
}

std::string write_cannot_rate_reason(const Rating& r) { return r.input.cannot_rate_reason; }
std::vector<std::string> read_cannot_rate_reason(Rating& r, const std::string& text) {
    return set_text(r.input.cannot_rate_reason, text);
}

std::string write_evidence(const Rating& r) { return r.evidence; }
std::vector<std::string> read_evidence(Rating& r, const std::string& text) { return set_text(r.evidence, text); }

std::string write_note(const Rating& r) { return r.note; }
std::vector<std::string> read_note(Rating& r, const std::string& text) { return set_text(r.note, text); }

std::string write_rationale(const Rating& r) { return r.rationale; }
std::vector<std::string> read_rationale(Rating& r, const std::string& text) { return set_text(r.rationale, text); }

}  // namespace fidelis::exchange::rating_field
