#include "output/hdf5_handle.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::h5 {

namespace {

herr_t collect_error(unsigned n, const H5E_error2_t* e, void* data) {
  auto* text = static_cast<std::string*>(data);
  if (n > 0) *text += "; ";
  *text += e->desc != nullptr && e->desc[0] != '\0' ? e->desc : "?";
  if (e->func_name != nullptr) *text += fmt::format(" (in {})", e->func_name);
  return 0;
}

std::string error_stack() {
  std::string text;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &text);
  H5Eclear2(H5E_DEFAULT);
  return text.empty() ? "HDF5 call failed" : text;
}

hid_t scalar_space() {
  return H5Screate(H5S_SCALAR);
}

void delete_if_exists(hid_t obj, const std::string& name) {
  const htri_t exists = H5Aexists(obj, name.c_str());
  check(exists, "checking attribute " + name);
  if (exists > 0) check(H5Adelete(obj, name.c_str()), "replacing attribute " + name);
}

void write_scalar_attribute(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type,
                            const void* value) {
  delete_if_exists(obj, name);
  const Handle space(scalar_space(), H5Sclose, "dataspace");
  const Handle attr(H5Acreate2(obj, name.c_str(), file_type, space.id(), kDefault, kDefault),
                    H5Aclose, "creating attribute " + name);
  check(H5Awrite(attr.id(), mem_type, value), "writing attribute " + name);
}

}  // namespace

Handle::Handle(hid_t id, Closer closer, std::string_view what) : id_(id), closer_(closer) {
  if (id_ < 0) throw RuntimeError(fmt::format("{}: {}", what, error_stack()));
}

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    reset();
    id_ = o.id_;
    closer_ = o.closer_;
    o.id_ = -1;
  }
  return *this;
}

void Handle::close(std::string_view what) {
  if (id_ < 0) return;
  const hid_t id = id_;
  id_ = -1;
  check(closer_(id), what);
}

void Handle::reset() noexcept {
  if (id_ >= 0 && closer_ != nullptr) closer_(id_);
  id_ = -1;
}

void check(herr_t rc, std::string_view what) {
  if (rc < 0) throw RuntimeError(fmt::format("{}: {}", what, error_stack()));
}

std::string error_stack_text() {
  return error_stack();
}

std::string os_error_of(std::string_view text) {
  constexpr std::string_view kMarker = "error message = '";
  const auto at = text.find(kMarker);
  if (at == std::string_view::npos) return {};
  const auto begin = at + kMarker.size();
  const auto end = text.find('\'', begin);
  if (end == std::string_view::npos) return {};
  return std::string(text.substr(begin, end - begin));
}

void skip_cleanup_at_exit() {
  H5dont_atexit();
}

