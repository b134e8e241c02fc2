#include "core/processor/ProcessorOptions.h"

namespace automv::processor {

std::optional<std::string> ProcessorOptions::validate() const {
    if (workers < 1 || workers > 9)
        return "--workers must be between 1 and 9, not " + std::to_string(workers);
    if (batchSize < 1 || batchSize > 1000)
        return "--batch-size must be between 1 and 1000, not " + std::to_string(batchSize);
    if (pollInterval < std::chrono::milliseconds(10) || pollInterval > std::chrono::hours(1))
        return "--poll-interval must be between 0.01 and 3600 seconds";
    if (grace < std::chrono::milliseconds(0) || grace > std::chrono::hours(1))
        return "--grace must be between 0 and 3600 seconds";
    if (serverTimeout < std::chrono::milliseconds(500))
        return "server timeout must be at least 0.5 seconds";
    if (heartbeatInterval < std::chrono::milliseconds(100))
        return "heartbeat interval must be at least 100 ms";
    return std::nullopt;
}

} // namespace automv::processor
