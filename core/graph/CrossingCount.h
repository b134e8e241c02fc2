#pragma once

#include "core/graph/LayeredGraph.h"

#include <cstdint>
#include <span>
#include <vector>

namespace automv::graph {

/// An edge between two adjacent layers, as the positions of its ends in their layers.
struct LayerPairEdge {
    std::size_t upperPosition = 0;
    std::size_t lowerPosition = 0;
};

/// Crossings among edges between two adjacent layers: pairs whose ends are in opposite order in
/// the two layers. Edges sharing an end do not cross. O(E log V) (Barth, Jünger and Mutzel).
std::int64_t countLayerPairCrossings(std::vector<LayerPairEdge> edges, std::size_t lowerLayerSize);

/// Crossings of the graph's current order, summed over all pairs of adjacent layers.
std::int64_t countCrossings(const LayeredGraph &graph);

/// The same, with `position` the index of each vertex in its layer (see positionsInLayers).
std::int64_t countCrossings(const LayeredGraph &graph, const std::vector<std::size_t> &position);

/// Crossings between the edges of two vertices of one layer, in both of their orders.
struct PairCrossings {
    /// With the first vertex left of the second.
    std::int64_t inOrder = 0;
    /// With the second vertex left of the first.
    std::int64_t swapped = 0;
};
/// Crossings between the edges of two vertices of one layer into the same neighbouring layer,
/// given the sorted positions of their ends there: one merge-like walk over both lists.
PairCrossings crossingsEitherWay(std::span<const std::size_t> firstEnds,
                                 std::span<const std::size_t> secondEnds);

/// The sorted end positions of the edges of each vertex of one layer, up and down, taken while
/// the layers around it stay as they are: what swapping and sifting compare vertex pairs with.
class LayerEnds {
public:
    /// Takes the ends of the vertices of `layer`, by their current slot in it.
    void load(const LayeredGraph &graph, std::size_t layer,
              const std::vector<std::size_t> &position);
    /// Crossings among the edges of the vertices at slots `first` and `second`, up and down, in
    /// both of their orders.
    PairCrossings crossingsEitherWay(std::size_t first, std::size_t second) const;
    /// Follows a swap of two vertices in the layer.
    void swapSlots(std::size_t a, std::size_t b);

private:
    std::span<const std::size_t> upperEnds(std::size_t slot) const;
    std::span<const std::size_t> lowerEnds(std::size_t slot) const;

    // All ends in one array (a vertex's upper ends, then its lower ones, vertex after vertex):
    // sifting compares every pair in a layer, so the walk must stay in cache.
    std::vector<std::size_t> m_ends;
    /// Where each loaded vertex's upper ends, lower ends and the next vertex begin in m_ends.
    std::vector<std::size_t> m_begin;
    /// The loaded vertex now at each slot.
    std::vector<std::size_t> m_loadedAt;
};

} // namespace automv::graph
