#pragma once

#include "core/graph/DependencyGraph.h"

#include <QColor>
#include <QPen>
#include <QString>

namespace automv::ui {

/// How the graph looks, in one place: the fill of each MV state and node kind, the pen of each
/// edge kind, and the legend that explains them.
struct GraphStyle {
    static QColor fill(const graph::GraphNode &node);
    static QColor textColour(const graph::GraphNode &node);
    static QPen edgePen(graph::EdgeKind kind);
    /// The legend as HTML (a swatch per state and node kind, a line per edge kind).
    static QString legendHtml();
};

} // namespace automv::ui
