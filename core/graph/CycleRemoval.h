#pragma once

#include "core/graph/LayeredLayout.h"

#include <vector>

namespace automv::graph {

/// Marks the edges to reverse so the graph becomes acyclic: the back edges of a depth-first
/// search that starts from the sources (nodes without incoming edges) in input order, then from
/// any node still unvisited, following edges in input order. Self-loops are never marked.
/// A graph that is already acyclic gets no marks.
std::vector<bool> findEdgesToReverse(std::size_t nodeCount, const std::vector<LayoutEdge> &edges);

} // namespace automv::graph
