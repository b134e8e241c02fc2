#include "core/graph/CrossingReduction.h"

#include "core/graph/CrossingCount.h"
#include "core/graph/InitialOrder.h"
#include "core/graph/Sifting.h"

#include <algorithm>

namespace automv::graph {

namespace {

// Sifting rounds after the sweeps: the first removes most of what sifting can, and each one
// compares every vertex with a few dozen of its neighbours.
constexpr int siftingRounds = 2;
// A start whose best order has not improved for this many sweeps has settled; the rest of its
// sweeps would only cycle.
constexpr int sweepsWithoutGain = 8;

// Barycentre sweeps with swaps of neighbours, from the graph's current order; leaves the best
// order seen (the starting one included) in the graph.
class LayerSweeper {
public:
    explicit LayerSweeper(LayeredGraph &graph)
        : m_graph(graph)
        , m_position(positionsInLayers(graph)) {}

    std::int64_t run(int maxSweeps) {
        std::int64_t best = countCrossings(m_graph, m_position);
        std::vector<std::vector<std::size_t>> bestLayers = m_graph.layers;
        int sinceBest = 0;
        for (int sweep = 0; sweep < maxSweeps && best > 0 && sinceBest < sweepsWithoutGain;
             ++sweep) {
            ++sinceBest;
            const bool downwards = sweep % 2 == 0;
            if (downwards) {
                for (std::size_t layer = 1; layer < m_graph.layers.size(); ++layer)
                    orderByBarycentre(layer, m_graph.upper);
            } else {
                for (std::size_t layer = m_graph.layers.size(); layer-- > 1;)
                    orderByBarycentre(layer - 1, m_graph.lower);
            }
            swapNeighboursWhileImproving();
            const std::int64_t crossings = countCrossings(m_graph, m_position);
            if (crossings < best) {
                best = crossings;
                sinceBest = 0;
                bestLayers = m_graph.layers;
            }
        }
        m_graph.layers = std::move(bestLayers);
        return best;
    }

private:
    struct Candidate {
        double barycentre;
        std::size_t vertex;
    };

    // Sorts the layer by the mean position of each vertex's neighbours in the fixed layer; a
    // vertex without such neighbours keeps its place.
    void orderByBarycentre(std::size_t layerIndex,
                           const std::vector<std::vector<std::size_t>> &fixedNeighbours) {
        auto &layer = m_graph.layers[layerIndex];
        m_candidates.clear();
        for (const std::size_t v : layer) {
            const auto &neighbours = fixedNeighbours[v];
            if (neighbours.empty())
                continue;
            double sum = 0;
            for (const std::size_t n : neighbours)
                sum += static_cast<double>(m_position[n]);
            m_candidates.push_back({sum / static_cast<double>(neighbours.size()), v});
        }
        std::stable_sort(
            m_candidates.begin(), m_candidates.end(),
            [](const Candidate &a, const Candidate &b) { return a.barycentre < b.barycentre; });
        std::size_t next = 0;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            if (!fixedNeighbours[layer[i]].empty())
                layer[i] = m_candidates[next++].vertex;
            m_position[layer[i]] = i;
        }
    }

    // Passes over every layer swapping neighbouring vertices where that removes crossings; a few
    // passes at most, as most of the gain comes in the first.
    void swapNeighboursWhileImproving() {
        constexpr int maxPasses = 4;
        bool swapped = true;
        for (int pass = 0; pass < maxPasses && swapped; ++pass) {
            swapped = false;
            for (std::size_t layerIndex = 0; layerIndex < m_graph.layers.size(); ++layerIndex) {
                auto &layer = m_graph.layers[layerIndex];
                m_ends.load(m_graph, layerIndex, m_position);
                for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
                    const PairCrossings pair = m_ends.crossingsEitherWay(i, i + 1);
                    if (pair.swapped < pair.inOrder) {
                        std::swap(layer[i], layer[i + 1]);
                        m_ends.swapSlots(i, i + 1);
                        m_position[layer[i]] = i;
                        m_position[layer[i + 1]] = i + 1;
                        swapped = true;
                    }
                }
            }
        }
    }

    LayeredGraph &m_graph;
    std::vector<std::size_t> m_position;
    std::vector<Candidate> m_candidates;
    LayerEnds m_ends;
};

} // namespace

OrderingOutcome orderLayers(LayeredGraph &graph, int maxSweeps) {
    OrderingOutcome outcome;
    orderDownFromSources(graph);
    outcome.initialCrossings = countCrossings(graph);
    outcome.crossings = outcome.initialCrossings;
    if (maxSweeps <= 0 || outcome.crossings == 0)
        return outcome;

    outcome.crossings = LayerSweeper(graph).run(maxSweeps);
    if (outcome.crossings > 0) {
        const std::vector<std::vector<std::size_t>> fromSources = graph.layers;
        orderAlongComponents(graph);
        const std::int64_t alongComponents = LayerSweeper(graph).run(maxSweeps);
        if (alongComponents < outcome.crossings)
            outcome.crossings = alongComponents;
        else
            graph.layers = fromSources;
    }
    if (outcome.crossings > 0)
        outcome.crossings = siftVertices(graph, siftingRounds);
    return outcome;
}

} // namespace automv::graph
