#pragma once

#include "core/graph/LayeredGraph.h"

#include <vector>

namespace automv::graph {

/// Horizontal centre of every vertex, for the graph's current order, with the left edge of the
/// drawing at 0. Each layer starts packed; then down and up passes move one layer at a time to
/// its best place for the layers around it (least squares over its edges, long edges weighted
/// most so they run straight) under the constraint that neighbours in a layer stay at least
/// their half widths plus the spacing apart, so boxes never overlap and the order is kept.
std::vector<double> assignHorizontalCentres(const LayeredGraph &graph,
                                            const LayoutOptions &options);

} // namespace automv::graph
