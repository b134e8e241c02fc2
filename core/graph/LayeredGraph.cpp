#include "core/graph/LayeredGraph.h"

#include <algorithm>

namespace automv::graph {

namespace {

std::size_t addVertex(LayeredGraph &graph, int layer, double width) {
    graph.layerOf.push_back(layer);
    graph.width.push_back(width);
    graph.upper.emplace_back();
    graph.lower.emplace_back();
    return graph.vertexCount() - 1;
}

void link(LayeredGraph &graph, std::size_t above, std::size_t below) {
    graph.lower[above].push_back(below);
    graph.upper[below].push_back(above);
}

} // namespace

LayeredGraph buildLayeredGraph(const std::vector<double> &widths, const std::vector<int> &layerOf,
                               const std::vector<LayoutEdge> &edges) {
    LayeredGraph graph;
    graph.realCount = widths.size();
    for (std::size_t v = 0; v < widths.size(); ++v)
        addVertex(graph, layerOf[v], widths[v]);

    graph.chains.reserve(edges.size());
    for (const LayoutEdge &edge : edges) {
        std::vector<std::size_t> chain{edge.from};
        for (int layer = layerOf[edge.from] + 1; layer < layerOf[edge.to]; ++layer)
            chain.push_back(addVertex(graph, layer, 0.0));
        chain.push_back(edge.to);
        for (std::size_t i = 0; i + 1 < chain.size(); ++i)
            link(graph, chain[i], chain[i + 1]);
        graph.chains.push_back(std::move(chain));
    }

    int layerCount = 0;
    for (const int layer : graph.layerOf)
        layerCount = std::max(layerCount, layer + 1);
    graph.layers.assign(static_cast<std::size_t>(layerCount), {});
    for (std::size_t v = 0; v < graph.vertexCount(); ++v)
        graph.layers[static_cast<std::size_t>(graph.layerOf[v])].push_back(v);
    return graph;
}

std::vector<std::size_t> positionsInLayers(const LayeredGraph &graph) {
    std::vector<std::size_t> position(graph.vertexCount(), 0);
    for (const auto &layer : graph.layers)
        for (std::size_t i = 0; i < layer.size(); ++i)
            position[layer[i]] = i;
    return position;
}

} // namespace automv::graph
