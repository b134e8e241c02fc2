#include "core/graph/CoordinateAssignment.h"

#include <algorithm>
#include <limits>

namespace automv::graph {

namespace {

// Down-and-up passes; each never increases the total weighted squared edge length, so more
// passes only polish (a layer's move is exact given the others).
constexpr int placementPasses = 12;
// Pull of a vertex towards where it already is: keeps a vertex without edges where it is, and
// makes every least-squares problem well defined.
constexpr double stayWeight = 1e-3;

// The classic weights of Gansner et al.: a long edge's inner segments pull hardest.
double edgeWeight(const LayeredGraph &graph, std::size_t a, std::size_t b) {
    const int dummies = (graph.isDummy(a) ? 1 : 0) + (graph.isDummy(b) ? 1 : 0);
    return dummies == 2 ? 8.0 : dummies == 1 ? 2.0 : 1.0;
}

// Weighted least-squares fit of a non-decreasing sequence (pool adjacent violators).
class MonotoneFit {
public:
    void add(double target, double weight) {
        m_blocks.push_back({weight, weight * target, 1});
        while (m_blocks.size() > 1 && mean(m_blocks[m_blocks.size() - 2]) > mean(m_blocks.back())) {
            const Block last = m_blocks.back();
            m_blocks.pop_back();
            Block &merged = m_blocks.back();
            merged.weight += last.weight;
            merged.weightedSum += last.weightedSum;
            merged.count += last.count;
        }
    }

    std::vector<double> values() const {
        std::vector<double> out;
        for (const Block &block : m_blocks)
            out.insert(out.end(), block.count, mean(block));
        return out;
    }

private:
    struct Block {
        double weight;
        double weightedSum;
        std::size_t count;
    };
    static double mean(const Block &block) { return block.weightedSum / block.weight; }

    std::vector<Block> m_blocks;
};

class HorizontalPlacement {
public:
    HorizontalPlacement(const LayeredGraph &graph, const LayoutOptions &options)
        : m_graph(graph)
        , m_options(options)
        , m_centre(graph.vertexCount(), 0.0) {}

    std::vector<double> run() {
        for (const auto &layer : m_graph.layers)
            pack(layer);
        for (int pass = 0; pass < placementPasses; ++pass) {
            for (const auto &layer : m_graph.layers)
                moveTowardsNeighbours(layer);
            for (auto layer = m_graph.layers.rbegin(); layer != m_graph.layers.rend(); ++layer)
                moveTowardsNeighbours(*layer);
        }
        shiftLeftEdgeToZero();
        return std::move(m_centre);
    }

private:
    // Centre-to-centre distance two neighbours in a layer need at least.
    double separation(std::size_t left, std::size_t right) const {
        const bool besideEdge = m_graph.isDummy(left) || m_graph.isDummy(right);
        const double gap = besideEdge ? m_options.nodeSpacing / 2 : m_options.nodeSpacing;
        return (m_graph.width[left] + m_graph.width[right]) / 2 + gap;
    }

    // Offsets of the tightest packing of the layer, relative to its first vertex.
    std::vector<double> packedOffsets(const std::vector<std::size_t> &layer) const {
        std::vector<double> offsets(layer.size(), 0.0);
        for (std::size_t i = 1; i < layer.size(); ++i)
            offsets[i] = offsets[i - 1] + separation(layer[i - 1], layer[i]);
        return offsets;
    }

    void pack(const std::vector<std::size_t> &layer) {
        const std::vector<double> offsets = packedOffsets(layer);
        const double middle = offsets.empty() ? 0.0 : offsets.back() / 2;
        for (std::size_t i = 0; i < layer.size(); ++i)
            m_centre[layer[i]] = offsets[i] - middle;
    }

    // With x_i = y_i + offset_i the spacing constraints become y non-decreasing, and each
    // vertex's best x is the weighted mean of its neighbours: a monotone least-squares fit.
    void moveTowardsNeighbours(const std::vector<std::size_t> &layer) {
        const std::vector<double> offsets = packedOffsets(layer);
        MonotoneFit fit;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            const std::size_t v = layer[i];
            double weight = stayWeight;
            double weightedSum = stayWeight * m_centre[v];
            for (const auto *neighbours : {&m_graph.upper[v], &m_graph.lower[v]}) {
                for (const std::size_t n : *neighbours) {
                    const double w = edgeWeight(m_graph, v, n);
                    weight += w;
                    weightedSum += w * m_centre[n];
                }
            }
            fit.add(weightedSum / weight - offsets[i], weight);
        }
        const std::vector<double> fitted = fit.values();
        for (std::size_t i = 0; i < layer.size(); ++i) {
            double centre = fitted[i] + offsets[i];
            if (i > 0) // rounding must not eat into the spacing
                centre =
                    std::max(centre, m_centre[layer[i - 1]] + separation(layer[i - 1], layer[i]));
            m_centre[layer[i]] = centre;
        }
    }

    void shiftLeftEdgeToZero() {
        double left = std::numeric_limits<double>::infinity();
        for (std::size_t v = 0; v < m_centre.size(); ++v)
            left = std::min(left, m_centre[v] - m_graph.width[v] / 2);
        for (double &centre : m_centre)
            centre -= left;
    }

    const LayeredGraph &m_graph;
    const LayoutOptions &m_options;
    std::vector<double> m_centre;
};

} // namespace

std::vector<double> assignHorizontalCentres(const LayeredGraph &graph,
                                            const LayoutOptions &options) {
    return HorizontalPlacement(graph, options).run();
}

} // namespace automv::graph
