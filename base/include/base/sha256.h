#pragma once
// SHA-256, so a round can record exactly which scale text it was rated against and an
// exchange file can prove a round arrived unchanged. No crypto dependency is needed
// for a content fingerprint.
#include <string>
#include <string_view>

namespace fidelis {

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace fidelis
