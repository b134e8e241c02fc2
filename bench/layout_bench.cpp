// Layered layout benchmark: random graphs shaped like a database schema (tables on top, views
// reading one to four upstreams, a few popular tables, some views reading far up the chain).
// For each size it prints the median wall time of the full layout and, measured in the same run
// as the baseline, of the layout without crossing reduction (layers, dummies, initial order,
// placement), so the difference is the cost of reduction; plus the crossings before and after.
// Usage: layout_bench [RUNS]   (default 21)
#include "core/graph/LayeredLayout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace automv::graph;

namespace {

struct Schema {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

// A third of the nodes are tables; each view gets a depth of 1-6 and reads one upstream from the
// depth just above (so it lands at that depth) and up to three more from anywhere above, tables
// picked with a skew so some are read by many views. Nodes are shuffled so input order says
// nothing about the structure.
Schema schemaLikeGraph(std::size_t nodeCount, unsigned seed) {
    std::mt19937 rng(seed);
    auto uniform = [&](std::size_t low, std::size_t high) {
        return std::uniform_int_distribution<std::size_t>(low, high)(rng);
    };
    constexpr std::size_t maxDepth = 6;
    const std::size_t tableCount = std::max<std::size_t>(1, nodeCount / 3);
    std::vector<std::vector<std::size_t>> atDepth(maxDepth + 1);
    std::vector<std::size_t> depthOf(nodeCount);
    for (std::size_t v = 0; v < nodeCount; ++v) {
        depthOf[v] = v < tableCount ? 0 : uniform(1, maxDepth);
        atDepth[depthOf[v]].push_back(v);
    }
    auto pickFrom = [&](std::size_t depth) -> std::size_t {
        const auto &candidates = atDepth[depth];
        if (depth == 0) { // popular tables: index skewed towards the front
            const double u = std::uniform_real_distribution<double>(0, 1)(rng);
            return candidates[static_cast<std::size_t>(u * u * double(candidates.size()))];
        }
        return candidates[uniform(0, candidates.size() - 1)];
    };

    Schema schema;
    std::vector<std::size_t> shuffled(nodeCount);
    for (std::size_t v = 0; v < nodeCount; ++v)
        shuffled[v] = v;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t v = 0; v < nodeCount; ++v) {
        const bool table = depthOf[v] == 0;
        schema.nodes.push_back({(table ? "table_" : "view_") + std::to_string(v),
                                double(uniform(100, 220)), table ? double(uniform(30, 60)) : 30.0});
    }
    for (std::size_t v = tableCount; v < nodeCount; ++v) {
        std::size_t depth = depthOf[v];
        while (atDepth[depth - 1].empty())
            --depth;
        schema.edges.push_back({shuffled[pickFrom(depth - 1)], shuffled[v]});
        for (std::size_t extra = uniform(0, 3); extra > 0; --extra)
            schema.edges.push_back({shuffled[pickFrom(uniform(0, depth - 1))], shuffled[v]});
    }
    std::vector<LayoutNode> nodes(nodeCount);
    for (std::size_t v = 0; v < nodeCount; ++v)
        nodes[shuffled[v]] = schema.nodes[v];
    schema.nodes = std::move(nodes);
    std::shuffle(schema.edges.begin(), schema.edges.end(), rng);
    return schema;
}

template <typename Work> double medianMilliseconds(int runs, Work work) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    std::printf("layered layout of schema-shaped random graphs, median of %d runs\n", runs);
    std::printf(
        "  no-reduction: the same layout with crossing reduction off (baseline, same run)\n");
    std::printf("  long: edges spanning more than one layer\n");
    std::printf("%6s %6s %6s %6s %16s %10s %10s %10s\n", "nodes", "edges", "layers", "long",
                "no-reduction ms", "full ms", "crossings", "after");
    for (const std::size_t nodeCount : {100, 250, 500, 1000}) {
        const Schema schema = schemaLikeGraph(nodeCount, 42);
        LayoutResult unreduced, full;
        LayoutOptions noReduction;
        noReduction.crossingSweeps = 0;
        const double baseline = medianMilliseconds(
            runs, [&] { unreduced = layeredLayout(schema.nodes, schema.edges, noReduction); });
        const double reduced =
            medianMilliseconds(runs, [&] { full = layeredLayout(schema.nodes, schema.edges); });
        std::size_t longEdges = 0;
        for (const LayoutEdge &edge : schema.edges)
            longEdges += std::abs(full.layerOf[edge.to] - full.layerOf[edge.from]) > 1 ? 1 : 0;
        const int layers = 1 + *std::max_element(full.layerOf.begin(), full.layerOf.end());
        std::printf("%6zu %6zu %6d %6zu %16.2f %10.2f %10lld %10lld\n", nodeCount,
                    schema.edges.size(), layers, longEdges, baseline, reduced,
                    static_cast<long long>(unreduced.crossings),
                    static_cast<long long>(full.crossings));
    }
    return 0;
}
