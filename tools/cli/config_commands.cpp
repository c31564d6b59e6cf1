// `vecinos validate` and `vecinos config --reference`.
#include <iostream>

#include <fmt/format.h>

#include "tools/cli/commands.hpp"
#include "world/config.hpp"

namespace vecinos::cli {

Action add_validate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("CONFIG", *files, "config files to check")->required()->check(CLI::ExistingFile);
  return [files] {
    int rc = 0;
    for (const auto& f : *files) {
      try {
        const LoadedConfig c = load_config(f);
        std::cout << fmt::format("{}: ok ({} presidents, {} officials, {} legislatures)\n", f,
                                 c.config.presidents.size(), c.config.officials.size(),
                                 c.config.legislatures.size());
      } catch (const ConfigError& e) {
        std::cerr << e.what() << "\n";
        rc = 2;
      }
    }
    return rc;
  };
}

Action add_config(CLI::App& app) {
  auto reference = std::make_shared<bool>(false);
  auto markdown = std::make_shared<bool>(false);
  app.add_flag("--reference", *reference,
               "print every config key with type, unit, default, allowed values and help");
  app.add_flag("--markdown", *markdown, "print the reference as a Markdown table");
  return [reference, markdown] {
    if (!*reference) {
      std::cerr << "vecinos config: nothing to do; try --reference\n";
      return 2;
    }
    const auto entries = config_schema().reference();
    if (*markdown) {
      std::cout << "| key | type | unit | default | allowed | help |\n|---|---|---|---|---|---|\n";
      for (const auto& e : entries)
        std::cout << fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", e.path, e.type, e.unit,
                                 e.default_text, e.allowed, e.help);
      return 0;
    }
    for (const auto& e : entries) {
      std::cout << e.path << "\n";
      std::cout << fmt::format("    {}{}, default {}; allowed: {}\n", e.type,
                               e.unit.empty() ? "" : " (" + e.unit + ")", e.default_text,
                               e.allowed);
      std::cout << "    " << e.help << "\n";
    }
    return 0;
  };
}

}  // namespace vecinos::cli
