// The layered graph layout, no server needed: what every drawing promises (edges point down,
// boxes never overlap, layers stack, routes join their nodes, the reported crossings are the
// drawn ones, the same input gives the same drawing), checked on seeded random graphs, plus
// small graphs whose best drawing is known.
#include "core/graph/CrossingCount.h"
#include "core/graph/LayeredGraph.h"
#include "core/graph/LayeredLayout.h"
#include "core/graph/Sifting.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace automv::graph;

namespace {

constexpr double tolerance = 1e-6;

struct Graph {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

// "n<i>", built without `"n" + std::to_string(i)`: GCC 12 at -O3 warns falsely on that
// (-Wrestrict, GCC bug 105329), which failed a Release build with warnings as errors.
std::string nodeName(std::size_t i) {
    char name[24];
    std::snprintf(name, sizeof name, "n%zu", i);
    return name;
}

Graph sameSizeNodes(std::size_t count) {
    Graph g;
    for (std::size_t i = 0; i < count; ++i)
        g.nodes.push_back({nodeName(i), 100, 40});
    return g;
}

// Nodes of mixed sizes; edges between random pairs, pointing down a hidden random rank unless
// cycles are allowed. Duplicates arise by chance; with cycles, so do self-loops.
Graph randomGraph(std::size_t nodeCount, double edgesPerNode, bool allowCycles, unsigned seed) {
    std::mt19937 rng(seed);
    Graph g;
    std::uniform_int_distribution<int> width(40, 220), height(20, 70);
    for (std::size_t i = 0; i < nodeCount; ++i)
        g.nodes.push_back({nodeName(i), double(width(rng)), double(height(rng))});
    std::vector<std::size_t> rank(nodeCount);
    std::iota(rank.begin(), rank.end(), 0);
    std::shuffle(rank.begin(), rank.end(), rng);
    std::uniform_int_distribution<std::size_t> node(0, nodeCount - 1);
    const auto edgeCount = std::size_t(double(nodeCount) * edgesPerNode);
    while (g.edges.size() < edgeCount) {
        std::size_t a = node(rng), b = node(rng);
        if (!allowCycles && a == b)
            continue;
        if (!allowCycles && rank[a] > rank[b])
            std::swap(a, b);
        g.edges.push_back({a, b});
    }
    return g;
}

bool isSelfLoop(const LayoutEdge &e) {
    return e.from == e.to;
}

bool isReversed(const LayoutResult &r, std::size_t edge) {
    return std::binary_search(r.reversedEdges.begin(), r.reversedEdges.end(), edge);
}

Point bottomCentre(const Graph &g, const LayoutResult &r, std::size_t v) {
    return {r.positions[v].x + g.nodes[v].width / 2, r.positions[v].y + g.nodes[v].height};
}

Point topCentre(const Graph &g, const LayoutResult &r, std::size_t v) {
    return {r.positions[v].x + g.nodes[v].width / 2, r.positions[v].y};
}

bool near(const Point &a, const Point &b) {
    return std::abs(a.x - b.x) < tolerance && std::abs(a.y - b.y) < tolerance;
}

// Each layer's band, as the drawing shows it: from its highest top to its lowest bottom.
struct Band {
    double top = INFINITY;
    double bottom = -INFINITY;
};

std::vector<Band> bandsOf(const Graph &g, const LayoutResult &r) {
    std::vector<Band> bands;
    for (std::size_t v = 0; v < g.nodes.size(); ++v) {
        const auto layer = std::size_t(r.layerOf[v]);
        bands.resize(std::max(bands.size(), layer + 1));
        bands[layer].top = std::min(bands[layer].top, r.positions[v].y);
        bands[layer].bottom = std::max(bands[layer].bottom, r.positions[v].y + g.nodes[v].height);
    }
    return bands;
}

std::size_t layerAt(const std::vector<Band> &bands, double y) {
    for (std::size_t layer = 0; layer < bands.size(); ++layer)
        if (y >= bands[layer].top - tolerance && y <= bands[layer].bottom + tolerance)
            return layer;
    return bands.size();
}

// Counts crossings from the drawing alone: every route, read downwards, is cut into its
// segments between adjacent layer bands; two segments between the same bands cross when their
// ends are in opposite left-to-right order. Identical routes (duplicate edges) count once.
std::int64_t drawnCrossings(const Graph &g, const LayoutResult &r) {
    const std::vector<Band> bands = bandsOf(g, r);
    std::set<std::vector<std::pair<double, double>>> routes;
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        std::vector<std::pair<double, double>> route;
        for (const Point &p : r.edgeRoutes[e])
            route.emplace_back(p.x, p.y);
        if (isReversed(r, e))
            std::reverse(route.begin(), route.end());
        if (!route.empty())
            routes.insert(route);
    }
    std::map<std::size_t, std::vector<std::pair<double, double>>> segmentsBelowLayer;
    for (const auto &route : routes) {
        for (std::size_t i = 0; i + 1 < route.size(); ++i) {
            const std::size_t upper = layerAt(bands, route[i].second);
            if (layerAt(bands, route[i + 1].second) == upper + 1)
                segmentsBelowLayer[upper].emplace_back(route[i].first, route[i + 1].first);
        }
    }
    std::int64_t crossings = 0;
    for (const auto &[layer, segments] : segmentsBelowLayer)
        for (std::size_t a = 0; a < segments.size(); ++a)
            for (std::size_t b = a + 1; b < segments.size(); ++b)
                if ((segments[a].first - segments[b].first) *
                        (segments[a].second - segments[b].second) <
                    0)
                    ++crossings;
    return crossings;
}

// Empty when every edge that is drawn goes from a higher layer to a lower one (upwards if
// reversed), else a description of the first that does not.
std::string edgeAgainstLayering(const Graph &g, const LayoutResult &r) {
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        const LayoutEdge &edge = g.edges[e];
        if (isSelfLoop(edge))
            continue;
        const int from = r.layerOf[edge.from], to = r.layerOf[edge.to];
        if (isReversed(r, e) ? !(to < from) : !(from < to))
            return "edge " + std::to_string(e) + " joins layer " + std::to_string(from) + " to " +
                   std::to_string(to) + (isReversed(r, e) ? " (reversed)" : "");
    }
    return {};
}

