#pragma once

#include "core/processor/Processor.h"

#include <QObject>
#include <QString>

#include <memory>
#include <thread>

namespace automv::ui {

/// The processor engine of `pgrelay-processor`, run inside the console for development: on its
/// own threads, never the UI thread. stop() only asks; stopped() says when it has finished its
/// in-flight events.
class EmbeddedProcessor : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedProcessor(QObject *parent = nullptr);
    ~EmbeddedProcessor() override;

    bool isRunning() const { return m_processor != nullptr; }
    /// Starts on `conninfo` with `workers` (1-9) and a poll interval in seconds; false (and a
    /// message in `error`) when the options are invalid.
    bool start(const QString &conninfo, int workers, double pollSeconds, QString *error = nullptr);
    void stop();
    /// Asks the engine to stop at once (cancelling what runs, as when the console closes)
    /// without waiting; stopped() follows.
    void stopNow();
    processor::ProcessorStats stats() const;

signals:
    void started();
    void stopped(int exitCode);
    /// One line of the engine's log (level: 0 debug, 1 info, 2 warning, 3 error).
    void logLine(int level, const QString &line);

private:
    void finished(int exitCode);

    std::unique_ptr<processor::ProcessorLog> m_log;
    std::unique_ptr<processor::Processor> m_processor;
    std::thread m_thread;
};

} // namespace automv::ui
