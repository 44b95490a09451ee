#pragma once
// A structure-aware mutator for the fuzz targets, used only under libFuzzer
// (LLVMFuzzerCustomMutator). Byte mutations of a large XML file mostly break its syntax or
// its UTF-8, so the readers refuse it in their first lines. Most of the time this mutator
// instead parses the input and changes one thing a hostile or careless author would: an
// attribute's or a text's value (an edge value, a value copied from elsewhere in the
// file, or a byte mutation of the old one), a duplicated element, a removed element or
// attribute. The rest of the time, and for input that is not XML, it mutates bytes.
// `finish` (exchange files: re-sign the hashes and digests) runs on the changed document.
#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace fidelis::fuzz {

class XmlMutator {
public:
    explicit XmlMutator(unsigned seed) : rng_(seed) {}

    std::size_t pick(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    bool chance(int one_in) { return pick(static_cast<std::size_t>(one_in)) == 0; }

    // One change somewhere in the document; false when it has nothing to change.
    bool mutate(pugi::xml_document& doc) {
        collect(doc);
        if (elements_.empty()) return false;
        switch (pick(10)) {
        case 0:
        case 1:
        case 2:
        case 3: return set_attribute();
        case 4:
        case 5: return set_text();
        case 6: return duplicate_element();
        case 7: return remove_element();
        case 8: return remove_attribute();
        default: return add_attribute();
        }
    }

    // The same, in XML held as the text of `holder` (a scale snapshot in an exchange file).
    bool mutate_nested(pugi::xml_node holder) {
        const std::string text = holder.text().get();
        pugi::xml_document inner;
        if (!inner.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration,
                               pugi::encoding_utf8))
            return false;
        XmlMutator nested(static_cast<unsigned>(rng_()));
        if (!nested.mutate(inner)) return false;
        holder.text().set(serialise(inner).c_str());
        return true;
    }

    static std::string serialise(const pugi::xml_document& doc) {
        std::ostringstream out;
        doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        return out.str();
    }

private:
    void collect(pugi::xml_document& doc) {
        elements_.clear();
        texts_.clear();
        attributes_.clear();
        std::vector<pugi::xml_node> stack{doc.document_element()};
        while (!stack.empty()) {
            pugi::xml_node n = stack.back();
            stack.pop_back();
            if (!n) continue;
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                texts_.push_back(n);
                continue;
            }
            if (n.type() != pugi::node_element) continue;
            elements_.push_back(n);
            for (pugi::xml_attribute a : n.attributes()) attributes_.push_back(a);
            for (pugi::xml_node c : n.children()) stack.push_back(c);
        }
    }

    std::string edge_value() {
        static const char* const values[] = {
            "", "0", "1", "-1", "2", "3", "4", "5", "6", "99", "-7", "2147483647", "2147483648", "4294967298",
            "-9223372036854775809", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf", "0.5", "3.5", "49.5",
            "0x10", " 1", "1 ", "+1", "true", "false", "yes", "2024-02-29", "2025-02-30", "0000-00-00",
            "9999-12-31", "2026-13-01", "2025-1-1", "1900-01-01", "\x01", "\x1f", "a\r\nb", "a\rb", "\t",
            "\xc2\x85", "\xe2\x80\xa8", "=HYPERLINK(\"x\")", "@x", "-x", "\xef\xbb\xbf", "ips", "se", "IPS", "SE",
            "self", "guided", "external", "draft", "consensus", "completed", "planned", "ongoing", "done",
            "cancelled", "sum", "mean", "descriptive", "numeric", "checklist", "per-specialist", "sv", "en", "sv en",
            "0680", "9999", "06"};
        if (chance(16)) return std::string(pick(3) == 0 ? 100000 : 1000, 'x');
        return values[pick(sizeof values / sizeof values[0])];
    }

    std::string bytes_mutated(const std::string& old) {
        std::string buffer = old;
        buffer.resize(old.size() + 32);
        const std::size_t n = LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(buffer.data()), old.size(), buffer.size());
        buffer.resize(n);
        return std::string(buffer.c_str());  // XML holds no NUL
    }

    std::string new_value(const std::string& old, bool from_attributes) {
        switch (pick(4)) {
        case 0: return edge_value();
        case 1:
            if (from_attributes && !attributes_.empty()) return attributes_[pick(attributes_.size())].value();
            if (!texts_.empty()) return texts_[pick(texts_.size())].value();
            return edge_value();
        default: return bytes_mutated(old);
        }
    }

    bool set_attribute() {
        if (attributes_.empty()) return false;
        pugi::xml_attribute a = attributes_[pick(attributes_.size())];
        a.set_value(new_value(a.value(), true).c_str());
        return true;
    }

    bool set_text() {
        if (!texts_.empty() && !chance(4)) {
            pugi::xml_node t = texts_[pick(texts_.size())];
            t.set_value(new_value(t.value(), false).c_str());
            return true;
        }
        // Text where there was none: an empty element gets some.
        pugi::xml_node e = elements_[pick(elements_.size())];
        e.append_child(pugi::node_pcdata).set_value(edge_value().c_str());
        return true;
    }

    bool duplicate_element() {
        pugi::xml_node e = elements_[pick(elements_.size())];
        if (!e.parent() || e.parent().type() == pugi::node_document) return false;
        e.parent().insert_copy_after(e, e);
        return true;
    }

    bool remove_element() {
        pugi::xml_node e = elements_[pick(elements_.size())];
        if (!e.parent() || e.parent().type() == pugi::node_document) return false;
        return e.parent().remove_child(e);
    }

    bool remove_attribute() {
        if (attributes_.empty()) return false;
        pugi::xml_attribute a = attributes_[pick(attributes_.size())];
        for (pugi::xml_node e : elements_)
            if (e.remove_attribute(a)) return true;
        return false;
    }

    bool add_attribute() {
        if (attributes_.empty()) return false;
        pugi::xml_node e = elements_[pick(elements_.size())];
        const pugi::xml_attribute a = attributes_[pick(attributes_.size())];
        if (e.attribute(a.name())) return set_attribute();
        e.append_attribute(a.name()).set_value(a.value());
        return true;
    }

    std::minstd_rand rng_;
    std::vector<pugi::xml_node> elements_, texts_;
    std::vector<pugi::xml_attribute> attributes_;
};

// The body of LLVMFuzzerCustomMutator. `nested` names the elements whose text is XML to
// mutate in its own right (the scale snapshots of an exchange file).
inline std::size_t mutate_xml(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed,
                              const char* nested, const std::function<void(pugi::xml_document&)>& finish) {
    XmlMutator m(seed);
    if (!m.chance(5)) {
        pugi::xml_document doc;
        if (doc.load_buffer(data, size, pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8)) {
            bool changed = false;
            pugi::xml_node root = doc.document_element();
            if (nested && root.child(nested) && m.chance(3)) {
                std::vector<pugi::xml_node> holders;
                for (pugi::xml_node h : root.children(nested)) holders.push_back(h);
                changed = m.mutate_nested(holders[m.pick(holders.size())]);
            } else {
                for (int i = 0, n = 1 + static_cast<int>(m.pick(3)); i < n; ++i) changed = m.mutate(doc) || changed;
            }
            if (changed) {
                if (finish) finish(doc);
                const std::string out = XmlMutator::serialise(doc);
                if (out.size() <= max_size) {
                    std::memcpy(data, out.data(), out.size());
                    return out.size();
                }
            }
        }
    }
    return LLVMFuzzerMutate(data, size, max_size);
}

}  // namespace fidelis::fuzz
