// doctest's main for the ThreadSanitizer suite (the tsan preset). oneTBB is not built with
// ThreadSanitizer, so the handoffs between its worker threads are invisible to it and every
// parallel loop would be reported as a race; held to one thread, TBB runs each loop on the
// calling thread, and what ThreadSanitizer checks is the threads vecinos starts itself (the
// history writer and its queue). The parallel loops' results are checked by the determinism
// tests at 1, 2 and 4 threads instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <tbb/global_control.h>

int main(int argc, char** argv) {
  const tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
  doctest::Context context(argc, argv);
  return context.run();
}