// Empty when no two boxes come closer than the node spacing, else the first pair that does.
std::string overlappingPair(const Graph &g, const LayoutResult &r, double spacing) {
    for (std::size_t a = 0; a < g.nodes.size(); ++a) {
        for (std::size_t b = a + 1; b < g.nodes.size(); ++b) {
            const Point pa = r.positions[a], pb = r.positions[b];
            const bool sameRows =
                pa.y < pb.y + g.nodes[b].height && pb.y < pa.y + g.nodes[a].height;
            const double gap =
                std::max(pb.x - (pa.x + g.nodes[a].width), pa.x - (pb.x + g.nodes[b].width));
            if (sameRows && gap < spacing - tolerance)
                return "nodes " + std::to_string(a) + " and " + std::to_string(b) + " are " +
                       std::to_string(gap) + " apart";
        }
    }
    return {};
}

// Empty when each route runs from its upstream end to its downstream end (bottom centre to top
// centre, or top to bottom when reversed), steadily in one vertical direction, and its vertical
// pieces through a layer keep clear of that layer's boxes.
std::string misroutedEdge(const Graph &g, const LayoutResult &r) {
    const std::vector<Band> bands = bandsOf(g, r);
    for (std::size_t e = 0; e < g.edges.size(); ++e) {
        const auto &route = r.edgeRoutes[e];
        const auto name = "edge " + std::to_string(e);
        if (isSelfLoop(g.edges[e])) {
            if (!route.empty())
                return name + " is a self-loop but has a route";
            continue;
        }
        const bool up = isReversed(r, e);
        const std::size_t from = g.edges[e].from, to = g.edges[e].to;
        if (route.size() < 2 ||
            !near(route.front(), up ? topCentre(g, r, from) : bottomCentre(g, r, from)) ||
            !near(route.back(), up ? bottomCentre(g, r, to) : topCentre(g, r, to)))
            return name + " does not join its nodes' centres";
        for (std::size_t i = 0; i + 1 < route.size(); ++i) {
            if (up ? route[i + 1].y >= route[i].y : route[i + 1].y <= route[i].y)
                return name + " turns back vertically";
            if (i == 0 || i + 2 == route.size() || route[i].x != route[i + 1].x)
                continue;
            const std::size_t layer = layerAt(bands, (route[i].y + route[i + 1].y) / 2);
            for (std::size_t v = 0; v < g.nodes.size(); ++v)
                if (std::size_t(r.layerOf[v]) == layer &&
                    route[i].x > r.positions[v].x - tolerance &&
                    route[i].x < r.positions[v].x + g.nodes[v].width + tolerance)
                    return name + " runs through node " + std::to_string(v);
        }
    }
    return {};
}

