#include "core/graph/Sifting.h"

#include "core/graph/CrossingCount.h"

#include <algorithm>

namespace automv::graph {

namespace {

// How far a vertex may move in one step. After the sweeps, vertices that gain move little;
// looking further costs time quadratic in the layer's width and finds next to nothing more.
constexpr std::size_t siftingReach = 32;

class Sifter {
public:
    explicit Sifter(LayeredGraph &graph)
        : m_graph(graph)
        , m_position(positionsInLayers(graph)) {}

    std::int64_t run(int maxRounds) {
        std::int64_t crossings = countCrossings(m_graph, m_position);
        for (int round = 0; round < maxRounds && crossings > 0; ++round) {
            for (std::size_t layer = 0; layer < m_graph.layers.size(); ++layer)
                siftLayer(layer);
            for (std::size_t layer = m_graph.layers.size(); layer-- > 0;)
                siftLayer(layer);
            const std::int64_t after = countCrossings(m_graph, m_position);
            const bool improved = after < crossings;
            crossings = after;
            if (!improved)
                break;
        }
        return crossings;
    }

private:
    // Vertices are named by their slot when the layer was loaded; `order` is the slots' current
    // sequence, and each vertex in turn is taken out and put back where it crosses least.
    void siftLayer(std::size_t layerIndex) {
        auto &layer = m_graph.layers[layerIndex];
        if (layer.size() < 2)
            return;
        m_ends.load(m_graph, layerIndex, m_position);
        m_order.resize(layer.size());
        for (std::size_t slot = 0; slot < layer.size(); ++slot)
            m_order[slot] = slot;
        for (std::size_t moving = 0; moving < layer.size(); ++moving) {
            const auto at = std::find(m_order.begin(), m_order.end(), moving);
            const auto stayAt = static_cast<std::size_t>(at - m_order.begin());
            m_order.erase(at);
            // cost: crossings with `moving` put before m_order[p], less those with it at `first`
            std::int64_t cost = 0, stayCost = 0, bestCost = 0;
            const std::size_t first = stayAt > siftingReach ? stayAt - siftingReach : 0;
            const std::size_t last = std::min(m_order.size(), stayAt + siftingReach);
            std::size_t best = first;
            for (std::size_t p = first; p <= last; ++p) {
                if (p > first) {
                    const PairCrossings pair = m_ends.crossingsEitherWay(moving, m_order[p - 1]);
                    cost += pair.swapped - pair.inOrder;
                }
                if (p == stayAt)
                    stayCost = cost;
                if (p == first || cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
            const std::size_t place = bestCost < stayCost ? best : stayAt;
            m_order.insert(m_order.begin() + static_cast<std::ptrdiff_t>(place), moving);
        }
        m_previous.assign(layer.begin(), layer.end());
        for (std::size_t i = 0; i < layer.size(); ++i) {
            layer[i] = m_previous[m_order[i]];
            m_position[layer[i]] = i;
        }
    }

    LayeredGraph &m_graph;
    std::vector<std::size_t> m_position;
    LayerEnds m_ends;
    std::vector<std::size_t> m_order;
    std::vector<std::size_t> m_previous;
};

} // namespace

std::int64_t siftVertices(LayeredGraph &graph, int maxRounds) {
    return Sifter(graph).run(maxRounds);
}

} // namespace automv::graph
