#pragma once

#include "core/pg/PgConnection.h"

#include <string>
#include <string_view>

namespace automv::test {

/// The run's throwaway cluster, started by pg-test-cluster.sh (a CTest fixture) and described by
/// the file named in $AUTOMV_TEST_CLUSTER_ENV.
class TestCluster {
public:
    /// Throws std::runtime_error when no cluster was started for this run.
    static const TestCluster &instance();
    /// Reads a cluster description (cluster.env) written by pg-test-cluster.sh.
    static TestCluster load(const std::string &envFile);

    /// Connection parameters for the given database on the cluster.
    pg::ConnectionParams params(const std::string &database) const;
    std::string conninfo(const std::string &database) const;
    pg::PgConnection connect(const std::string &database = "postgres") const;

    const std::string &host() const { return m_host; }
    int port() const { return m_port; }
    const std::string &user() const { return m_user; }
    const std::string &binDir() const { return m_binDir; }
    const std::string &dataDir() const { return m_dataDir; }

private:
    friend class PrivateCluster;
    TestCluster() = default;
    std::string m_host;
    int m_port = 0;
    std::string m_user;
    std::string m_binDir;
    std::string m_dataDir;
};

/// A cluster of a test's own, for tests that must restart or break the server without
/// disturbing the tests that share the run's cluster. Stopped and removed when destroyed.
class PrivateCluster {
public:
    PrivateCluster();
    struct StandbyOf {
        const PrivateCluster &primary;
    };
    /// A streaming standby of a primary (pg_basebackup -R), on its own port.
    explicit PrivateCluster(StandbyOf standby);
    ~PrivateCluster();
    PrivateCluster(const PrivateCluster &) = delete;
    PrivateCluster &operator=(const PrivateCluster &) = delete;

    /// Fast shutdown and start again on the same port and socket.
    void restart();
    /// Promotes a standby to primary (pg_ctl promote -w).
    void promote();
    const TestCluster &cluster() const { return m_cluster; }

private:
    void start(const std::string &extraArguments);
    void runScript(const std::string &command) const;
    std::string m_stateDir;
    TestCluster m_cluster;
};

/// A fresh, empty database for one test case, dropped (with FORCE) when this object dies, so
/// tests never see each other's data.
class ScratchDatabase {
public:
    /// `label` becomes part of the name (e.g. the test function); anything odd in it is replaced.
    explicit ScratchDatabase(std::string_view label);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    const std::string &name() const { return m_name; }
    std::string conninfo() const { return TestCluster::instance().conninfo(m_name); }
    pg::PgConnection connect() const { return TestCluster::instance().connect(m_name); }

private:
    std::string m_name;
};

/// The first column of the first row of a query, as text: what most checks compare.
inline std::string scalar(pg::PgConnection &conn, const std::string &sql) {
    return std::string(conn.exec(sql).value(0, 0));
}

} // namespace automv::test
