#include "app/cli.hpp"
#include "platform/malloc_tuning.hpp"

int main(int argc, char** argv) {
  termintreu::platform::tune_malloc();
  return termintreu::app::run_cli(argc, argv);
}
