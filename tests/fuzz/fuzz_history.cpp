// libFuzzer target: the history reader (vecinos inspect, sweep collect). The input is written to
// a file and read back; a file that is not a readable history must end in InputError.
// HDF5 itself parses the bytes, so a crash here may be in libhdf5: the target then documents
// the input that crashes it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "output/history_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/vecinos-fuzz-history-" + std::to_string(::getpid()) + ".h5";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)vecinos::read_history_info(path);
  } catch (const vecinos::InputError&) {
  }
  std::remove(path.c_str());
  return 0;
}
