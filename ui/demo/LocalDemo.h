#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

namespace automv::ui {

/// "Start local demo": a private PostgreSQL cluster in a directory of its own (initdb once,
/// then pg_ctl start), a database `demo` with pg_relay and pg_auto_mv (from the SQL bundled in
/// the console) and the demo schema (orders -> daily -> weekly, month to date; registered and
/// chained). All of it off the UI thread; ready() hands back the conninfo. Run as root, the
/// server runs as the unprivileged user `postgres` (PostgreSQL refuses root). stop() shuts the
/// cluster down (the destructor does too).
class LocalDemo : public QObject {
    Q_OBJECT
public:
    /// `directory`: where the cluster lives; empty: $AUTOMV_DEMO_DIR, else a per-user default.
    explicit LocalDemo(QString directory = {}, QObject *parent = nullptr);
    ~LocalDemo() override;

    void start();
    /// Stops the cluster (pg_ctl stop -m fast) and waits: for the destructor only.
    void stop();
    /// Stops the cluster off the UI thread; stopped() follows (at once when it is not running).
    void stopAsync();
    bool isRunning() const { return m_running; }
    QString directory() const { return m_directory; }
    static QString defaultDirectory();

signals:
    void progress(const QString &message);
    void ready(const QString &conninfo);
    void failed(const QString &message);
    void stopped();

private:
    void run();   // on m_thread

    QString m_directory;
    QString m_binDir;   ///< written by run(); read by stop() only after joining it
    std::atomic<bool> m_running{false};   ///< set on the worker thread, read on the UI thread
    std::thread m_thread;
};

} // namespace automv::ui
