#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "output/bounded_queue.hpp"

using vecinos::BoundedQueue;

TEST_CASE("a bounded queue hands items over in order and drains after close") {
  BoundedQueue<int> q(3);
  CHECK(q.push(1));
  CHECK(q.push(2));
  q.close();
  CHECK_FALSE(q.push(3));
  CHECK(q.pop() == 1);
  CHECK(q.pop() == 2);
  CHECK_FALSE(q.pop().has_value());
}

TEST_CASE("a full bounded queue makes the producer wait until the consumer takes one") {
  BoundedQueue<int> q(2);
  REQUIRE(q.push(1));
  REQUIRE(q.push(2));
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    q.push(3);
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(pushed.load());  // capacity 2: the third item waits
  CHECK(q.pop() == 1);
  producer.join();
  CHECK(pushed.load());
  CHECK(q.pop() == 2);
  CHECK(q.pop() == 3);
}

TEST_CASE("abandoning a bounded queue releases a waiting producer and drops the items") {
  BoundedQueue<int> q(1);
  REQUIRE(q.push(1));
  bool result = true;
  std::thread producer([&] { result = q.push(2); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  q.abandon();
  producer.join();
  CHECK_FALSE(result);
  CHECK_FALSE(q.pop().has_value());
}
