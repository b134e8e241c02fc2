#include "tests/harness/TestCluster.h"

#include "core/pg/ConnInfo.h"
#include "core/pg/PgError.h"
#include "core/platform/Platform.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <stdexcept>

namespace automv::test {
namespace {

// cluster.env holds KEY=VALUE lines written with printf %q; undo its backslash escapes.
std::string unescapeShell(const std::string &value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size())
            ++i;
        out.push_back(value[i]);
    }
    return out;
}

std::map<std::string, std::string> readEnvFile(const std::string &path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read test cluster description " + path +
                                 " (run the tests through ctest so the cluster fixture starts)");
    std::map<std::string, std::string> values;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            values[line.substr(0, eq)] = unescapeShell(line.substr(eq + 1));
    }
    return values;
}

std::string sanitizedLabel(std::string_view label) {
    std::string out;
    for (const char c : label) {
        if (out.size() >= 36)
            break;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            out.push_back(c);
        else if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else
            out.push_back('_');
    }
    return out;
}

// QTest rethrows an exception that escapes a test function, and a thread's uncaught exception
// ends the process too: either way the run only says "Subprocess aborted". Say what was thrown.
[[noreturn]] void reportUncaughtException() {
    if (const auto current = std::current_exception()) {
        try {
            std::rethrow_exception(current);
        } catch (const pg::PgError &error) {
            std::fprintf(stderr, "uncaught database error (SQLSTATE %s): %s\n", error.sqlState().c_str(),
                         error.what());
        } catch (const std::exception &error) {
            std::fprintf(stderr, "uncaught exception: %s\n", error.what());
        } catch (...) {
            std::fprintf(stderr, "uncaught exception of an unknown type\n");
        }
    }
    std::fflush(stderr);
    std::abort();
}
[[maybe_unused]] const std::terminate_handler installedTerminateHandler = std::set_terminate(reportUncaughtException);

} // namespace

const TestCluster &TestCluster::instance() {
    static const TestCluster cluster = [] {
        const char *path = std::getenv("AUTOMV_TEST_CLUSTER_ENV");
        if (!path || !*path)
            throw std::runtime_error("AUTOMV_TEST_CLUSTER_ENV is not set: run the tests through "
                                     "ctest, which starts the throwaway PostgreSQL cluster");
        return load(path);
    }();
    return cluster;
}

TestCluster TestCluster::load(const std::string &path) {
    {
        const auto values = readEnvFile(path);
        TestCluster c;
        c.m_host = values.count("PGHOST") ? values.at("PGHOST") : "";
        c.m_port = values.count("PGPORT") ? std::atoi(values.at("PGPORT").c_str()) : 0;
        c.m_user = values.count("PGUSER") ? values.at("PGUSER") : "postgres";
        c.m_binDir = values.count("AUTOMV_PG_BINDIR") ? values.at("AUTOMV_PG_BINDIR") : "";
        c.m_dataDir = values.count("AUTOMV_PG_DATA") ? values.at("AUTOMV_PG_DATA") : "";
        if (c.m_host.empty() || c.m_port == 0)
            throw std::runtime_error("incomplete test cluster description in " + path);
        return c;
    }
}

namespace {

std::string requiredEnv(const char *name) {
    const char *value = std::getenv(name);
    if (!value || !*value)
        throw std::runtime_error(std::string(name) + " is not set: run the tests through ctest");
    return value;
}

std::string shellQuote(const std::string &text) {
    std::string out = "'";
    for (const char c : text)
        out += (c == '\'' ? std::string("'\\''") : std::string(1, c));
    return out + "'";
}

} // namespace

PrivateCluster::PrivateCluster() { start({}); }

PrivateCluster::PrivateCluster(StandbyOf standby) {
    start(" --standby-of " + shellQuote(standby.primary.m_stateDir));
}

void PrivateCluster::start(const std::string &extraArguments) {
    char pattern[] = "/tmp/automv-private.XXXXXX";
    const char *dir = ::mkdtemp(pattern);
    if (!dir)
        throw std::runtime_error("cannot create a state directory for a private cluster");
    m_stateDir = dir;
    runScript("start " + shellQuote(m_stateDir) + " --watch-pid " + std::to_string(platform::processId()) +
              " --extensions " + shellQuote(requiredEnv("AUTOMV_TEST_EXTENSIONS")) +
              extraArguments);
    m_cluster = TestCluster::load(m_stateDir + "/cluster.env");
}

void PrivateCluster::promote() { runScript("promote " + shellQuote(m_stateDir)); }

PrivateCluster::~PrivateCluster() {
    try {
        runScript("stop " + shellQuote(m_stateDir));
        ::rmdir(m_stateDir.c_str());
    } catch (const std::exception &) {
        // The watchdog removes it when this process ends.
    }
}

void PrivateCluster::restart() { runScript("restart " + shellQuote(m_stateDir)); }

void PrivateCluster::runScript(const std::string &arguments) const {
    const std::string command =
        shellQuote(requiredEnv("AUTOMV_CLUSTER_SCRIPT")) + " " + arguments + " >/dev/null";
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("pg-test-cluster.sh failed: " + arguments);
}

pg::ConnectionParams TestCluster::params(const std::string &database) const {
    return {{"host", m_host},
            {"port", std::to_string(m_port)},
            {"user", m_user},
            {"dbname", database},
            {"application_name", "automv-tests"}};
}

std::string TestCluster::conninfo(const std::string &database) const {
    return pg::toConninfo(params(database));
}

pg::PgConnection TestCluster::connect(const std::string &database) const {
    return pg::PgConnection::connect(params(database));
}

ScratchDatabase::ScratchDatabase(std::string_view label) {
    static std::atomic<int> counter{0};
    m_name = "t_" + sanitizedLabel(label) + "_" + std::to_string(platform::processId()) + "_" +
             std::to_string(++counter);
    auto admin = TestCluster::instance().connect("postgres");
    admin.exec("create database " + admin.quoteIdentifier(m_name));
}

ScratchDatabase::~ScratchDatabase() {
    try {
        auto admin = TestCluster::instance().connect("postgres");
        // DROP DATABASE refuses while a logical slot of the database exists (WAL capture, a
        // test's subscription): its sessions go first, then its slots once they are released.
        const auto slotsLeft = [&] {
            return std::string(admin.exec("select count(*) from pg_replication_slots where database = $1", {m_name})
                                   .value(0, 0)) != "0";
        };
        if (slotsLeft()) {
            admin.exec("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
                       {m_name});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (slotsLeft() && std::chrono::steady_clock::now() < deadline) {
                admin.exec("select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                           " where database = $1 and not active", {m_name});
                if (slotsLeft())
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        admin.exec("drop database if exists " + admin.quoteIdentifier(m_name) + " with (force)");
    } catch (const std::exception &) {
        // The cluster is removed at the end of the run anyway; never throw from a destructor.
    }
}

} // namespace automv::test
