#include "core/processor/ProcessorFleet.h"

#include "core/pg/ConnInfo.h"
#include "core/pg/PgConnection.h"
#include "core/pg/PgError.h"

#include <algorithm>
#include <set>

namespace automv::processor {

namespace {

// Databases that accept connections and have pg_relay: asked of each, as pg_extension is per
// database. Template databases are left out (an extension in template1 is copied into every
// new database, which is then found on its own).
constexpr const char *kDatabasesSql =
    "select datname from pg_database where datallowconn and not datistemplate order by datname";
constexpr const char *kHasRelaySql = "select exists (select from pg_extension where extname = 'pg_relay')";

// Discovery runs on the fleet's own thread, which also answers stop(): a server that does not
// answer must not hold it. The user's conninfo, expanded after these, may set its own.
pg::PgConnection connectForDiscovery(const std::string &conninfo, const std::string &database = {}) {
    pg::ConnectionParams params{{"connect_timeout", "10"},
                                {"options", "-c statement_timeout=30000"},
                                {"fallback_application_name", "pgrelay-processor discovery"},
                                {"dbname", conninfo}};
    if (!database.empty())
        params.emplace_back("dbname", database);
    return pg::PgConnection::connect(params, true);
}

} // namespace

ProcessorFleet::ProcessorFleet(FleetOptions options, LogFormat format, std::FILE *out)
    : m_options(std::move(options))
    , m_format(format)
    , m_out(out)
    , m_log(format, out) {}

ProcessorFleet::~ProcessorFleet() {
    stop();
    std::vector<std::string> keys;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[key, member] : m_members)
            keys.push_back(key);
    }
    for (const auto &key : keys)
        stopMember(key);
}

void ProcessorFleet::stop() noexcept {
    if (m_stop.exchange(true))
        m_cancelNow.store(true);   // the second request: no more grace, as for one processor
    m_waker.wake();
}

std::vector<std::string> ProcessorFleet::databases() const {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> names;
    for (const auto &[key, member] : m_members)
        if (!member->done.load())
            names.push_back(key);
    return names;
}

bool ProcessorFleet::waitForStop(std::chrono::milliseconds timeout) {
    if (m_stop.load())
        return true;
    m_waker.sleep(timeout);
    return m_stop.load();
}

std::optional<std::vector<std::string>> ProcessorFleet::discover() {
    try {
        auto listing = connectForDiscovery(m_options.base.conninfo);
        const auto all = listing.exec(kDatabasesSql);
        std::vector<std::string> found;
        for (int r = 0; r < all.rows(); ++r) {
            const std::string name(all.value(r, 0));
            try {
                auto connection = connectForDiscovery(m_options.base.conninfo, name);
                if (std::string(connection.exec(kHasRelaySql).value(0, 0)) == "t")
                    found.push_back(name);
            } catch (const pg::PgError &error) {
                m_log.warning("cannot look into database", {{"database", name}, {"error", error.what()}});
            }
        }
        return found;
    } catch (const pg::PgError &error) {
        m_log.error("cannot list the server's databases", {{"error", error.what()}});
        return std::nullopt;
    }
}

void ProcessorFleet::start(const std::string &key, ProcessorOptions options) {
    auto member = std::make_unique<Member>();
    member->log = std::make_unique<ProcessorLog>(m_format, m_out);
    // Explicit members are keyed by their conninfo, which may carry a password: never logged.
    member->log->addContext("database", m_options.allDatabases ? key : pg::conninfoForLog(key));
    member->processor = std::make_unique<Processor>(std::move(options), *member->log);
    Member *raw = member.get();
    {
        std::lock_guard lock(m_mutex);
        m_members[key] = std::move(member);
    }
    raw->thread = std::thread([this, raw] {
        raw->exitCode = raw->processor->run();
        raw->done.store(true);
        m_waker.wake();   // the fleet's loop reaps it (and, with once, may finish)
    });
}

void ProcessorFleet::stopMember(const std::string &key) {
    std::unique_ptr<Member> member;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_members.find(key);
        if (it == m_members.end())
            return;
        member = std::move(it->second);
        m_members.erase(it);
    }
    if (!member->processor->stopRequested())
        member->processor->stop();
    // Wait for it, passing on a second stop request (cancel now) while it finishes its grace.
    while (!member->done.load()) {
        if (m_cancelNow.load())
            member->processor->stopNow();
        m_waker.sleep(std::chrono::milliseconds(100));
    }
    if (member->thread.joinable())
        member->thread.join();
    m_worstExit = std::max(m_worstExit, member->exitCode);
}

void ProcessorFleet::reap() {
    std::vector<std::string> finished;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[key, member] : m_members)
            if (member->done.load())
                finished.push_back(key);
    }
    for (const auto &key : finished)
        stopMember(key);
}

int ProcessorFleet::run() {
    if (!m_options.allDatabases) {
        for (const auto &conninfo : m_options.conninfos) {
            ProcessorOptions options = m_options.base;
            options.conninfo = conninfo;
            start(conninfo, std::move(options));
        }
    }
    auto nextDiscovery = std::chrono::steady_clock::now();
    bool listedOnce = false;
    while (!m_stop.load()) {
        if (m_options.allDatabases && std::chrono::steady_clock::now() >= nextDiscovery) {
            if (const auto found = discover()) {
                listedOnce = true;
                const std::set<std::string> wanted(found->begin(), found->end());
                for (const auto &name : databases())
                    if (!wanted.count(name)) {
                        m_log.info("database left: stopping its processor", {{"database", name}});
                        stopMember(name);
                    }
                for (const auto &name : wanted) {
                    bool running = false;
                    {
                        std::lock_guard lock(m_mutex);
                        running = m_members.count(name) > 0;
                    }
                    if (running)
                        continue;
                    m_log.info("database found: starting a processor", {{"database", name}});
                    ProcessorOptions options = m_options.base;
                    options.database = name;
                    start(name, std::move(options));
                }
            } else if (!listedOnce && m_options.base.once) {
                return 1;
            }
            nextDiscovery = std::chrono::steady_clock::now() + m_options.rediscover;
            if (m_options.base.once)
                nextDiscovery = std::chrono::steady_clock::time_point::max();   // one look
        }
        reap();
        if (m_options.base.once && databases().empty())
            break;
        const auto untilDiscovery = nextDiscovery - std::chrono::steady_clock::now();
        waitForStop(std::min<std::chrono::milliseconds>(
            std::chrono::duration_cast<std::chrono::milliseconds>(untilDiscovery), std::chrono::milliseconds(1000)));
    }
    std::vector<std::string> keys;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[key, member] : m_members)
            keys.push_back(key);
    }
    // Stop them all at once (each waits out its grace), then join.
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[key, member] : m_members)
            if (!member->processor->stopRequested())
                member->processor->stop();
    }
    for (const auto &key : keys)
        stopMember(key);
    return m_worstExit;
}

} // namespace automv::processor