bool identical(const LayoutResult &a, const LayoutResult &b) {
    return a.positions == b.positions && a.layerOf == b.layerOf && a.edgeRoutes == b.edgeRoutes &&
           a.crossings == b.crossings && a.initialCrossings == b.initialCrossings &&
           a.width == b.width && a.height == b.height && a.reversedEdges == b.reversedEdges;
}

double centreX(const Graph &g, const LayoutResult &r, std::size_t v) {
    return r.positions[v].x + g.nodes[v].width / 2;
}

} // namespace

class TestLayeredLayout : public QObject {
    Q_OBJECT
private slots:
    void everyEdgePointsDownAfterReversal_data() { addGraphFamilies(); }
    void everyEdgePointsDownAfterReversal() {
        const Graph g = randomGraphFromRow();
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        const std::string violation = edgeAgainstLayering(g, r);
        QVERIFY2(violation.empty(), violation.c_str());
        QVERIFY(std::is_sorted(r.reversedEdges.begin(), r.reversedEdges.end()));
        QFETCH(bool, allowCycles);
        if (!allowCycles)
            QVERIFY(r.reversedEdges.empty());
    }

    void nodesNeverOverlap_data() { addGraphFamilies(); }
    void nodesNeverOverlap() {
        const Graph g = randomGraphFromRow();
        const LayoutOptions options{50, 20, 24};
        const LayoutResult r = layeredLayout(g.nodes, g.edges, options);
        const std::string violation = overlappingPair(g, r, options.nodeSpacing);
        QVERIFY2(violation.empty(), violation.c_str());
        for (std::size_t v = 0; v < g.nodes.size(); ++v) {
            QVERIFY(r.positions[v].x >= -tolerance && r.positions[v].y >= -tolerance);
            QVERIFY(r.positions[v].x + g.nodes[v].width <= r.width + tolerance);
            QVERIFY(r.positions[v].y + g.nodes[v].height <= r.height + tolerance);
        }
    }

    void layersStackTopToBottom_data() { addGraphFamilies(); }
    void layersStackTopToBottom() {
        const Graph g = randomGraphFromRow();
        const LayoutOptions options{65, 30, 24};
        const LayoutResult r = layeredLayout(g.nodes, g.edges, options);
        const std::vector<Band> bands = bandsOf(g, r);
        for (std::size_t layer = 0; layer + 1 < bands.size(); ++layer)
            QCOMPARE_GE(bands[layer + 1].top,
                        bands[layer].bottom + options.layerSpacing - tolerance);
        for (std::size_t v = 0; v < g.nodes.size(); ++v) { // centred in their band
            const Band band = bands[std::size_t(r.layerOf[v])];
            QVERIFY(std::abs(r.positions[v].y + g.nodes[v].height / 2 -
                             (band.top + band.bottom) / 2) < tolerance);
        }
    }

