// The store tests' main: names the engine and server the tests run against, so a log shows which one it was, and
// refuses to start (instead of skipping) when the environment does not say.
#include <exception>
#include <iostream>
#include <string>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "store_fixture.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // Each test migrates a fresh database; the "applied migration" lines would bury the test output. Warnings stay.
  spdlog::set_level(spdlog::level::warn);
  // CTest discovers the test names at build time, with no database in the environment.
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
  try {
    const std::string& description = termintreu::testing::store_settings().description;
    std::cout << "[store] engine: " << description << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "[store] cannot run the store tests: " << error.what() << std::endl;
    return 2;
  }
  return RUN_ALL_TESTS();
}
