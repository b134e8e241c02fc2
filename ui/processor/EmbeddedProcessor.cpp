#include "ui/processor/EmbeddedProcessor.h"

#include <QMetaObject>
#include <QPointer>


namespace automv::ui {

EmbeddedProcessor::EmbeddedProcessor(QObject *parent) : QObject(parent) {}

EmbeddedProcessor::~EmbeddedProcessor() {
    if (m_processor) {
        m_processor->stopNow();   // the console is closing: cancel, do not wait out the grace
        if (m_thread.joinable())
            m_thread.join();
    }
}

bool EmbeddedProcessor::start(const QString &conninfo, int workers, double pollSeconds, QString *error) {
    if (m_processor) {
        if (error)
            *error = tr("The processor is already running.");
        return false;
    }
    processor::ProcessorOptions options;
    options.conninfo = conninfo.toStdString();
    options.workers = workers;
    options.pollInterval = std::chrono::milliseconds(static_cast<long long>(pollSeconds * 1000));
    if (const auto problem = options.validate()) {
        if (error)
            *error = QString::fromStdString(*problem);
        return false;
    }
    QPointer<EmbeddedProcessor> self(this);
    m_log = std::make_unique<processor::ProcessorLog>(
        processor::LogFormat::Text, [self](processor::LogLevel level, const std::string &line) {
            const QString text = QString::fromStdString(line);
            QMetaObject::invokeMethod(self, [self, level, text] {
                if (self)
                    emit self->logLine(static_cast<int>(level), text);
            }, Qt::QueuedConnection);
        });
    m_processor = std::make_unique<processor::Processor>(options, *m_log);
    m_thread = std::thread([this, self] {
        const int code = m_processor->run();
        QMetaObject::invokeMethod(self, [self, code] {
            if (self)
                self->finished(code);
        }, Qt::QueuedConnection);
    });
    emit started();
    return true;
}

void EmbeddedProcessor::stop() {
    if (m_processor)
        m_processor->stop();   // run() finishes its in-flight events, then finished() follows
}

void EmbeddedProcessor::stopNow() {
    if (m_processor)
        m_processor->stopNow();
}

void EmbeddedProcessor::finished(int exitCode) {
    if (m_thread.joinable())
        m_thread.join();   // run() has returned: this does not wait
    m_processor.reset();
    m_log.reset();
    emit stopped(exitCode);
}

processor::ProcessorStats EmbeddedProcessor::stats() const {
    return m_processor ? m_processor->stats() : processor::ProcessorStats{};
}

} // namespace automv::ui
