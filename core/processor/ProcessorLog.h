#pragma once

#include <cstdio>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace automv::processor {

enum class LogLevel { Debug, Info, Warning, Error };
enum class LogFormat { Text, Json };

using LogField = std::pair<std::string_view, std::string>;

/// Thread-safe log lines, as text ("ts level msg key=value") or JSON lines. Never given a payload.
class ProcessorLog {
public:
    using Sink = std::function<void(LogLevel, const std::string &line)>;

    explicit ProcessorLog(LogFormat format = LogFormat::Text, std::FILE *out = stderr);
    /// Lines go to `sink` instead of a file (the console's embedded processor uses this).
    ProcessorLog(LogFormat format, Sink sink);

    void setMinimumLevel(LogLevel level) { m_minimum = level; }
    /// A field every line carries after its own (e.g. database=… when one process serves
    /// several databases). Set before the log is shared between threads.
    void addContext(std::string key, std::string value) { m_context.emplace_back(std::move(key), std::move(value)); }
    void log(LogLevel level, std::string_view message, std::initializer_list<LogField> fields = {});
    void info(std::string_view message, std::initializer_list<LogField> fields = {}) {
        log(LogLevel::Info, message, fields);
    }
    void warning(std::string_view message, std::initializer_list<LogField> fields = {}) {
        log(LogLevel::Warning, message, fields);
    }
    void error(std::string_view message, std::initializer_list<LogField> fields = {}) {
        log(LogLevel::Error, message, fields);
    }

    /// One line, without the trailing newline (exposed for tests).
    std::string format(LogLevel level, std::string_view message,
                       std::initializer_list<LogField> fields) const;

private:
    LogFormat m_format;
    std::FILE *m_out = nullptr;
    Sink m_sink;
    LogLevel m_minimum = LogLevel::Info;
    std::vector<std::pair<std::string, std::string>> m_context;
    std::mutex m_mutex;
};

} // namespace automv::processor
