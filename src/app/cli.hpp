#pragma once

namespace termintreu::app {

// The termintreu command line: serve, migrate, demo, user, agency, routes, import, ledger, version.
int run_cli(int argc, char** argv);

}  // namespace termintreu::app
