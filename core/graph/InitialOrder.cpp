#include "core/graph/InitialOrder.h"

namespace automv::graph {

namespace {

// Appends each vertex to its layer when a depth-first walk first reaches it.
class DepthFirstPlacement {
public:
    DepthFirstPlacement(LayeredGraph &graph, bool upwardsToo)
        : m_graph(graph)
        , m_upwardsToo(upwardsToo)
        , m_placed(graph.vertexCount(), false) {
        for (auto &layer : m_graph.layers)
            layer.clear();
    }

    void walkFrom(std::size_t start) {
        m_toVisit.push_back(start);
        while (!m_toVisit.empty()) {
            const std::size_t v = m_toVisit.back();
            m_toVisit.pop_back();
            if (m_placed[v])
                continue;
            m_placed[v] = true;
            m_graph.layers[static_cast<std::size_t>(m_graph.layerOf[v])].push_back(v);
            // pushed in reverse so the first neighbour below is walked first, upwards last
            if (m_upwardsToo)
                pushUnplaced(m_graph.upper[v]);
            pushUnplaced(m_graph.lower[v]);
        }
    }

private:
    void pushUnplaced(const std::vector<std::size_t> &neighbours) {
        for (auto it = neighbours.rbegin(); it != neighbours.rend(); ++it)
            if (!m_placed[*it])
                m_toVisit.push_back(*it);
    }

    LayeredGraph &m_graph;
    bool m_upwardsToo;
    std::vector<bool> m_placed;
    std::vector<std::size_t> m_toVisit;
};

std::size_t degree(const LayeredGraph &graph, std::size_t v) {
    return graph.upper[v].size() + graph.lower[v].size();
}

// For each connected component, in order of its first node, the node with the fewest edges.
std::vector<std::size_t> componentStarts(const LayeredGraph &graph) {
    std::vector<bool> seen(graph.vertexCount(), false);
    std::vector<std::size_t> starts, toVisit;
    for (std::size_t first = 0; first < graph.realCount; ++first) {
        if (seen[first])
            continue;
        std::size_t start = first;
        seen[first] = true;
        toVisit.push_back(first);
        while (!toVisit.empty()) {
            const std::size_t v = toVisit.back();
            toVisit.pop_back();
            const bool better = degree(graph, v) < degree(graph, start) ||
                                (degree(graph, v) == degree(graph, start) && v < start);
            if (!graph.isDummy(v) && better)
                start = v;
            for (const auto *neighbours : {&graph.upper[v], &graph.lower[v]}) {
                for (const std::size_t n : *neighbours) {
                    if (!seen[n]) {
                        seen[n] = true;
                        toVisit.push_back(n);
                    }
                }
            }
        }
        starts.push_back(start);
    }
    return starts;
}

} // namespace

void orderDownFromSources(LayeredGraph &graph) {
    DepthFirstPlacement placement(graph, false);
    for (std::size_t v = 0; v < graph.realCount; ++v)
        if (graph.layerOf[v] == 0)
            placement.walkFrom(v);
    // every other vertex hangs below a source; this only guards against a misbuilt graph
    for (std::size_t v = 0; v < graph.vertexCount(); ++v)
        placement.walkFrom(v);
}

void orderAlongComponents(LayeredGraph &graph) {
    const std::vector<std::size_t> starts = componentStarts(graph);
    DepthFirstPlacement placement(graph, true);
    for (const std::size_t start : starts)
        placement.walkFrom(start);
    for (std::size_t v = 0; v < graph.vertexCount(); ++v)
        placement.walkFrom(v);
}

} // namespace automv::graph
