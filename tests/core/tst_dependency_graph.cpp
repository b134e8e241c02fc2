// The dependency graph the console draws, without a server: nodes by OID, edges between known
// nodes only (once per kind), states for MVs only, upstream/downstream walks, search, the
// layout's edges (kinds merged) and structure comparison.
#include "core/graph/DependencyGraph.h"

#include <QTest>

using namespace automv::graph;

namespace {
// orders (table) -> v (view) -> daily (mv) -> weekly (mv); daily -chain-> weekly; orders -watch-> daily
DependencyGraph sample() {
    DependencyGraph g;
    g.addNode({10, NodeKind::Table, "public", "orders", MvState::NotMv});
    g.addNode({20, NodeKind::View, "public", "v", MvState::NotMv});
    g.addNode({30, NodeKind::MaterializedView, "public", "daily", MvState::NotMv});
    g.addNode({40, NodeKind::MaterializedView, "sales", "Weekly", MvState::NotMv});
    g.addEdge(10, 20, EdgeKind::Reads);
    g.addEdge(20, 30, EdgeKind::Reads);
    g.addEdge(30, 40, EdgeKind::Reads);
    g.addEdge(30, 40, EdgeKind::Chain);
    g.addEdge(10, 30, EdgeKind::Watch);
    return g;
}
} // namespace

class TestDependencyGraph : public QObject {
    Q_OBJECT
private slots:
    void edgesJoinKnownNodesOncePerKind() {
        auto g = sample();
        QCOMPARE(g.nodes().size(), std::size_t(4));
        QCOMPARE(g.edges().size(), std::size_t(5));
        QVERIFY(!g.addEdge(10, 20, EdgeKind::Reads));   // again
        QVERIFY(!g.addEdge(10, 99, EdgeKind::Reads));   // unknown OID
        QVERIFY(!g.addEdge(20, 20, EdgeKind::Reads));   // self
        QCOMPARE(g.addNode({10, NodeKind::View, "x", "y", MvState::NotMv}), std::size_t(0));   // same OID: the first stays
        QCOMPARE(g.nodes()[0].name, std::string("orders"));
    }

    void statesApplyToMaterializedViewsOnly() {
        auto g = sample();
        g.setState(30, MvState::Failed);
        g.setState(10, MvState::Fresh);   // a table has no state
        g.markUnregistered();
        QCOMPARE(g.nodes()[2].state, MvState::Failed);
        QCOMPARE(g.nodes()[3].state, MvState::Unregistered);
        QCOMPARE(g.nodes()[0].state, MvState::NotMv);
        QCOMPARE(stateFromText("refreshing"), MvState::Refreshing);
        QCOMPARE(stateFromText("something new"), MvState::Unregistered);
        QCOMPARE(kindFromRelkind("p"), NodeKind::PartitionedTable);
    }

    void walksUpAndDownOverAllKinds() {
        const auto g = sample();
        QCOMPARE(g.upstreamOf(3), (std::vector<std::size_t>{0, 1, 2}));
        QCOMPARE(g.downstreamOf(0), (std::vector<std::size_t>{1, 2, 3}));
        QCOMPARE(g.downstreamOf(3), std::vector<std::size_t>{});
        QCOMPARE(g.upstreamOf(2), (std::vector<std::size_t>{0, 1}));
    }

    void searchIgnoresCase() {
        const auto g = sample();
        QCOMPARE(g.search("WEEK"), std::vector<std::size_t>{3});
        QCOMPARE(g.search("sales."), std::vector<std::size_t>{3});
        QCOMPARE(g.search("public"), (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(g.search("").empty());
    }

    void layoutGetsOneEdgePerConnectedPair() {
        const auto edges = sample().layoutEdges();
        QCOMPARE(edges.size(), std::size_t(4));   // daily -> weekly twice (reads, chain) is one
        const auto layout = layeredLayout(std::vector<LayoutNode>(4, {"", 40, 20}), edges);
        QCOMPARE(layout.layerOf, (std::vector<int>{0, 1, 2, 3}));
    }

    void structureComparesNodesAndEdgesNotStates() {
        auto a = sample(), b = sample();
        b.setState(30, MvState::Pending);
        QVERIFY(a.sameStructure(b));
        b.addEdge(10, 40, EdgeKind::Watch);
        QVERIFY(!a.sameStructure(b));
    }
};

QTEST_MAIN(TestDependencyGraph)
#include "tst_dependency_graph.moc"
