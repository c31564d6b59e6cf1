// libFuzzer target: the calibration-file loader (priors, episodes checked against their
// configs, targets with windows, key@episode parameters). Bad input must end in InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/calibrate/calibration.hpp"
#include "model/errors.hpp"
#include "world/model_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto c = vecinos::calibrate::load_calibration_text(
        text, "fuzz-calibration.yaml", VECINOS_SOURCE_DIR "/configs/calibration",
        vecinos::model_info());
    // An accepted file's first generation is proposed and written as sweeps, when small.
    if (c.settings.particles <= 256) {
      const auto proposals = vecinos::calibrate::propose(c.settings, c.seed);
      for (std::size_t e = 0; e < c.episodes.size(); ++e)
        (void)vecinos::calibrate::generation_sweep(c, e, 0, proposals);
    }
  } catch (const vecinos::InputError&) {
  }
  return 0;
}
