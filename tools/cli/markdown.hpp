#pragma once
// Markdown pieces the CLI's tables share (`config --reference --markdown`, `config --odd-table`).
#include <string>
#include <string_view>

namespace vecinos::cli {

/// A table cell: pipes escaped so they do not split the row ("us | mx" stays one cell).
inline std::string markdown_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace vecinos::cli
