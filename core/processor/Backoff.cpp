#include "core/processor/Backoff.h"

#include <algorithm>

namespace automv::processor {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap)
    : m_initial(std::max(initial, std::chrono::milliseconds(1)))
    , m_cap(std::max(cap, m_initial))
    , m_next(m_initial) {
}

std::chrono::milliseconds Backoff::next() {
    const auto delay = m_next;
    // Halving the cap instead of doubling the delay cannot overflow, whatever the cap.
    m_next = delay > m_cap / 2 ? m_cap : delay * 2;
    return delay;
}

} // namespace automv::processor
