#pragma once

#include "core/graph/LayeredGraph.h"

#include <cstdint>

namespace automv::graph {

/// Sifting (Matuszewski, Schönfeld and Molitor): each vertex in turn, layer by layer downwards
/// and then upwards, moves to the place within a few dozen slots of its own where its edges cross
/// the fewest others (staying put unless a place is strictly better). Rounds repeat while they
/// remove crossings, at most `maxRounds`. Never adds a crossing. Returns the crossings afterwards.
std::int64_t siftVertices(LayeredGraph &graph, int maxRounds);

} // namespace automv::graph
