// pgrelay-processor: dispatches pg_relay events. Thin on purpose: the engine lives in core/.
#include "core/Version.h"
#include "core/platform/TerminationRequests.h"
#include "core/processor/Processor.h"
#include "core/processor/ProcessorFleet.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr const char *kUsage =
    "Usage: pgrelay-processor [OPTIONS] [CONNINFO...]\n"
    "       pgrelay-processor [OPTIONS] --all-databases [CONNINFO]\n"
    "\n"
    "Dispatches pg_relay events: polls the queue, claims due events with\n"
    "FOR UPDATE SKIP LOCKED and runs each channel's action.\n"
    "\n"
    "CONNINFO is a libpq connection string or URI; PG* environment variables,\n"
    "service files and .pgpass are honoured. Several serve several databases\n"
    "from one process, each with its own slot, heartbeats and workers.\n"
    "\n"
    "      --all-databases      serve every database of CONNINFO's server where\n"
    "                           pg_relay is installed, looking again every\n"
    "                           --rediscover seconds (new ones start, dropped ones stop)\n"
    "      --rediscover S       seconds between looks, 1-86400 (default 60)\n"
    "\n"
    "Options:\n"
    "  -w, --workers N          worker connections, 1-9 (default 1)\n"
    "  -p, --poll-interval S    seconds between polls when idle, 0.01-3600 (default 1)\n"
    "  -b, --batch-size N       events per batch and transaction at most, 1-1000 (default\n"
    "                           1000; fewer while batches take over 200 ms)\n"
    "      --grace S            on SIGTERM/SIGINT, seconds running actions may finish\n"
    "                           before they are cancelled, 0-3600 (default 30);\n"
    "                           a second signal cancels them at once\n"
    "      --once               drain the queue and exit\n"
    "      --log-format F       text or json (JSON lines) (default text)\n"
    "      --no-wakeup-hint     do not LISTEN for pg_relay's wake-up hint (poll only)\n"
    "      --no-wal-capture     do not stream pg_auto_mv's WAL capture slot (its capture event\n"
    "                           reads it over SQL instead)\n"
    "  -h, --help               show this help and exit\n"
    "  -V, --version            show the version and exit\n"
    "\n"
    "A cancelled batch is undone as a whole: its events stay queued and run again.\n"
    "\n"
    "Exit codes: 0 clean stop (SIGINT/SIGTERM) or queue drained with --once;\n"
    "1 --once could not connect or register; 2 bad options.\n";

int badOption(const std::string &reason) {
    std::fprintf(stderr, "pgrelay-processor: %s (see --help)\n", reason.c_str());
    return 2;
}

bool parseInt(const char *text, int &out) {
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (!text[0] || *end)
        return false;
    out = static_cast<int>(value);
    return true;
}

} // namespace

int main(int argc, char *argv[]) {
    using automv::processor::LogFormat;
    automv::processor::ProcessorOptions options;
    LogFormat format = LogFormat::Text;
    std::vector<std::string> conninfos;
    bool allDatabases = false;
    double rediscover = 60;

    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc)
                return nullptr;
            (void)name;
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (arg == "--version" || arg == "-V") {
            std::printf("pgrelay-processor %s\n", automv::kVersion);
            return 0;
        }
        if (arg == "--once") {
            options.once = true;
        } else if (arg == "--all-databases") {
            allDatabases = true;
        } else if (arg == "--rediscover") {
            const char *v = value("--rediscover");
            char *end = nullptr;
            rediscover = v ? std::strtod(v, &end) : -1;
            if (!v || !*v || *end || !(rediscover >= 1 && rediscover <= 86400))
                return badOption("--rediscover needs a number of seconds from 1 to 86400");
        } else if (arg == "--no-wakeup-hint") {
            options.wakeupHint = false;
        } else if (arg == "--no-wal-capture") {
            options.walCapture = false;
        } else if (arg == "--workers" || arg == "-w") {
            const char *v = value("--workers");
            if (!v || !parseInt(v, options.workers))
                return badOption("--workers needs a whole number from 1 to 9");
        } else if (arg == "--batch-size" || arg == "-b") {
            const char *v = value("--batch-size");
            if (!v || !parseInt(v, options.batchSize))
                return badOption("--batch-size needs a whole number from 1 to 1000");
        } else if (arg == "--poll-interval" || arg == "-p") {
            const char *v = value("--poll-interval");
            char *end = nullptr;
            const double seconds = v ? std::strtod(v, &end) : 0;
            if (!v || !*v || *end || seconds != seconds)
                return badOption("--poll-interval needs a number of seconds from 0.01 to 3600");
            options.pollInterval =
                std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
        } else if (arg == "--grace") {
            const char *v = value("--grace");
            char *end = nullptr;
            const double seconds = v ? std::strtod(v, &end) : -1;
            if (!v || !*v || *end || !(seconds >= 0 && seconds <= 3600))
                return badOption("--grace needs a number of seconds from 0 to 3600");
            options.grace = std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
        } else if (arg == "--log-format") {
            const char *v = value("--log-format");
            if (v && std::strcmp(v, "text") == 0)
                format = LogFormat::Text;
            else if (v && std::strcmp(v, "json") == 0)
                format = LogFormat::Json;
            else
                return badOption("--log-format must be text or json");
        } else if (!arg.empty() && arg[0] == '-') {
            return badOption("unknown option '" + arg + "'");
        } else {
            conninfos.push_back(arg);
        }
    }
    if (allDatabases && conninfos.size() > 1)
        return badOption("--all-databases takes one connection string, to the server");
    if (conninfos.size() == 1)
        options.conninfo = conninfos.front();
    if (const auto problem = options.validate())
        return badOption(*problem);

    automv::processor::ProcessorLog log(format);
    log.info("starting", {{"version", automv::kVersion},
                          {"workers", std::to_string(options.workers)},
                          {"batch_size", std::to_string(options.batchSize)},
                          {"poll_interval_ms", std::to_string(options.pollInterval.count())},
                          {"grace_ms", std::to_string(options.grace.count())},
                          {"databases", allDatabases ? std::string("all") : std::to_string(std::max<std::size_t>(conninfos.size(), 1))}});
    if (allDatabases || conninfos.size() > 1) {
        automv::processor::FleetOptions fleetOptions;
        fleetOptions.base = options;
        fleetOptions.conninfos = conninfos;
        fleetOptions.allDatabases = allDatabases;
        fleetOptions.rediscover = std::chrono::milliseconds(static_cast<long long>(rediscover * 1000));
        automv::processor::ProcessorFleet fleet(fleetOptions, format);
        // SIGINT/SIGTERM, Ctrl+C or a closed console: stop (a second request: cancel at once).
        const automv::platform::TerminationRequests requests([&fleet] { fleet.stop(); });
        return fleet.run();
    }
    automv::processor::Processor processor(options, log);
    const automv::platform::TerminationRequests requests([&processor] { processor.stop(); });
    return processor.run();
}
