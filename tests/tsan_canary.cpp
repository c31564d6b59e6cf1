// A deliberate data race, for the tsan preset: the test that runs it expects ThreadSanitizer to
// report it and stop the program (WILL_FAIL), so a ThreadSanitizer build that stopped seeing
// races would fail the suite instead of passing it silently.
#include <thread>

namespace {
int shared_counter = 0;  // written by two threads without synchronisation, on purpose

void bump() {
  for (int i = 0; i < 100000; ++i) shared_counter = shared_counter + 1;
}
}  // namespace

int main() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
  return shared_counter > 0 ? 0 : 1;
}
