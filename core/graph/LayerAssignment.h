#pragma once

#include "core/graph/LayeredLayout.h"

#include <vector>

namespace automv::graph {

/// Layer of every node by longest path from the sources: a node without incoming edges is in
/// layer 0, any other one layer below its lowest predecessor. `acyclicEdges` must contain no
/// cycle and no self-loop (see findEdgesToReverse).
std::vector<int> longestPathLayers(std::size_t nodeCount,
                                   const std::vector<LayoutEdge> &acyclicEdges);

/// Moves every source that has successors down to the layer right above its highest successor:
/// a table read only by a deep view then sits next to it, instead of in layer 0 with a long edge
/// crossing everything in between. Other nodes keep their layers; every edge still points down.
void lowerSourcesToTheirSuccessors(std::vector<int> &layers,
                                   const std::vector<LayoutEdge> &acyclicEdges);

} // namespace automv::graph
