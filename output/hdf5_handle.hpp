#pragma once
// Owned HDF5 identifiers and the few typed helpers shared by the history writer and
// `vecinos inspect`. Every failing HDF5 call throws RuntimeError carrying HDF5's error stack.
// Nothing here is thread-safe: one thread at a time makes HDF5 calls (see hdf5_writer.hpp).
#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "world/recording.hpp"

namespace vecinos::h5 {

/// An HDF5 identifier closed by its closer (H5Fclose, H5Dclose ...) when the Handle goes.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  /// Takes ownership of `id`; throws RuntimeError naming `what` when id is negative.
  Handle(hid_t id, Closer closer, std::string_view what);
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : id_(o.id_), closer_(o.closer_) { o.id_ = -1; }
  Handle& operator=(Handle&& o) noexcept;
  ~Handle() { reset(); }

  [[nodiscard]] hid_t id() const { return id_; }
  [[nodiscard]] bool valid() const { return id_ >= 0; }
  /// Closes now and throws when closing fails (a file's close writes its metadata).
  void close(std::string_view what);
  /// Closes, ignoring failure (destructors, error paths).
  void reset() noexcept;

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

/// Throws RuntimeError "<what>: <HDF5 error stack>" when rc is negative.
void check(herr_t rc, std::string_view what);
/// HDF5's current error stack as one line (and clears it).
std::string error_stack_text();
/// The operating system's message inside an HDF5 error text ("No space left on device",
/// "File too large", "Permission denied"), or empty when the error is not the system's.
std::string os_error_of(std::string_view hdf5_error);
/// Keeps HDF5 from closing files at process exit. Call before any other HDF5 call. A file that
/// failed to close (a full disk) makes HDF5 1.10's exit-time cleanup crash (SIGSEGV in
/// H5F__close_cb); vecinos closes every file it opens itself, so that cleanup has nothing to do.
void skip_cleanup_at_exit();
/// Turns off HDF5's automatic printing of error stacks (errors become exceptions instead).
void silence_errors();

/// The property-list default (H5P_DEFAULT), without the macro's C cast.
inline constexpr hid_t kDefault = 0;
inline constexpr hsize_t kUnlimited = ~hsize_t{0};

/// Fixed-length, null-padded UTF-8 strings of `bytes` bytes (at least 1).
Handle fixed_string_type(std::size_t bytes);
/// Variable-length UTF-8 strings.
Handle vlen_string_type();
/// The native memory type, the little-endian file type and the element size of a column type.
hid_t native_type(DType t);
hid_t file_type(DType t);
std::size_t dtype_size(DType t);
/// A value (produced as double) in a storage type: integers round to nearest and saturate,
/// NaN becomes 0.
template <class T>
T to_storage(double v) {
  if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(v);
  } else {
    // Most values of integer columns are whole numbers in range (codes, counts): they convert
    // exactly, without the rounding call (the same result either way).
    if (v >= static_cast<double>(std::numeric_limits<T>::min()) &&
        v <= static_cast<double>(std::numeric_limits<T>::max())) {
      const auto t = static_cast<T>(v);
      if (static_cast<double>(t) == v) return t;
    }
    if (std::isnan(v)) return 0;
    const double r = std::nearbyint(v);
    if (r <= static_cast<double>(std::numeric_limits<T>::min()))
      return std::numeric_limits<T>::min();
    if (r >= static_cast<double>(std::numeric_limits<T>::max()))
      return std::numeric_limits<T>::max();
    return static_cast<T>(r);
  }
}

/// Calls f(T{}) with T the C++ type of storage type `t`.
template <class F>
decltype(auto) with_storage_type(DType t, F&& f) {
  switch (t) {
    case DType::f32: return f(float{});
    case DType::i64: return f(std::int64_t{});
    case DType::i32: return f(std::int32_t{});
    case DType::u8: return f(std::uint8_t{});
    case DType::f64: break;
  }
  return f(double{});
}

/// A group whose links keep their creation order (h5py lists them in that order).
Handle create_group(hid_t parent, const std::string& name);

/// Scalar attributes; strings are variable-length UTF-8. Replaces an existing attribute.
void set_attribute(hid_t obj, const std::string& name, std::string_view value);
void set_attribute(hid_t obj, const std::string& name, double value);
void set_attribute(hid_t obj, const std::string& name, std::int64_t value);
void set_attribute(hid_t obj, const std::string& name, std::uint64_t value);

/// Reads a scalar string attribute (fixed or variable length); empty optional when absent.
std::optional<std::string> string_attribute(hid_t obj, const std::string& name);
/// Reads a scalar integer attribute; empty optional when absent.
std::optional<std::int64_t> int_attribute(hid_t obj, const std::string& name);

/// How a dataset is stored: chunk shape (empty for contiguous) and filters.
struct Storage {
  std::vector<hsize_t> chunk;
  bool compress = false;
  int deflate_level = 4;
  /// Fletcher32 checksums of every chunk (readers detect flipped bits). On by default; only
  /// chunked datasets can carry it, so write_vector chunks even small vectors.
  bool checksum = true;
};

/// Creates a dataset of `type` with the given current and maximum dimensions. Floating-point
/// datasets are filled with NaN where nothing was written. Chunked datasets carry checksums.
Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& maxdims,
                      const Storage& storage);

/// Creates and writes a whole 1-D dataset of `n` elements (contiguous unless `storage` chunks
/// it) from `data` in memory type `mem_type`; returns it open (to add attributes).
Handle write_vector(hid_t parent, const std::string& name, hid_t file_type, hid_t mem_type,
                    const void* data, std::size_t n, const Storage& storage = {});
/// Writes strings as a 1-D fixed-length UTF-8 dataset sized to the longest.
Handle write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values,
                     const Storage& storage = {});

/// Current dimensions of a dataset.
std::vector<hsize_t> dims(hid_t dataset);

}  // namespace vecinos::h5
