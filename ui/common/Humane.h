#pragma once

#include <QString>
#include <QVariant>

namespace automv::ui {

/// A duration as a person reads it: "850 ms", "6.0 s", "42 s", "3 min 12 s", "2 h 05 min",
/// "3 d 4 h" (raw milliseconds such as "6012.0" were shown before). Negative → "0 ms".
QString humaneDuration(double seconds);
/// An interval in whole units, largest first, zero parts left out: "1 min", "1 h 30 min",
/// "2 d", "45 s" (a schedule's "every 00:01:00" before). It is also valid PostgreSQL interval
/// input, so the schedule editor can show it and send it back unchanged.
QString humaneInterval(double seconds);
/// Milliseconds since the epoch (what the pages' queries return for a timestamptz) in the
/// user's local time, to the second: "2026-12-04 12:47:59". Null or empty → empty.
QString localTime(const QVariant &epochMs);

} // namespace automv::ui
