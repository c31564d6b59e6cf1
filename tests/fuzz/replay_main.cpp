// Replays inputs through the fuzz targets without libFuzzer, in the ordinary build: the four
// targets are compiled into this one program (each entry point renamed by a macro), and
//   fuzz_replay TARGET FILE...
// feeds each file to TARGET's entry point. The CTest test "reliability: fuzz targets replay
// their seed corpus" runs every seed, so the targets keep compiling and the seeds keep passing
// between fuzzing runs (tools/fuzz.sh).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

extern "C" int fuzz_config_one(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_sweep_one(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_ktab_one(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_history_one(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fuzz_replay config|sweep|ktab|history FILE-OR-DIR...\n");
    return 2;
  }
  const std::string_view target = argv[1];
  int (*entry)(const std::uint8_t*, std::size_t) = target == "config"    ? fuzz_config_one
                                                   : target == "sweep"   ? fuzz_sweep_one
                                                   : target == "ktab"    ? fuzz_ktab_one
                                                   : target == "history" ? fuzz_history_one
                                                                         : nullptr;
  if (entry == nullptr) {
    std::fprintf(stderr, "fuzz_replay: unknown target %s\n", argv[1]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; ++i) {
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& e : std::filesystem::directory_iterator(argv[i]))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("fuzz_replay %s: %zu inputs, no failure\n", argv[1], files.size());
  return 0;
}
