#include "app/cli.hpp"

int main(int argc, char** argv) { return termintreu::app::run_cli(argc, argv); }
