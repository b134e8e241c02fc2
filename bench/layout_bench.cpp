// Layered layout benchmark: random graphs shaped like a database schema (tables on top, views
// reading one to four upstreams, a few popular tables, some views reading far up the chain).
// For each size it prints the median wall time of the full layout and, measured in the same run
// as the baseline, of the layout without crossing reduction (layers, dummies, initial order,
// placement), so the difference is the cost of reduction; plus the crossings before and after.
// Usage: layout_bench [RUNS]   (default 21)
#include "bench/SchemaGraph.h"
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

using automv::bench::medianMilliseconds;
using automv::bench::Schema;
using automv::bench::schemaLikeGraph;

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
