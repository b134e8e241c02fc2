#pragma once

#include <chrono>

namespace automv::processor {

/// How many events a worker asks process_batch() for next. Large batches make a fast drain
/// cheap (the per-batch work — claim, RESET, commit — is shared by more events), but a batch is
/// one transaction: with slow actions a large one would hold its events' results back for long.
/// So the size follows the batches' durations: a batch that took longer than `target` shrinks
/// the next one in proportion (never below 1); one that took less than half of it doubles the
/// next (never above `max`). Starts at `initial` (at most `max`): the first batch has no pace to
/// go by, and a large first batch of slow actions would be a long transaction.
class BatchSizer {
public:
    BatchSizer(int max, std::chrono::milliseconds target, int initial = 50);

    int next() const { return m_next; }
    /// A batch of `events` events (1 or more) took `took`.
    void record(int events, std::chrono::microseconds took);

private:
    int m_max;
    std::chrono::microseconds m_target;
    int m_next;
};

} // namespace automv::processor
