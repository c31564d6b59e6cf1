#include "output/file_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos {

FileLock& FileLock::operator=(FileLock&& o) noexcept {
  if (this != &o) {
    release();
    fd_ = o.fd_;
    path_ = std::move(o.path_);
    o.fd_ = -1;
  }
  return *this;
}

void FileLock::release() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

FileLock::Outcome FileLock::try_lock(const std::filesystem::path& path, Mode mode, bool create,
                                     bool inheritable, std::string* why) {
  release();
  for (int attempt = 0; attempt < 100; ++attempt) {
    int flags = (mode == Mode::exclusive ? O_RDWR : O_RDONLY) | (inheritable ? 0 : O_CLOEXEC);
    if (create) flags |= O_CREAT;
    const int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0 && errno == ENOENT && !create) return Outcome::absent;
    if (fd < 0)
      throw RuntimeError(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
    struct flock fl {};
    fl.l_type = mode == Mode::exclusive ? F_WRLCK : F_RDLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;  // the whole file
    if (::fcntl(fd, F_OFD_SETLK, &fl) != 0) {
      const int err = errno;
      ::close(fd);
      if (err == EAGAIN || err == EACCES) return Outcome::busy;
      if (why != nullptr) *why = std::strerror(err);
      return Outcome::unsupported;
    }
    // The lock must be on the file that is at `path` now: a holder may have renamed or removed
    // the file between our open and our lock.
    struct stat held {
    }, now{};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino) {
      fd_ = fd;
      path_ = path;
      return Outcome::locked;
    }
    ::close(fd);
    if (!create) return Outcome::absent;  // it went away while we locked it
  }
  throw RuntimeError(fmt::format("{}: the file keeps changing while being locked", path.string()));
}

bool rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to,
                       std::string& why) {
#ifdef SYS_renameat2
  constexpr unsigned kNoReplace = 1;  // RENAME_NOREPLACE
  if (::syscall(SYS_renameat2, AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), kNoReplace) == 0)
    return true;
  if (errno != EINVAL && errno != ENOSYS) {
    why = std::strerror(errno);
    return false;
  }
#endif
  // A file system without renameat2's flags: a hard link fails when `to` exists.
  if (::link(from.c_str(), to.c_str()) != 0) {
    why = std::strerror(errno);
    return false;
  }
  ::unlink(from.c_str());
  return true;
}

}  // namespace vecinos
