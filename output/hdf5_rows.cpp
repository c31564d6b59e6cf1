#include "output/hdf5_rows.hpp"

#include <algorithm>
#include <cstring>

namespace vecinos::h5 {

std::vector<hsize_t> row_chunk(std::size_t width, std::size_t elem_bytes,
                               std::size_t expected_rows) {
  const std::size_t w = std::max<std::size_t>(width, 1);
  const std::size_t row = w * std::max<std::size_t>(elem_bytes, 1);
  if (row >= kChunkBytes) {
    const std::size_t cols = std::clamp<std::size_t>(kChunkBytes / elem_bytes, 1, w);
    return {1, cols};
  }
  const std::size_t rows =
      std::clamp<std::size_t>(kChunkBytes / row, 1, std::max<std::size_t>(expected_rows, 1));
  return {rows, w};
}

RowDataset::RowDataset(hid_t parent, const RowSpec& spec)
    : name_(spec.name),
      mem_type_(spec.mem_type),
      elem_bytes_(spec.elem_bytes),
      width_(spec.width),
      two_d_(spec.width > 0 || spec.growable_width) {
  const std::size_t chunk_width =
      spec.growable_width ? std::max(width_, kGrowableChunkWidth) : width_;
  std::vector<hsize_t> chunk = row_chunk(chunk_width, elem_bytes_, spec.expected_rows);
  if (spec.flush_rows > 0) chunk[0] = std::clamp<hsize_t>(chunk[0], 1, spec.flush_rows);
  block_rows_ = chunk[0];
  std::vector<hsize_t> dims{0}, maxdims{kUnlimited};
  if (two_d_) {
    dims.push_back(width_);
    maxdims.push_back(spec.growable_width ? kUnlimited : std::max<std::size_t>(width_, 1));
  } else {
    chunk.resize(1);
  }
  ds_ = create_dataset(parent, spec.name, spec.file_type, dims, maxdims,
                       {chunk, spec.compress, spec.deflate_level});
  pending_.reserve(std::min(block_rows_ * row_bytes(), kChunkBytes));
}

void RowDataset::append(const void* row) {
  append_rows(row, 1);
}

void RowDataset::append_rows(const void* rows, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(rows);
  const std::size_t bytes = n * (width_ == 0 && two_d_ ? 0 : row_bytes());
  pending_.insert(pending_.end(), p, p + bytes);
  pending_rows_ += n;
  if (pending_rows_ >= block_rows_) write_pending();
}

void RowDataset::widen(std::size_t width) {
  if (width <= width_) return;
  write_pending();
  width_ = width;
  const std::vector<hsize_t> d{written_, width_};
  check(H5Dset_extent(ds_.id(), d.data()), "widening " + name_);
}

void RowDataset::write_pending() {
  if (pending_rows_ == 0) return;
  std::vector<hsize_t> extent{written_ + pending_rows_}, start{written_}, count{pending_rows_};
  if (two_d_) {
    extent.push_back(width_);
    start.push_back(0);
    count.push_back(width_);
  }
  check(H5Dset_extent(ds_.id(), extent.data()), "extending " + name_);
  if (!pending_.empty()) {
    const Handle file_space(H5Dget_space(ds_.id()), H5Sclose, "dataspace of " + name_);
    check(H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                              nullptr),
          "selecting rows of " + name_);
    const Handle mem_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                           H5Sclose, "memory dataspace");
    check(H5Dwrite(ds_.id(), mem_type_, mem_space.id(), file_space.id(), kDefault, pending_.data()),
          "writing " + name_);
  }
  written_ += pending_rows_;
  pending_rows_ = 0;
  pending_.clear();
}

}  // namespace vecinos::h5
