// libFuzzer target: the sweep-file loader (designs, parameters checked against the base
// config, outcomes). Bad input must end in InputError.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/errors.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/tasks.hpp"
#include "world/model_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto s = vecinos::sweep::load_sweep_text(
        text, "fuzz-sweep.yaml", VECINOS_SOURCE_DIR "/configs/sweeps", vecinos::model_info());
    // The task list of an accepted sweep is built too (its arithmetic and designs), when it is
    // small enough to build in a fraction of a second.
    std::uint64_t values = 1;
    for (const auto& p : s.parameters) values *= std::max<std::size_t>(1, p.values.size());
    if (s.samples <= 4096 && values <= 4096 && s.replicates <= 64) {
      const vecinos::sweep::TaskList tasks(s);
      if (tasks.size() > 0) (void)tasks.run_arguments(tasks.task(tasks.size() - 1));
    }
  } catch (const vecinos::InputError&) {
  }
  return 0;
}