    void routesJoinTheirNodesAndPassBesideOthers_data() { addGraphFamilies(); }
    void routesJoinTheirNodesAndPassBesideOthers() {
        const Graph g = randomGraphFromRow();
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.edgeRoutes.size(), g.edges.size());
        const std::string violation = misroutedEdge(g, r);
        QVERIFY2(violation.empty(), violation.c_str());
    }

    void reportedCrossingsAreTheDrawnOnes_data() { addGraphFamilies(); }
    void reportedCrossingsAreTheDrawnOnes() {
        const Graph g = randomGraphFromRow();
        const LayoutResult reduced = layeredLayout(g.nodes, g.edges);
        QCOMPARE(drawnCrossings(g, reduced), reduced.crossings);
        const LayoutResult unreduced = layeredLayout(g.nodes, g.edges, {80, 30, 0});
        QCOMPARE(drawnCrossings(g, unreduced), unreduced.initialCrossings);
        QCOMPARE(unreduced.crossings, unreduced.initialCrossings);
    }

    void reductionNeverWorsensTheInitialOrder_data() { addGraphFamilies(); }
    void reductionNeverWorsensTheInitialOrder() {
        const Graph g = randomGraphFromRow();
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE_LE(r.crossings, r.initialCrossings);
        QCOMPARE(layeredLayout(g.nodes, g.edges, {80, 30, 0}).crossings, r.initialCrossings);
    }

    void sameInputGivesIdenticalLayout_data() { addGraphFamilies(); }
    void sameInputGivesIdenticalLayout() {
        const Graph g = randomGraphFromRow();
        QVERIFY(identical(layeredLayout(g.nodes, g.edges), layeredLayout(g.nodes, g.edges)));
    }

    void reductionRemovesMostCrossingsOfRandomDags() {
        std::int64_t before = 0, after = 0;
        for (unsigned seed = 1; seed <= 10; ++seed) {
            const Graph g = randomGraph(80, 1.8, false, seed);
            const LayoutResult r = layeredLayout(g.nodes, g.edges);
            before += r.initialCrossings;
            after += r.crossings;
        }
        QVERIFY2(after * 2 < before,
                 (std::to_string(before) + " -> " + std::to_string(after)).c_str());
    }

    void emptyGraphGivesEmptyLayout() {
        const LayoutResult r = layeredLayout({}, {});
        QVERIFY(r.positions.empty() && r.layerOf.empty() && r.edgeRoutes.empty());
        QCOMPARE(r.width, 0.0);
        QCOMPARE(r.height, 0.0);
        QCOMPARE(r.crossings, std::int64_t{0});
    }

    void edgeToMissingNodeIsRejected() {
        const Graph g = sameSizeNodes(2);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, layeredLayout(g.nodes, {{0, 1}, {1, 2}}));
    }

    void eachNodeIsOneLayerBelowItsLowestUpstream() {
        // a -> b -> c, a -> c, d isolated, e -> c: e has no upstream, so it sits right above c
        const Graph g{sameSizeNodes(5).nodes, {{0, 1}, {1, 2}, {0, 2}, {4, 2}}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.layerOf, (std::vector<int>{0, 1, 2, 0, 1}));
    }

    void sourceSitsRightAboveItsHighestDownstream() {
        // a -> b -> c -> d; t -> d and t -> c (a table read by two deep views); u -> d only
        const Graph g{sameSizeNodes(6).nodes, {{0, 1}, {1, 2}, {2, 3}, {4, 3}, {4, 2}, {5, 3}}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.layerOf, (std::vector<int>{0, 1, 2, 3, 1, 2}));
        QVERIFY2(edgeAgainstLayering(g, r).empty(), edgeAgainstLayering(g, r).c_str());
    }

    void cycleIsBrokenByReversingOneEdgeDrawnUpwards() {
        Graph g = sameSizeNodes(4);
        g.edges = {{3, 0}, {0, 1}, {1, 2}, {2, 0}}; // 3 feeds the cycle 0 -> 1 -> 2 -> 0
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.reversedEdges, std::vector<std::size_t>{3});
        QCOMPARE(r.layerOf, (std::vector<int>{1, 2, 3, 0}));
        QVERIFY(near(r.edgeRoutes[3].front(), topCentre(g, r, 2)));
        QVERIFY(near(r.edgeRoutes[3].back(), bottomCentre(g, r, 0)));
    }

    void twoWayEdgeIsOneRouteDrawnBothWays() {
        Graph g = sameSizeNodes(2);
        g.edges = {{0, 1}, {1, 0}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.reversedEdges, std::vector<std::size_t>{1});
        auto back = r.edgeRoutes[1];
        std::reverse(back.begin(), back.end());
        QCOMPARE(back, r.edgeRoutes[0]);
    }

    void selfLoopsAreIgnored() {
        Graph g = sameSizeNodes(2);
        g.edges = {{0, 0}, {0, 1}, {1, 1}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QVERIFY(r.reversedEdges.empty());
        QVERIFY(r.edgeRoutes[0].empty() && r.edgeRoutes[2].empty());
        QCOMPARE(r.layerOf, (std::vector<int>{0, 1}));
    }

    void duplicateEdgesShareOneRouteAndCountOnce() {
        // K2,2 has exactly one crossing in any order, however often each edge is given
        Graph g = sameSizeNodes(4);
        g.edges = {{0, 2}, {0, 3}, {1, 2}, {1, 3}, {0, 2}, {1, 3}, {1, 3}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.edgeRoutes[4], r.edgeRoutes[0]);
        QCOMPARE(r.edgeRoutes[6], r.edgeRoutes[3]);
        QCOMPARE(r.crossings, std::int64_t{1});
    }

    void crossedInputIsUntangled() {
        // sources a, b, c; sinks x, y: a -> x, b -> y, c -> x cross in input order
        Graph g = sameSizeNodes(5);
        g.edges = {{0, 3}, {1, 4}, {2, 3}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.initialCrossings, std::int64_t{1});
        QCOMPARE(r.crossings, std::int64_t{0});
        QCOMPARE(drawnCrossings(g, r), std::int64_t{0});
    }

    void shuffledZigzagLaddersEndWithoutCrossings() {
        // t_i -> b_i and t_i -> b_(i+1): one zigzag path, drawable without crossings, but
        // folded onto itself by a bad start, where sorting by barycentres alone stalls
        for (const std::size_t rungs : {6, 12, 25}) {
            for (unsigned seed = 1; seed <= 10; ++seed) {
                Graph g = sameSizeNodes(2 * rungs + 1);
                std::vector<std::size_t> top(rungs), bottom(rungs + 1);
                std::iota(top.begin(), top.end(), 0);
                std::iota(bottom.begin(), bottom.end(), rungs);
                std::mt19937 rng(seed);
                std::shuffle(top.begin(), top.end(), rng);
                std::shuffle(bottom.begin(), bottom.end(), rng);
                for (std::size_t i = 0; i < rungs; ++i)
                    g.edges.insert(g.edges.end(), {{top[i], bottom[i]}, {top[i], bottom[i + 1]}});
                std::shuffle(g.edges.begin(), g.edges.end(), rng);
                const LayoutResult r = layeredLayout(g.nodes, g.edges);
                QCOMPARE_GT(r.initialCrossings, std::int64_t{0});
                QCOMPARE(r.crossings, std::int64_t{0});
            }
        }
    }

    void shuffledTreeIsDrawnWithoutCrossings() {
        constexpr std::size_t count = 120;
        Graph g = sameSizeNodes(count);
        std::vector<std::size_t> label(count);
        std::iota(label.begin(), label.end(), 0);
        std::mt19937 rng(11);
        std::shuffle(label.begin(), label.end(), rng);
        for (std::size_t child = 1; child < count; ++child) {
            const std::size_t parent =
                std::uniform_int_distribution<std::size_t>(0, child - 1)(rng);
            g.edges.push_back({label[parent], label[child]});
        }
        std::shuffle(g.edges.begin(), g.edges.end(), rng);
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.crossings, std::int64_t{0});
        QCOMPARE(drawnCrossings(g, r), std::int64_t{0});
    }

    void isolatedNodesArePlacedSideBySideInLayerZero() {
        const Graph g = randomGraph(7, 0, false, 1);
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.layerOf, std::vector<int>(7, 0));
        const std::string violation = overlappingPair(g, r, LayoutOptions{}.nodeSpacing);
        QVERIFY2(violation.empty(), violation.c_str());
    }

    void disconnectedComponentsDoNotOverlapOrCross() {
        // two binary trees of depth 3, their nodes interleaved in the input
        Graph g = sameSizeNodes(30);
        for (std::size_t child = 1; child < 15; ++child)
            for (std::size_t tree = 0; tree < 2; ++tree)
                g.edges.push_back({2 * ((child - 1) / 2) + tree, 2 * child + tree});
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.crossings, std::int64_t{0});
        const std::string violation = overlappingPair(g, r, LayoutOptions{}.nodeSpacing);
        QVERIFY2(violation.empty(), violation.c_str());
    }

    void nodeSitsBelowItsOnlyUpstream() {
        // layer 0: a (no edges), b; layer 1: c read from b only
        Graph g = sameSizeNodes(3);
        g.nodes[2].width = 260;
        g.edges = {{1, 2}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QVERIFY(std::abs(centreX(g, r, 2) - centreX(g, r, 1)) < 0.5);
    }

    void parentIsCentredOverItsChildren() {
        Graph g = sameSizeNodes(5); // 0 -> 1, 2, 3 of different widths; 4 stands beside 0
        g.nodes[1].width = 60;
        g.nodes[3].width = 200;
        g.edges = {{0, 1}, {0, 2}, {0, 3}};
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        const double children = (centreX(g, r, 1) + centreX(g, r, 2) + centreX(g, r, 3)) / 3;
        QVERIFY(std::abs(centreX(g, r, 0) - children) < 0.5);
    }

    void longChainClosedIntoACycleDoesNotExhaustTheStack() {
        constexpr std::size_t count = 20000;
        Graph g = sameSizeNodes(count);
        for (std::size_t v = 0; v + 1 < count; ++v)
            g.edges.push_back({v, v + 1});
        g.edges.push_back({count - 1, 0});
        const LayoutResult r = layeredLayout(g.nodes, g.edges);
        QCOMPARE(r.reversedEdges, std::vector<std::size_t>{count - 1});
        QCOMPARE(r.layerOf.back(), int(count - 1));
        QCOMPARE(r.crossings, std::int64_t{0});
    }

    void layerPairCountMatchesBruteForce() {
        std::mt19937 rng(5);
        std::uniform_int_distribution<std::size_t> upper(0, 9), lower(0, 14);
        for (int round = 0; round < 50; ++round) {
            std::vector<LayerPairEdge> edges(30);
            for (auto &edge : edges)
                edge = {upper(rng), lower(rng)};
            std::int64_t expected = 0;
            for (std::size_t a = 0; a < edges.size(); ++a)
                for (std::size_t b = a + 1; b < edges.size(); ++b)
                    if ((edges[a].upperPosition < edges[b].upperPosition &&
                         edges[a].lowerPosition > edges[b].lowerPosition) ||
                        (edges[a].upperPosition > edges[b].upperPosition &&
                         edges[a].lowerPosition < edges[b].lowerPosition))
                        ++expected;
            QCOMPARE(countLayerPairCrossings(edges, 15), expected);
        }
    }

    void pairCrossingsMatchBruteForceInBothOrders() {
        std::mt19937 rng(9);
        std::uniform_int_distribution<std::size_t> end(0, 6), count(0, 5);
        for (int round = 0; round < 200; ++round) {
            std::vector<std::size_t> first(count(rng)), second(count(rng));
            for (auto *ends : {&first, &second}) {
                for (auto &e : *ends)
                    e = end(rng);
                std::sort(ends->begin(), ends->end());
                ends->erase(std::unique(ends->begin(), ends->end()), ends->end());
            }
            std::int64_t inOrder = 0, swapped = 0;
            for (const std::size_t a : first) {
                for (const std::size_t b : second) {
                    inOrder += a > b ? 1 : 0;
                    swapped += a < b ? 1 : 0;
                }
            }
            const PairCrossings counted = crossingsEitherWay(first, second);
            QCOMPARE(counted.inOrder, inOrder);
            QCOMPARE(counted.swapped, swapped);
        }
    }

    void siftingMovesAMisplacedVertexWhereItCrossesLeast() {
        // a, b, c above x, y, z with a - x, b - y, c - z; x starts at the right end, so moving
        // either a or x alone to the other end untangles everything
        LayeredGraph graph =
            buildLayeredGraph({1, 1, 1, 1, 1, 1}, {0, 0, 0, 1, 1, 1}, {{0, 3}, {1, 4}, {2, 5}});
        graph.layers = {{0, 1, 2}, {4, 5, 3}};
        QCOMPARE(countCrossings(graph), std::int64_t{2});
        QCOMPARE(siftVertices(graph, 1), std::int64_t{0});
        QCOMPARE(countCrossings(graph), std::int64_t{0});
    }

    void siftingNeverAddsCrossings() {
        std::mt19937 rng(21);
        for (unsigned seed = 100; seed < 120; ++seed) {
            const Graph g = randomGraph(60, 1.8, false, seed);
            const std::set<std::pair<std::size_t, std::size_t>> unique = [&] {
                std::set<std::pair<std::size_t, std::size_t>> pairs;
                for (const LayoutEdge &e : g.edges)
                    pairs.insert({e.from, e.to});
                return pairs;
            }();
            std::vector<LayoutEdge> edges;
            for (const auto &[from, to] : unique)
                edges.push_back({from, to});
            const std::vector<int> layerOf = layeredLayout(g.nodes, g.edges, {80, 30, 0}).layerOf;
            LayeredGraph graph =
                buildLayeredGraph(std::vector<double>(g.nodes.size(), 1), layerOf, edges);
            for (auto &layer : graph.layers)
                std::shuffle(layer.begin(), layer.end(), rng);
            const auto shuffled = graph.layers;
            const std::int64_t before = countCrossings(graph);
            const std::int64_t after = siftVertices(graph, 2);
            QCOMPARE(after, countCrossings(graph));
            QCOMPARE_LE(after, before);
            for (std::size_t layer = 0; layer < shuffled.size(); ++layer)
                QVERIFY(std::is_permutation(graph.layers[layer].begin(), graph.layers[layer].end(),
                                            shuffled[layer].begin(), shuffled[layer].end()));
        }
    }

private:
    // Graph families shared by the property tests.
    static void addGraphFamilies() {
        QTest::addColumn<int>("nodeCount");
        QTest::addColumn<double>("edgesPerNode");
        QTest::addColumn<bool>("allowCycles");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("8-node dag") << 8 << 1.5 << false << 1u;
        for (unsigned seed = 1; seed <= 4; ++seed)
            QTest::addRow("60-node dag, seed %u", seed) << 60 << 1.8 << false << seed;
        QTest::newRow("100 nodes, many isolated") << 100 << 0.4 << false << 5u;
        for (unsigned seed = 1; seed <= 3; ++seed)
            QTest::addRow("40 nodes with cycles, seed %u", seed) << 40 << 2.0 << true << seed;
        QTest::newRow("500-node dag") << 500 << 1.8 << false << 7u;
    }

    static Graph randomGraphFromRow() {
        QFETCH(int, nodeCount);
        QFETCH(double, edgesPerNode);
        QFETCH(bool, allowCycles);
        QFETCH(unsigned, seed);
        return randomGraph(std::size_t(nodeCount), edgesPerNode, allowCycles, seed);
    }
};

QTEST_APPLESS_MAIN(TestLayeredLayout)
#include "tst_layered_layout.moc"
