# Third-party dependencies, all from Debian 12 packages (tools/setup-deps.sh installs them).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(TBB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)

# Random123 is header-only and ships no CMake package.
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(vecinos_random123 INTERFACE)
target_include_directories(vecinos_random123 SYSTEM INTERFACE "${RANDOM123_INCLUDE_DIR}")
add_library(vecinos::random123 ALIAS vecinos_random123)

# HDF5 C library (serial). The C API is used directly; one writer thread owns every call.
find_package(HDF5 REQUIRED COMPONENTS C)
add_library(vecinos_hdf5 INTERFACE)
target_include_directories(vecinos_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(vecinos_hdf5 INTERFACE ${HDF5_LIBRARIES})
target_compile_definitions(vecinos_hdf5 INTERFACE ${HDF5_DEFINITIONS})
add_library(vecinos::hdf5 ALIAS vecinos_hdf5)

# MPI (C API) for `vecinos sweep run --mpi`: optional, on when found (Debian: libopenmpi-dev).
find_package(MPI COMPONENTS C QUIET)
option(VECINOS_MPI "MPI dispatch of sweep tasks (vecinos sweep run --mpi)" ${MPI_C_FOUND})
if(VECINOS_MPI AND NOT MPI_C_FOUND)
  message(FATAL_ERROR "VECINOS_MPI is ON but no MPI C library was found (Debian: libopenmpi-dev)")
endif()

if(VECINOS_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
