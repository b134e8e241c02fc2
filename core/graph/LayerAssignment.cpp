#include "core/graph/LayerAssignment.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace automv::graph {

std::vector<int> longestPathLayers(std::size_t nodeCount,
                                   const std::vector<LayoutEdge> &acyclicEdges) {
    std::vector<std::vector<std::size_t>> successors(nodeCount);
    std::vector<std::size_t> waitingFor(nodeCount, 0); // predecessors not yet layered
    for (const LayoutEdge &edge : acyclicEdges) {
        successors[edge.from].push_back(edge.to);
        ++waitingFor[edge.to];
    }

    std::vector<int> layer(nodeCount, 0);
    std::vector<std::size_t> ready;
    for (std::size_t v = 0; v < nodeCount; ++v)
        if (waitingFor[v] == 0)
            ready.push_back(v);
    std::size_t layered = 0;
    while (!ready.empty()) {
        const std::size_t v = ready.back();
        ready.pop_back();
        ++layered;
        for (const std::size_t next : successors[v]) {
            layer[next] = std::max(layer[next], layer[v] + 1);
            if (--waitingFor[next] == 0)
                ready.push_back(next);
        }
    }
    if (layered != nodeCount)
        throw std::logic_error("longestPathLayers: the edges contain a cycle");
    return layer;
}

void lowerSourcesToTheirSuccessors(std::vector<int> &layers,
                                   const std::vector<LayoutEdge> &acyclicEdges) {
    constexpr int none = std::numeric_limits<int>::max();
    std::vector<bool> hasPredecessor(layers.size(), false);
    std::vector<int> highestSuccessor(layers.size(), none);
    for (const LayoutEdge &edge : acyclicEdges) {
        hasPredecessor[edge.to] = true;
        highestSuccessor[edge.from] = std::min(highestSuccessor[edge.from], layers[edge.to]);
    }
    for (std::size_t v = 0; v < layers.size(); ++v)
        if (!hasPredecessor[v] && highestSuccessor[v] != none)
            layers[v] = highestSuccessor[v] - 1;
}

} // namespace automv::graph
