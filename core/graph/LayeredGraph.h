#pragma once

#include "core/graph/LayeredLayout.h"

#include <vector>

namespace automv::graph {

/// The graph that ordering and placement work on: the real nodes (vertices 0 to realCount - 1,
/// in input order) followed by dummy vertices that split every long edge, so that each edge
/// joins two adjacent layers.
struct LayeredGraph {
    std::size_t realCount = 0;
    /// Layer of each vertex.
    std::vector<int> layerOf;
    /// Width of each vertex; 0 for a dummy.
    std::vector<double> width;
    /// Neighbours of each vertex one layer up.
    std::vector<std::vector<std::size_t>> upper;
    /// Neighbours of each vertex one layer down.
    std::vector<std::vector<std::size_t>> lower;
    /// The vertices of each layer, left to right.
    std::vector<std::vector<std::size_t>> layers;
    /// Per edge, its vertices from the upstream end through its dummies to the downstream end.
    std::vector<std::vector<std::size_t>> chains;

    /// True for a vertex that stands for a piece of a long edge rather than a node.
    bool isDummy(std::size_t vertex) const { return vertex >= realCount; }
    /// Real and dummy vertices together.
    std::size_t vertexCount() const { return layerOf.size(); }
};

/// Builds the layered graph of `edges` (unique, with layerOf[from] < layerOf[to]); each layer
/// lists its vertices in vertex order until an ordering step rearranges them.
LayeredGraph buildLayeredGraph(const std::vector<double> &widths, const std::vector<int> &layerOf,
                               const std::vector<LayoutEdge> &edges);

/// Index of each vertex within its layer.
std::vector<std::size_t> positionsInLayers(const LayeredGraph &graph);

} // namespace automv::graph
