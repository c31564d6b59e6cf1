#pragma once
// Advisory locks that die with their holder: Linux open-file-description locks (fcntl
// F_OFD_SETLK) on a whole file. Unlike POSIX record locks they are not dropped when another
// descriptor of the same file is closed in the same process (HDF5 opens and closes its own),
// and unlike flock() they are forwarded to the server on NFS, so two hosts of a cluster see each
// other's locks. A lock is released when the last descriptor of its open file description is
// closed: at exit, or when the process is killed, however it dies.
#include <filesystem>
#include <optional>
#include <string>

namespace vecinos {

class FileLock {
 public:
  enum class Mode { shared, exclusive };
  /// What try_lock found.
  enum class Outcome { locked, busy, absent, unsupported };

  FileLock() = default;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  FileLock(FileLock&& o) noexcept : fd_(o.fd_), path_(std::move(o.path_)) { o.fd_ = -1; }
  FileLock& operator=(FileLock&& o) noexcept;
  ~FileLock() { release(); }

  /// Locks `path` without waiting, creating it (empty, mode 0644) when `create` is set. Busy
  /// when another holder has a conflicting lock; absent when `create` is off and there is no
  /// file (or it went away while being locked); unsupported when the file system refuses
  /// locks (ENOLCK, EOPNOTSUPP, ENOSYS, EINVAL: some NFS and Lustre mounts), with `why` set.
  /// The lock is checked to be on the file that is at `path` now (a file renamed or removed
  /// while it was being locked is retried). `inheritable` leaves the descriptor open across
  /// exec, so child processes hold the lock as long as they live. Throws RuntimeError when the
  /// file cannot be opened (`why` of the OS).
  Outcome try_lock(const std::filesystem::path& path, Mode mode, bool create,
                   bool inheritable = false, std::string* why = nullptr);

  [[nodiscard]] bool held() const { return fd_ >= 0; }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// The path the locked file has now (after a rename by its holder).
  void renamed(const std::filesystem::path& to) { path_ = to; }
  /// Closes the descriptor (which releases the lock unless a child still holds it open).
  void release() noexcept;

 private:
  int fd_ = -1;
  std::filesystem::path path_;
};

/// Renames `from` to `to` without replacing an existing `to` (renameat2 RENAME_NOREPLACE, or
/// link + unlink where the file system lacks it). False with `why` when `to` exists or the
/// rename failed.
bool rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to,
                       std::string& why);

}  // namespace vecinos
