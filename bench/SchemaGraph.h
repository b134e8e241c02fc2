#pragma once
// Random graphs shaped like a database schema, for the layout and graph-canvas benchmarks.

#include "core/graph/LayeredLayout.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

namespace automv::bench {

using graph::LayoutEdge;
using graph::LayoutNode;

struct Schema {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

// A third of the nodes are tables; each view gets a depth of 1-6 and reads one upstream from the
// depth just above (so it lands at that depth) and up to three more from anywhere above, tables
// picked with a skew so some are read by many views. Nodes are shuffled so input order says
// nothing about the structure.
inline Schema schemaLikeGraph(std::size_t nodeCount, unsigned seed) {
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

} // namespace automv::bench
