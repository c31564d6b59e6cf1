#pragma once
// A dataset that grows along its first dimension (recorded ticks, events, network snapshots).
// Rows are buffered in memory and written in blocks of whole rows (a chunk's worth, or what is
// pending at a flush), so recording a tick costs no HDF5 call and no per-agent call ever.
#include <cstddef>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace vecinos::h5 {

/// Bytes a chunk aims at (chunks are about 1 MiB and hold whole rows where a row fits).
inline constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

/// Chunk shape for rows of `width` elements of `elem_bytes` bytes, when about `expected_rows`
/// rows will be written: whole rows up to ~1 MiB (never more rows than expected), or one
/// row split along the second dimension when a row alone exceeds 1 MiB.
inline constexpr std::size_t kGrowableChunkWidth = 16;

std::vector<hsize_t> row_chunk(std::size_t width, std::size_t elem_bytes,
                               std::size_t expected_rows);

struct RowSpec {
  std::string name;
  hid_t file_type = -1;  ///< stored type
  hid_t mem_type = -1;   ///< type of the bytes handed to append()
  std::size_t elem_bytes = 8;
  std::size_t width = 0;  ///< elements per row; 0 means a 1-D dataset
  /// The second dimension may grow (new network edges); chunks are then at least
  /// kGrowableChunkWidth wide.
  bool growable_width = false;
  std::size_t expected_rows = 1;
  /// Rows written between two flushes (0: unknown). Chunks hold no more: in SWMR mode HDF5
  /// writes a touched chunk whole, so a flush then writes about the new rows, not a 1 MiB
  /// chunk per dataset (and compressed chunks are not recompressed and reallocated).
  std::size_t flush_rows = 0;
  bool compress = false;
  int deflate_level = 4;
};

class RowDataset {
 public:
  RowDataset() = default;
  RowDataset(hid_t parent, const RowSpec& spec);

  /// Buffers one row of width() elements (bytes in the memory type).
  void append(const void* row);
  /// Buffers `n` rows at once (1-D datasets: n values).
  void append_rows(const void* rows, std::size_t n);
  /// Grows the second dimension to `width` (writes pending rows first).
  void widen(std::size_t width);
  /// Writes the buffered rows to the file.
  void write_pending();

  [[nodiscard]] hid_t id() const { return ds_.id(); }
  [[nodiscard]] bool valid() const { return ds_.valid(); }
  [[nodiscard]] std::size_t width() const { return width_; }
  [[nodiscard]] std::size_t rows() const { return written_ + pending_rows_; }
  void close(std::string_view what) { ds_.close(what); }

 private:
  [[nodiscard]] std::size_t row_bytes() const { return (width_ == 0 ? 1 : width_) * elem_bytes_; }

  Handle ds_;
  std::string name_;
  hid_t mem_type_ = -1;
  std::size_t elem_bytes_ = 8, width_ = 0, block_rows_ = 1;
  bool two_d_ = false;
  std::size_t written_ = 0, pending_rows_ = 0;
  std::vector<unsigned char> pending_;
};

}  // namespace vecinos::h5
