#pragma once

#include <chrono>

namespace automv::processor {

/// Capped exponential backoff: the first failure waits `initial`, each further one twice as
/// long up to `cap`; a success starts over. Used for reconnecting and for retrying after a
/// batch failed as a whole, so a persistent failure costs a few attempts, not a busy loop.
class Backoff {
public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap);

    /// The wait after one more failure; the wait after the next one doubles (up to the cap).
    std::chrono::milliseconds next();
    /// After a success: the next failure waits `initial` again.
    void reset() { m_next = m_initial; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_cap;
    std::chrono::milliseconds m_next;
};

} // namespace automv::processor
