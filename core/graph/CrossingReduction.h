#pragma once

#include "core/graph/LayeredGraph.h"

#include <cstdint>

namespace automv::graph {

/// Crossings before and after ordering the layers.
struct OrderingOutcome {
    /// Crossings of the initial order (depth-first down from the sources, see InitialOrder.h).
    std::int64_t initialCrossings = 0;
    /// Crossings of the order chosen.
    std::int64_t crossings = 0;
};

/// Orders the vertices within their layers to reduce crossings, deterministically. From each
/// of two initial orders (down from the sources; along each component from one end), up to
/// `maxSweeps` alternating down and up sweeps sort each layer by the mean position of its
/// neighbours in the layer just swept (ties keep their order), each followed by swaps of
/// neighbouring vertices that remove crossings; the best order seen is kept and then polished
/// by sifting. Never worse than the initial order; `maxSweeps` 0 keeps the initial order.
OrderingOutcome orderLayers(LayeredGraph &graph, int maxSweeps);

} // namespace automv::graph
