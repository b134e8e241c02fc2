#pragma once

#include "core/graph/LayeredGraph.h"

namespace automv::graph {

/// Orders every layer depth-first downwards from the layer-0 nodes in input order: a vertex
/// joins its layer when first reached, so what hangs below one source starts out side by side.
void orderDownFromSources(LayeredGraph &graph);

/// Orders every layer by a depth-first walk along edges in both directions, one connected
/// component after another (in order of their first node), each walk starting at the
/// component's node with the fewest edges, so that a chain or a tree is walked from one end.
void orderAlongComponents(LayeredGraph &graph);

} // namespace automv::graph
