#include "core/graph/LayeredLayout.h"

#include "core/graph/CoordinateAssignment.h"
#include "core/graph/CrossingReduction.h"
#include "core/graph/CycleRemoval.h"
#include "core/graph/LayerAssignment.h"
#include "core/graph/LayeredGraph.h"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

namespace automv::graph {

namespace {

constexpr std::size_t notDrawn = std::numeric_limits<std::size_t>::max();

void requireKnownEnds(std::size_t nodeCount, const std::vector<LayoutEdge> &edges) {
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].from >= nodeCount || edges[e].to >= nodeCount)
            throw std::out_of_range("layeredLayout: edge " + std::to_string(e) + " joins node " +
                                    std::to_string(edges[e].from) + " to node " +
                                    std::to_string(edges[e].to) + ", but there are only " +
                                    std::to_string(nodeCount) + " nodes");
    }
}

// The edges as drawn: pointing downwards, without self-loops, each pair of nodes once.
struct DrawnEdges {
    std::vector<LayoutEdge> edges;
    /// For each input edge, the drawn edge it is part of, or notDrawn for a self-loop.
    std::vector<std::size_t> drawnAs;
};

DrawnEdges orientAndMerge(const std::vector<LayoutEdge> &edges, const std::vector<bool> &reverse) {
    DrawnEdges drawn;
    drawn.drawnAs.assign(edges.size(), notDrawn);
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> indexOf;
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].from == edges[e].to)
            continue;
        const LayoutEdge down = reverse[e] ? LayoutEdge{edges[e].to, edges[e].from} : edges[e];
        const auto [it, inserted] = indexOf.try_emplace({down.from, down.to}, drawn.edges.size());
        if (inserted)
            drawn.edges.push_back(down);
        drawn.drawnAs[e] = it->second;
    }
    return drawn;
}

// Each layer is a horizontal band as tall as its tallest node; nodes are centred in it.
struct LayerBands {
    std::vector<double> top;
    std::vector<double> height;
};

LayerBands stackLayers(const LayeredGraph &graph, const std::vector<LayoutNode> &nodes,
                       double layerSpacing) {
    LayerBands bands;
    bands.height.assign(graph.layers.size(), 0.0);
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        double &height = bands.height[static_cast<std::size_t>(graph.layerOf[v])];
        height = std::max(height, nodes[v].height);
    }
    double top = 0;
    for (const double height : bands.height) {
        bands.top.push_back(top);
        top += height + layerSpacing;
    }
    return bands;
}

std::vector<Point> routeOf(const std::vector<std::size_t> &chain, const LayoutResult &result,
                           const std::vector<LayoutNode> &nodes, const std::vector<double> &centre,
                           const LayerBands &bands, const LayeredGraph &graph) {
    const std::size_t from = chain.front(), to = chain.back();
    std::vector<Point> route{{centre[from], result.positions[from].y + nodes[from].height}};
    for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
        const auto layer = static_cast<std::size_t>(graph.layerOf[chain[i]]);
        route.push_back({centre[chain[i]], bands.top[layer]});
        if (bands.height[layer] > 0)
            route.push_back({centre[chain[i]], bands.top[layer] + bands.height[layer]});
    }
    route.push_back({centre[to], result.positions[to].y});
    return route;
}

} // namespace

LayoutResult layeredLayout(const std::vector<LayoutNode> &nodes,
                           const std::vector<LayoutEdge> &edges, const LayoutOptions &options) {
    requireKnownEnds(nodes.size(), edges);
    const std::vector<bool> reverse = findEdgesToReverse(nodes.size(), edges);
    const DrawnEdges drawn = orientAndMerge(edges, reverse);

    LayoutResult result;
    result.layerOf = longestPathLayers(nodes.size(), drawn.edges);
    lowerSourcesToTheirSuccessors(result.layerOf, drawn.edges);
    std::vector<double> widths;
    for (const LayoutNode &node : nodes)
        widths.push_back(node.width);
    LayeredGraph graph = buildLayeredGraph(widths, result.layerOf, drawn.edges);
    const OrderingOutcome ordering = orderLayers(graph, options.crossingSweeps);
    result.initialCrossings = ordering.initialCrossings;
    result.crossings = ordering.crossings;
    const std::vector<double> centre = assignHorizontalCentres(graph, options);

    const LayerBands bands = stackLayers(graph, nodes, options.layerSpacing);
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        const auto layer = static_cast<std::size_t>(result.layerOf[v]);
        const double top = bands.top[layer] + (bands.height[layer] - nodes[v].height) / 2;
        result.positions.push_back({centre[v] - nodes[v].width / 2, top});
        result.width = std::max(result.width, result.positions[v].x + nodes[v].width);
        result.height = std::max(result.height, top + nodes[v].height);
    }
    for (std::size_t v = nodes.size(); v < graph.vertexCount(); ++v)
        result.width = std::max(result.width, centre[v]);

    std::vector<std::vector<Point>> drawnRoutes;
    for (const auto &chain : graph.chains)
        drawnRoutes.push_back(routeOf(chain, result, nodes, centre, bands, graph));
    result.edgeRoutes.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (drawn.drawnAs[e] == notDrawn)
            continue;
        result.edgeRoutes[e] = drawnRoutes[drawn.drawnAs[e]];
        if (reverse[e]) {
            std::reverse(result.edgeRoutes[e].begin(), result.edgeRoutes[e].end());
            result.reversedEdges.push_back(e);
        }
    }
    return result;
}

} // namespace automv::graph
