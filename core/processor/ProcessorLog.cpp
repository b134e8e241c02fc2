#include "core/processor/ProcessorLog.h"

#include <chrono>
#include <ctime>

namespace automv::processor {
namespace {

const char *levelName(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "info";
}

std::string timestamp() {
    // Calendar arithmetic of the standard library: no gmtime_r (POSIX) or gmtime_s (Windows).
    using namespace std::chrono;
    const auto now = floor<milliseconds>(system_clock::now());
    const auto day = floor<days>(now);
    const year_month_day date{day};
    const hh_mm_ss time{now - day};
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return out;
}

void appendJsonString(std::string &out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void appendTextValue(std::string &out, std::string_view value) {
    const bool plain = !value.empty() && value.find_first_of(" \"=\n\t") == std::string_view::npos;
    if (plain)
        out += value;
    else
        appendJsonString(out, value);
}

} // namespace

ProcessorLog::ProcessorLog(LogFormat format, std::FILE *out) : m_format(format), m_out(out) {}

ProcessorLog::ProcessorLog(LogFormat format, Sink sink)
    : m_format(format)
    , m_sink(std::move(sink)) {}

std::string ProcessorLog::format(LogLevel level, std::string_view message,
                                 std::initializer_list<LogField> fields) const {
    std::string line;
    if (m_format == LogFormat::Json) {
        line = "{\"ts\":\"" + timestamp() + "\",\"level\":\"" + levelName(level) + "\",\"msg\":";
        appendJsonString(line, message);
        const auto add = [&line](std::string_view key, std::string_view value) {
            line += ",";
            appendJsonString(line, key);
            line += ":";
            appendJsonString(line, value);
        };
        for (const auto &[key, value] : fields)
            add(key, value);
        for (const auto &[key, value] : m_context)
            add(key, value);
        line += "}";
    } else {
        line = timestamp() + " " + levelName(level) + " ";
        line += message;
        const auto add = [&line](std::string_view key, std::string_view value) {
            line += " ";
            line += key;
            line += "=";
            appendTextValue(line, value);
        };
        for (const auto &[key, value] : fields)
            add(key, value);
        for (const auto &[key, value] : m_context)
            add(key, value);
    }
    return line;
}

void ProcessorLog::log(LogLevel level, std::string_view message,
                       std::initializer_list<LogField> fields) {
    if (level < m_minimum)
        return;
    const std::string line = format(level, message, fields);
    std::lock_guard lock(m_mutex);
    if (m_sink) {
        m_sink(level, line);
    } else if (m_out) {
        // One write per line: the logs of several processors in one process share the stream.
        std::fputs((line + '\n').c_str(), m_out);
        std::fflush(m_out);
    }
}

} // namespace automv::processor
