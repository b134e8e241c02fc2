// pgrelay-processor: dispatches pg_relay events. Thin on purpose: the engine lives in core/.
#include "core/Version.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

constexpr const char *kUsage =
    "Usage: pgrelay-processor [OPTIONS] [CONNINFO]\n"
    "\n"
    "Dispatches pg_relay events: polls the queue, claims due events with\n"
    "FOR UPDATE SKIP LOCKED and runs each channel's action.\n"
    "\n"
    "CONNINFO is a libpq connection string or URI; PG* environment variables\n"
    "and service files are honoured.\n"
    "\n"
    "Options:\n"
    "  -h, --help       show this help and exit\n"
    "  -V, --version    show the version and exit\n"
    "\n"
    "Exit codes: 0 clean stop, 2 bad options, 3 not yet able to process events.\n";

} // namespace

int main(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (std::strcmp(arg, "--version") == 0 || std::strcmp(arg, "-V") == 0) {
            std::printf("pgrelay-processor %s\n", automv::kVersion);
            return 0;
        }
        if (arg[0] == '-') {
            std::fprintf(stderr, "pgrelay-processor: unknown option '%s' (see --help)\n", arg);
            return 2;
        }
    }
    std::fputs("pgrelay-processor: the processing engine is not part of this build yet\n", stderr);
    return 3;
}
