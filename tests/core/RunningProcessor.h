#pragma once

#include "core/processor/Processor.h"

#include <atomic>
#include <thread>

namespace automv::test {

/// Runs a processor on a thread; stops and joins it however the test function ends.
class RunningProcessor {
public:
    RunningProcessor(processor::ProcessorOptions options, processor::ProcessorLog &log)
        : m_processor(std::move(options), log)
        , m_thread([this] { m_code = m_processor.run(); }) {}
    ~RunningProcessor() { finish(); }
    RunningProcessor(const RunningProcessor &) = delete;
    RunningProcessor &operator=(const RunningProcessor &) = delete;

    /// Stops the processor and returns its exit code.
    int finish() {
        m_processor.stop();
        if (m_thread.joinable())
            m_thread.join();
        return m_code;
    }
    processor::Processor &processor() { return m_processor; }

private:
    processor::Processor m_processor;
    std::atomic<int> m_code{-1};
    std::thread m_thread;
};

} // namespace automv::test
