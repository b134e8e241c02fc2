#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// A layered (Sugiyama-style) drawing of a directed graph, such as tables feeding views. Plain
// data in, plain data out: the canvas that draws it owns no layout logic. The same input always
// gives the same output, bit for bit.
namespace automv::graph {

/// One box to place. Width and height are in scene units and must not be negative.
struct LayoutNode {
    /// Carried for the caller's convenience; the layout depends on input order only.
    std::string id;
    double width = 0;
    double height = 0;
};

/// A dependency from `from` (upstream, e.g. a table) to `to` (downstream, a view reading it);
/// both are indices into the node list.
struct LayoutEdge {
    std::size_t from = 0;
    std::size_t to = 0;
};

/// Spacing and effort of the layout.
struct LayoutOptions {
    /// Vertical gap between the bottom of one layer and the top of the next.
    double layerSpacing = 80;
    /// Minimum horizontal gap between two boxes in a layer (half of it beside a long edge).
    double nodeSpacing = 30;
    /// Most down/up sweeps of crossing reduction from each of its starting orders; 0 turns
    /// crossing reduction off and keeps the initial order.
    int crossingSweeps = 24;
};

/// A point in scene coordinates: x to the right, y downwards.
struct Point {
    double x = 0;
    double y = 0;
};

inline bool operator==(const Point &a, const Point &b) {
    return a.x == b.x && a.y == b.y;
}

/// Where everything goes. The bounding box starts at (0, 0).
struct LayoutResult {
    /// Top-left corner of each node, in input order.
    std::vector<Point> positions;
    /// Layer of each node: 0 holds the sources, higher layers are lower on the page.
    std::vector<int> layerOf;
    /// One polyline per input edge: from the bottom centre of `from`, down through the slots
    /// reserved for it in the layers it crosses (a point at the top and at the bottom of each),
    /// to the top centre of `to`. A reversed edge runs upwards instead: from the top centre of
    /// `from` to the bottom centre of `to`. Empty for a self-loop.
    std::vector<std::vector<Point>> edgeRoutes;
    /// Edge crossings of the final order, counted between adjacent layers with long edges split
    /// into one segment per layer; duplicate edges count once.
    std::int64_t crossings = 0;
    /// The same count for the initial order, before crossing reduction: each layer in the order
    /// a depth-first walk down from the sources (in input order) reaches its nodes.
    std::int64_t initialCrossings = 0;
    double width = 0;
    double height = 0;
    /// Input indices of the edges drawn upwards to break cycles, ascending.
    std::vector<std::size_t> reversedEdges;
};

/// Lays out the graph: cycles broken, longest-path layers from the sources, crossings reduced,
/// boxes pulled towards their neighbours without ever overlapping. Self-loops are ignored and
/// duplicate edges share one route. Throws std::out_of_range for an edge naming a missing node.
LayoutResult layeredLayout(const std::vector<LayoutNode> &nodes,
                           const std::vector<LayoutEdge> &edges, const LayoutOptions &options = {});

} // namespace automv::graph
