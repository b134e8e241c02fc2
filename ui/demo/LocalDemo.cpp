#include "ui/demo/LocalDemo.h"

#include "core/pg/ConnInfo.h"
#include "core/pg/PgConnection.h"
#include "core/pg/PgError.h"
#include "core/platform/Platform.h"
#include "ui/install/ExtensionInstaller.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

#include <stdexcept>

namespace automv::ui {

namespace {

bool runningAsRoot() { return platform::runningAsSuperuser(); }

bool hasServerPrograms(const QString &dir) {
    return QFile::exists(dir + "/initdb") && QFile::exists(dir + "/pg_ctl") && QFile::exists(dir + "/postgres");
}

/// initdb / pg_ctl / postgres: PG_BINDIR when set (and then only there: a DBA who names a
/// directory means it), else pg_config --bindir, else the newest /usr/lib/postgresql/*/bin.
/// Throws with what to do when none has them.
QString findBinDir() {
    if (const QString env = qEnvironmentVariable("PG_BINDIR"); !env.isEmpty()) {
        if (!hasServerPrograms(env))
            throw std::runtime_error(QObject::tr("PG_BINDIR is set to %1, but that directory has no PostgreSQL "
                                                 "server programs (initdb, pg_ctl, postgres). Point it at the "
                                                 "server's bin directory or unset it.")
                                         .arg(env)
                                         .toStdString());
        return env;
    }
    QStringList candidates;
    QProcess pgConfig;
    pgConfig.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0)
        candidates << QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions)
        candidates << lib.filePath(v + "/bin");
    for (const QString &dir : candidates)
        if (hasServerPrograms(dir))
            return dir;
    throw std::runtime_error(QObject::tr("No PostgreSQL server programs (initdb, pg_ctl) were found. Install the server "
                                         "(Debian/Ubuntu: apt install postgresql) or set PG_BINDIR to its bin directory.")
                                 .toStdString());
}

int freePort() {   // a port nobody listens on now (the system picks it)
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 54329;
}

/// Runs a program — a server program as `postgres` when we are root; throws with its output on
/// failure.
void runTool(const QString &program, const QStringList &arguments, int timeoutMs = 120000, bool asServerUser = true) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The demo server speaks C whatever the desktop's locale: a LANG the system has no locale
    // for (common on minimal installs) would otherwise make initdb fail.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    if (runningAsRoot() && asServerUser)
        process.start(QStringLiteral("runuser"), QStringList{"-u", "postgres", "--", program} + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForStarted(10000))
        throw std::runtime_error(QObject::tr("cannot run %1").arg(program).toStdString());
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        throw std::runtime_error(QObject::tr("%1 failed: %2")
                                     .arg(QFileInfo(program).fileName(), QString::fromLocal8Bit(process.readAll()).trimmed())
                                     .toStdString());
}

QString demoSchemaSql() {
    QFile file(QStringLiteral(":/demo/demo-schema.sql"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

LocalDemo::LocalDemo(QString directory, QObject *parent)
    : QObject(parent), m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory)) {}

LocalDemo::~LocalDemo() { stop(); }

QString LocalDemo::defaultDirectory() {
    if (const QString dir = qEnvironmentVariable("AUTOMV_DEMO_DIR"); !dir.isEmpty())
        return dir;
    // Root's home is closed to the `postgres` user that runs the server: use the temp dir then.
    if (runningAsRoot())
        return QDir::temp().filePath(QStringLiteral("automv-demo"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("demo"));
}

void LocalDemo::start() {
    if (m_thread.joinable())
        m_thread.join();
    m_thread = std::thread([this] { run(); });
}

void LocalDemo::run() {
    QPointer<LocalDemo> self(this);
    auto post = [self](auto &&call) {
        QMetaObject::invokeMethod(self, [self, call] { if (self) call(self.data()); }, Qt::QueuedConnection);
    };
    auto say = [&](const QString &text) { post([text](LocalDemo *d) { emit d->progress(text); }); };
    try {
        m_binDir = findBinDir();
        const QString data = m_directory + "/data";
        const QString sock = m_directory + "/sock";
        QDir().mkpath(sock);
        if (runningAsRoot())
            runTool(QStringLiteral("chown"), {"-R", "postgres:postgres", m_directory}, 30000, false);   // the server's user
        QFile::setPermissions(sock, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (!QFile::exists(data + "/PG_VERSION")) {
            say(tr("Creating the demo cluster in %1…").arg(data));
            runTool(m_binDir + "/initdb", {"-D", data, "-U", "automv", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"});
        }
        if (QFile::exists(data + "/postmaster.pid")) {   // left running by a console that was killed
            try {
                runTool(m_binDir + "/pg_ctl", {"-D", data, "-m", "fast", "-w", "stop"}, 30000);
            } catch (const std::exception &) {
                // a stale pid file of a server that is gone: pg_ctl start copes with it
            }
        }
        const int port = freePort();
        say(tr("Starting PostgreSQL on port %1…").arg(port));
        runTool(m_binDir + "/pg_ctl",
                {"-D", data, "-l", m_directory + "/server.log", "-w", "-t", "60", "-o",
                 QStringLiteral("-p %1 -c listen_addresses='' -c unix_socket_directories='%2'").arg(port).arg(sock),
                 "start"});
        m_running = true;
        const pg::ConnectionParams admin{{"host", sock.toStdString()}, {"port", std::to_string(port)},
                                         {"user", "automv"}, {"dbname", "postgres"}};
        auto conn = pg::PgConnection::connect(admin);
        if (conn.exec("select count(*) from pg_database where datname = 'demo'").value(0, 0) == "0") {
            say(tr("Loading the demo schema…"));
            conn.exec("create database demo");
            auto demo = pg::PgConnection::connect(pg::ConnectionParams{{"host", sock.toStdString()},
                                                                       {"port", std::to_string(port)},
                                                                       {"user", "automv"}, {"dbname", "demo"}});
            demo.execScript(ExtensionInstaller::bundledScript(QStringLiteral("pg_relay")).toStdString());
            demo.execScript(ExtensionInstaller::bundledScript(QStringLiteral("pg_auto_mv")).toStdString());
            demo.execScript(demoSchemaSql().toStdString());
        }
        const QString conninfo = QString::fromStdString(pg::toConninfo(
            {{"host", sock.toStdString()}, {"port", std::to_string(port)}, {"user", "automv"}, {"dbname", "demo"},
             {"application_name", "automv-console"}}));
        post([conninfo](LocalDemo *d) { emit d->ready(conninfo); });
    } catch (const std::exception &e) {
        const QString message = QString::fromStdString(e.what());
        post([message](LocalDemo *d) { emit d->failed(message); });
    }
}

void LocalDemo::stopAsync() {
    QPointer<LocalDemo> self(this);
    std::thread previous = std::move(m_thread);   // a start in flight: joined off the UI thread
    m_thread = std::thread([this, self, previous = std::move(previous)]() mutable {
        if (previous.joinable())
            previous.join();
        stop();   // stop() does not join the thread it runs on
        QMetaObject::invokeMethod(self, [self] { if (self) emit self->stopped(); }, Qt::QueuedConnection);
    });
}

void LocalDemo::stop() {
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();   // a start (or stopAsync) in flight finishes first
    if (!m_running.exchange(false))
        return;
    try {
        runTool(m_binDir + "/pg_ctl", {"-D", m_directory + "/data", "-m", "fast", "-w", "stop"}, 30000);
    } catch (const std::exception &) {
        // already stopped
    }
}

} // namespace automv::ui
