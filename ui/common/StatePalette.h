#pragma once

#include "core/graph/DependencyGraph.h"

#include <QColor>
#include <QString>

namespace automv::ui {

/// One colour per materialised-view state, the same on every page: the Okabe–Ito palette,
/// which stays distinguishable with the common colour-vision deficiencies, and never the
/// only cue (the state's name is always written beside or on it). Failed and stale, pending
/// and refreshing used to share a colour.
QColor stateFill(graph::MvState state);
/// The state's colour dark enough to be read as text on a light background.
QColor stateText(graph::MvState state);
/// Black or white, whichever reads better on `fill` (by perceived luminance: white on amber
/// was hard to read).
QColor textOn(const QColor &fill);
/// The state of mv_status's text ('not registered, unpopulated' → Unregistered).
graph::MvState stateOf(const QString &text);

} // namespace automv::ui
