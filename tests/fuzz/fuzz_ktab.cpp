// libFuzzer target: the KTAB SMP CSV reader (vecinos bargain). Bad input must end in
// InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/bargain/smp_csv.hpp"
#include "model/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)vecinos::bargain::parse_smp_csv(text, "fuzz.csv");
  } catch (const vecinos::InputError&) {
  }
  return 0;
}
