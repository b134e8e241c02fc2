#include "core/graph/CrossingCount.h"

#include <algorithm>

namespace automv::graph {

namespace {

// Counts, for a stream of lower positions, how many earlier ones were greater (a Fenwick tree).
class InversionCounter {
public:
    explicit InversionCounter(std::size_t size)
        : m_tree(size + 1, 0) {}

    std::int64_t addAndCountGreater(std::size_t position) {
        std::int64_t notGreater = 0;
        for (std::size_t i = position + 1; i > 0; i -= i & (~i + 1))
            notGreater += m_tree[i];
        for (std::size_t i = position + 1; i < m_tree.size(); i += i & (~i + 1))
            ++m_tree[i];
        return m_added++ - notGreater;
    }

private:
    std::vector<std::int64_t> m_tree;
    std::int64_t m_added = 0;
};

std::int64_t crossingsBelow(const LayeredGraph &graph, std::size_t layer,
                            const std::vector<std::size_t> &position) {
    InversionCounter counter(graph.layers[layer + 1].size());
    std::int64_t crossings = 0;
    std::vector<std::size_t> ends;
    for (const std::size_t upper : graph.layers[layer]) {
        ends.clear();
        for (const std::size_t lower : graph.lower[upper])
            ends.push_back(position[lower]);
        std::sort(ends.begin(), ends.end()); // ascending, so edges of one vertex never count
        for (const std::size_t end : ends)
            crossings += counter.addAndCountGreater(end);
    }
    return crossings;
}

} // namespace

std::int64_t countLayerPairCrossings(std::vector<LayerPairEdge> edges, std::size_t lowerLayerSize) {
    std::sort(edges.begin(), edges.end(), [](const LayerPairEdge &a, const LayerPairEdge &b) {
        return a.upperPosition != b.upperPosition ? a.upperPosition < b.upperPosition
                                                  : a.lowerPosition < b.lowerPosition;
    });
    InversionCounter counter(lowerLayerSize);
    std::int64_t crossings = 0;
    for (const LayerPairEdge &edge : edges)
        crossings += counter.addAndCountGreater(edge.lowerPosition);
    return crossings;
}

std::int64_t countCrossings(const LayeredGraph &graph) {
    return countCrossings(graph, positionsInLayers(graph));
}

std::int64_t countCrossings(const LayeredGraph &graph, const std::vector<std::size_t> &position) {
    std::int64_t crossings = 0;
    for (std::size_t layer = 0; layer + 1 < graph.layers.size(); ++layer)
        crossings += crossingsBelow(graph, layer, position);
    return crossings;
}

PairCrossings crossingsEitherWay(std::span<const std::size_t> firstEnds,
                                 std::span<const std::size_t> secondEnds) {
    // Walk both lists in merged order: the end passed crosses every later end of the other
    // vertex in the order where that vertex stands left.
    PairCrossings crossings;
    std::size_t f = 0, s = 0;
    while (f < firstEnds.size() && s < secondEnds.size()) {
        if (firstEnds[f] < secondEnds[s]) {
            crossings.swapped += static_cast<std::int64_t>(secondEnds.size() - s);
            ++f;
        } else if (secondEnds[s] < firstEnds[f]) {
            crossings.inOrder += static_cast<std::int64_t>(firstEnds.size() - f);
            ++s;
        } else { // shared end: crosses neither way with each other
            const std::size_t end = firstEnds[f];
            std::size_t firstRun = 0, secondRun = 0;
            while (f + firstRun < firstEnds.size() && firstEnds[f + firstRun] == end)
                ++firstRun;
            while (s + secondRun < secondEnds.size() && secondEnds[s + secondRun] == end)
                ++secondRun;
            crossings.swapped +=
                static_cast<std::int64_t>(firstRun * (secondEnds.size() - s - secondRun));
            crossings.inOrder +=
                static_cast<std::int64_t>(secondRun * (firstEnds.size() - f - firstRun));
            f += firstRun;
            s += secondRun;
        }
    }
    return crossings;
}

void LayerEnds::load(const LayeredGraph &graph, std::size_t layer,
                     const std::vector<std::size_t> &position) {
    const auto &vertices = graph.layers[layer];
    m_ends.clear();
    m_begin.clear();
    m_loadedAt.resize(vertices.size());
    auto appendSorted = [&](const std::vector<std::size_t> &neighbours) {
        const auto first = static_cast<std::ptrdiff_t>(m_ends.size());
        for (const std::size_t n : neighbours)
            m_ends.push_back(position[n]);
        std::sort(m_ends.begin() + first, m_ends.end());
    };
    for (std::size_t slot = 0; slot < vertices.size(); ++slot) {
        m_loadedAt[slot] = slot;
        m_begin.push_back(m_ends.size());
        appendSorted(graph.upper[vertices[slot]]);
        m_begin.push_back(m_ends.size());
        appendSorted(graph.lower[vertices[slot]]);
    }
    m_begin.push_back(m_ends.size());
}

std::span<const std::size_t> LayerEnds::upperEnds(std::size_t slot) const {
    const std::size_t loaded = m_loadedAt[slot];
    return std::span(m_ends).subspan(m_begin[2 * loaded],
                                     m_begin[2 * loaded + 1] - m_begin[2 * loaded]);
}

std::span<const std::size_t> LayerEnds::lowerEnds(std::size_t slot) const {
    const std::size_t loaded = m_loadedAt[slot];
    return std::span(m_ends).subspan(m_begin[2 * loaded + 1],
                                     m_begin[2 * loaded + 2] - m_begin[2 * loaded + 1]);
}

PairCrossings LayerEnds::crossingsEitherWay(std::size_t first, std::size_t second) const {
    const PairCrossings up = graph::crossingsEitherWay(upperEnds(first), upperEnds(second));
    const PairCrossings down = graph::crossingsEitherWay(lowerEnds(first), lowerEnds(second));
    return {up.inOrder + down.inOrder, up.swapped + down.swapped};
}

void LayerEnds::swapSlots(std::size_t a, std::size_t b) {
    std::swap(m_loadedAt[a], m_loadedAt[b]);
}

} // namespace automv::graph