void silence_errors() {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

Handle fixed_string_type(std::size_t bytes) {
  Handle t(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(t.id(), std::max<std::size_t>(bytes, 1)), "string type size");
  check(H5Tset_strpad(t.id(), H5T_STR_NULLPAD), "string type padding");
  check(H5Tset_cset(t.id(), H5T_CSET_UTF8), "string type character set");
  return t;
}

Handle vlen_string_type() {
  Handle t(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(t.id(), H5T_VARIABLE), "string type size");
  check(H5Tset_cset(t.id(), H5T_CSET_UTF8), "string type character set");
  return t;
}

hid_t native_type(DType t) {
  switch (t) {
    case DType::f64: return H5T_NATIVE_DOUBLE;
    case DType::f32: return H5T_NATIVE_FLOAT;
    case DType::i64: return H5T_NATIVE_INT64;
    case DType::i32: return H5T_NATIVE_INT32;
    case DType::u8: return H5T_NATIVE_UINT8;
  }
  return H5T_NATIVE_DOUBLE;
}

hid_t file_type(DType t) {
  switch (t) {
    case DType::f64: return H5T_IEEE_F64LE;
    case DType::f32: return H5T_IEEE_F32LE;
    case DType::i64: return H5T_STD_I64LE;
    case DType::i32: return H5T_STD_I32LE;
    case DType::u8: return H5T_STD_U8LE;
  }
  return H5T_IEEE_F64LE;
}

std::size_t dtype_size(DType t) {
  switch (t) {
    case DType::f64:
    case DType::i64: return 8;
    case DType::f32:
    case DType::i32: return 4;
    case DType::u8: return 1;
  }
  return 8;
}

Handle create_group(hid_t parent, const std::string& name) {
  const Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "group properties");
  check(H5Pset_link_creation_order(gcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "group creation order");
  return {H5Gcreate2(parent, name.c_str(), kDefault, gcpl.id(), kDefault), H5Gclose,
          "creating group " + name};
}

void set_attribute(hid_t obj, const std::string& name, std::string_view value) {
  const Handle type = vlen_string_type();
  const std::string text(value);
  const char* p = text.c_str();
  write_scalar_attribute(obj, name, type.id(), type.id(), &p);
}

void set_attribute(hid_t obj, const std::string& name, double value) {
  write_scalar_attribute(obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void set_attribute(hid_t obj, const std::string& name, std::int64_t value) {
  write_scalar_attribute(obj, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}

void set_attribute(hid_t obj, const std::string& name, std::uint64_t value) {
  write_scalar_attribute(obj, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}

std::optional<std::string> string_attribute(hid_t obj, const std::string& name) {
  const htri_t exists = H5Aexists(obj, name.c_str());
  check(exists, "checking attribute " + name);
  if (exists == 0) return std::nullopt;
  const Handle attr(H5Aopen(obj, name.c_str(), kDefault), H5Aclose, "opening attribute " + name);
  const Handle type(H5Aget_type(attr.id()), H5Tclose, "attribute type");
  if (H5Tget_class(type.id()) != H5T_STRING) return std::nullopt;
  if (H5Tis_variable_str(type.id()) > 0) {
    const Handle mem = vlen_string_type();
    char* p = nullptr;
    check(H5Aread(attr.id(), mem.id(), &p), "reading attribute " + name);
    std::string s = p != nullptr ? p : "";
    H5free_memory(p);
    return s;
  }
  const std::size_t n = H5Tget_size(type.id());
  std::string s(n, '\0');
  check(H5Aread(attr.id(), type.id(), s.data()), "reading attribute " + name);
  s.resize(std::strlen(s.c_str()));
  return s;
}

std::optional<std::int64_t> int_attribute(hid_t obj, const std::string& name) {
  const htri_t exists = H5Aexists(obj, name.c_str());
  check(exists, "checking attribute " + name);
  if (exists == 0) return std::nullopt;
  const Handle attr(H5Aopen(obj, name.c_str(), kDefault), H5Aclose, "opening attribute " + name);
  std::int64_t v = 0;
  check(H5Aread(attr.id(), H5T_NATIVE_INT64, &v), "reading attribute " + name);
  return v;
}

Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& maxdims,
                      const Storage& storage) {
  const int rank = static_cast<int>(dims.size());
  const Handle space(H5Screate_simple(rank, dims.data(), maxdims.data()), H5Sclose,
                     "dataspace for " + name);
  const Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  if (!storage.chunk.empty()) {
    check(H5Pset_chunk(dcpl.id(), rank, storage.chunk.data()), "chunking " + name);
    if (storage.compress) {
      check(H5Pset_shuffle(dcpl.id()), "shuffle filter for " + name);
      check(H5Pset_deflate(dcpl.id(), static_cast<unsigned>(storage.deflate_level)),
            "deflate filter for " + name);
    }
    // A checksum of every chunk (after compression, as HDF5 recommends), verified on every
    // read: a flipped bit makes the read fail instead of returning a wrong value.
    if (storage.checksum) check(H5Pset_fletcher32(dcpl.id()), "checksum filter for " + name);
  }
  if (H5Tget_class(type) == H5T_FLOAT) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    check(H5Pset_fill_value(dcpl.id(), H5T_NATIVE_DOUBLE, &nan), "fill value for " + name);
  }
  // The writer buffers rows itself and writes whole blocks: no chunk cache is needed.
  const Handle dapl(H5Pcreate(H5P_DATASET_ACCESS), H5Pclose, "dataset access properties");
  check(H5Pset_chunk_cache(dapl.id(), 0, 0, 1.0), "chunk cache for " + name);
  return {H5Dcreate2(parent, name.c_str(), type, space.id(), kDefault, dcpl.id(), dapl.id()),
          H5Dclose, "creating dataset " + name};
}

Handle write_vector(hid_t parent, const std::string& name, hid_t file_type, hid_t mem_type,
                    const void* data, std::size_t n, const Storage& storage) {
  const std::vector<hsize_t> d{n};
  Storage s = storage;
  // Chunked even when small, so that the checksum filter covers it (filters need chunks).
  if (s.chunk.empty() && s.checksum) {
    const std::size_t elem = std::max<std::size_t>(1, H5Tget_size(file_type));
    s.chunk = {std::max<hsize_t>(1, (std::size_t{1} << 20) / elem)};
  }
  if (n == 0) s.chunk.clear();
  if (!s.chunk.empty()) s.chunk[0] = std::clamp<hsize_t>(s.chunk[0], 1, n);
  Handle ds = create_dataset(parent, name, file_type, d, d, s);
  if (n > 0)
    check(H5Dwrite(ds.id(), mem_type, H5S_ALL, H5S_ALL, kDefault, data), "writing " + name);
  return ds;
}

Handle write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values,
                     const Storage& storage) {
  std::size_t width = 1;
  for (const auto& v : values) width = std::max(width, v.size());
  std::vector<char> buf(values.size() * width, '\0');
  for (std::size_t i = 0; i < values.size(); ++i)
    std::memcpy(buf.data() + i * width, values[i].data(), values[i].size());
  const Handle type = fixed_string_type(width);
  return write_vector(parent, name, type.id(), type.id(), buf.data(), values.size(), storage);
}

std::vector<hsize_t> dims(hid_t dataset) {
  const Handle space(H5Dget_space(dataset), H5Sclose, "dataspace");
  const int rank = H5Sget_simple_extent_ndims(space.id());
  check(rank, "dataspace rank");
  std::vector<hsize_t> d(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space.id(), d.data(), nullptr), "dataspace dimensions");
  return d;
}

}  // namespace vecinos::h5
