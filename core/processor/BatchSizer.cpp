#include "core/processor/BatchSizer.h"

#include <algorithm>

namespace automv::processor {

BatchSizer::BatchSizer(int max, std::chrono::milliseconds target, int initial)
    : m_max(std::max(max, 1))
    , m_target(std::max<std::chrono::microseconds>(target, std::chrono::milliseconds(1)))
    , m_next(std::clamp(initial, 1, m_max)) {
}

void BatchSizer::record(int events, std::chrono::microseconds took) {
    if (events < 1)
        return;
    if (took > m_target) {
        // As many as would have fitted into the target at this batch's pace.
        const long double fitting = static_cast<long double>(events) * m_target.count() / took.count();
        m_next = std::clamp(static_cast<int>(fitting), 1, m_max);
    } else if (took < m_target / 2) {
        m_next = m_next > m_max / 2 ? m_max : m_next * 2;
    }
}

} // namespace automv::processor
