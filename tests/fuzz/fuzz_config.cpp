// libFuzzer target: the config loader (YAML tree, extends, schema, cross-field checks). Any
// input must either load or be refused with ConfigError/InputError; anything else (a crash, an
// escaped exception, a hang, unbounded memory) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.hpp"
#include "world/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    // extends: paths resolve under the source tree's configs/ (the corpus uses them).
    (void)vecinos::load_config_text(text, "fuzz.yaml", {}, VECINOS_SOURCE_DIR "/configs/scenarios");
  } catch (const vecinos::InputError&) {
  }
  return 0;
}
