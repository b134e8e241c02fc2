// The Graph page against the harness's server, offscreen: nodes and edges come from the catalog
// (through a plain view down to the base table; unrelated tables left out), pg_auto_mv's chains
// and watches are edges of their own, MVs carry their state, a new view appears after a reload,
// chains are added and a cycle is refused with the cycle named, and both exports work.
#include "core/graph/DependencyGraph.h"
#include "tests/harness/TestCluster.h"
#include "ui/graph/GraphPage.h"
#include "ui/graph/GraphScene.h"
#include "ui/graph/GraphView.h"
#include "ui/session/DatabaseSession.h"

#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using automv::graph::EdgeKind;
using automv::graph::MvState;
using automv::test::ScratchDatabase;
using automv::ui::DatabaseSession;
using automv::ui::GraphPage;

namespace {

int nodeIndex(const GraphPage &page, const std::string &label) {
    const auto &nodes = page.scene()->dependencyGraph().nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].label() == label)
            return int(i);
    return -1;
}

bool hasEdge(const GraphPage &page, const std::string &from, const std::string &to, EdgeKind kind) {
    const auto &g = page.scene()->dependencyGraph();
    for (const auto &e : g.edges())
        if (g.nodes()[e.from].label() == from && g.nodes()[e.to].label() == to && e.kind == kind)
            return true;
    return false;
}

} // namespace

class TestGraphPage : public QObject {
    Q_OBJECT
private slots:
    // A view's box fits its detail line in every state it moves to later (a short name that
    // became "pending" was clipped to "public · pendin").
    void aNodeFitsItsLabelInEveryState() {
        automv::graph::DependencyGraph graph;
        graph.addNode({1, automv::graph::NodeKind::MaterializedView, "public", "c", MvState::Fresh});
        automv::ui::GraphScene scene;
        scene.setGraph(graph);
        const double boxWidth = scene.nodeRect(0).width();
        for (auto state : {MvState::Pending, MvState::Refreshing, MvState::Unregistered, MvState::Stale}) {
            automv::graph::DependencyGraph changed;
            changed.addNode({1, automv::graph::NodeKind::MaterializedView, "public", "c", state});
            scene.updateStates(changed);
            for (QGraphicsItem *item : scene.items())
                if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                    QVERIFY2(text->pos().x() + text->boundingRect().width() <= boxWidth,
                             qPrintable(text->text() + " does not fit " + QString::number(boxWidth)));
        }
    }

    void drawsTheCatalogAndPgAutoMv() {
        ScratchDatabase db("graph_page");
        auto conn = db.connect();
        conn.exec("create extension pg_auto_mv cascade");
        conn.exec("create table public.orders (id int primary key, amount numeric, day date)");
        conn.exec("create table public.unrelated (id int)");
        conn.exec("create view public.v_orders as select day, amount from public.orders");
        conn.exec("create materialized view public.daily as select day, sum(amount) as total from public.v_orders group by day");
        conn.exec("create unique index on public.daily (day)");
        conn.exec("create materialized view public.weekly as select date_trunc('week', day) as week, sum(total) as total"
                  " from public.daily group by 1");
        conn.exec("create unique index on public.weekly (week)");
        conn.exec("create materialized view public.lonely as select count(*) as n from public.orders");
        conn.exec("select pgauto_mv.register_mv('daily', p_watch_tables => array[pgauto_mv.mv_watch('public.orders')])");
        conn.exec("select pgauto_mv.register_mv('weekly')");
        conn.exec("select pgauto_mv.add_chain('public.daily', 'public.weekly')");

        DatabaseSession session;
        session.open(QString::fromStdString(db.conninfo()));
        GraphPage page;
        page.setSession(&session);
        page.resize(1200, 700);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(page.scene()->dependencyGraph().nodes().size(), std::size_t(5), 15000);
        QCOMPARE(nodeIndex(page, "public.unrelated"), -1);
        QVERIFY(hasEdge(page, "public.orders", "public.v_orders", EdgeKind::Reads));
        QVERIFY(hasEdge(page, "public.v_orders", "public.daily", EdgeKind::Reads));
        QVERIFY(hasEdge(page, "public.daily", "public.weekly", EdgeKind::Reads));
        QVERIFY(hasEdge(page, "public.daily", "public.weekly", EdgeKind::Chain));
        QVERIFY(hasEdge(page, "public.orders", "public.daily", EdgeKind::Watch));
        QVERIFY(hasEdge(page, "public.orders", "public.lonely", EdgeKind::Reads));
        const auto &nodes = page.scene()->dependencyGraph().nodes();
        QCOMPARE(nodes[std::size_t(nodeIndex(page, "public.daily"))].state, MvState::Fresh);
        QCOMPARE(nodes[std::size_t(nodeIndex(page, "public.lonely"))].state, MvState::Unregistered);
        QCOMPARE(page.edgeTable()->rowCount(), 6);   // the tabular twin holds the same edges

        // Search selects and shows what is upstream and downstream.
        QCOMPARE(page.find("WEEK"), 1);
        QCOMPARE(page.scene()->selectedNode(), nodeIndex(page, "public.weekly"));
        QVERIFY2(page.detailsText().contains("public.v_orders") && page.detailsText().contains("public.orders"),
                 qPrintable(page.detailsText()));
        QCOMPARE(page.find("nothing like this"), 0);

        // A view created meanwhile appears after a reload; the selection stays.
        conn.exec("create materialized view public.monthly as select date_trunc('month', day) as month, sum(total) as total"
                  " from public.daily group by 1");
        conn.exec("create unique index on public.monthly (month)");
        conn.exec("select pgauto_mv.register_mv('monthly')");
        page.reload();
        QTRY_COMPARE_WITH_TIMEOUT(page.scene()->dependencyGraph().nodes().size(), std::size_t(6), 15000);
        QCOMPARE(page.scene()->selectedNode(), nodeIndex(page, "public.weekly"));

        // Chains from the page: added; a cycle refused with the cycle named, nothing changed.
        // Drawn on the canvas: Shift-drag from daily to monthly.
        auto *view = page.view();
        view->fit();
        const QPoint from = view->mapFromScene(page.scene()->nodeRect(nodeIndex(page, "public.daily")).center());
        const QPoint to = view->mapFromScene(page.scene()->nodeRect(nodeIndex(page, "public.monthly")).center());
        QVERIFY(view->viewport()->rect().contains(from) && view->viewport()->rect().contains(to));
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(view->viewport(), to);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
        QTRY_VERIFY_WITH_TIMEOUT(hasEdge(page, "public.daily", "public.monthly", EdgeKind::Chain), 15000);
        page.addChain(nodeIndex(page, "public.monthly"), nodeIndex(page, "public.daily"));
        QTRY_VERIFY_WITH_TIMEOUT(page.statusText().contains("cycle"), 15000);
        QVERIFY2(page.statusText().contains("public.daily"), qPrintable(page.statusText()));
        // The refusal stays: the next refresh of the graph must not claim the chain was made
        // (it said "public.daily now refreshes after public.monthly.").
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(page.statusText().startsWith("Updated at"), 15000);
        QVERIFY2(!page.statusText().contains("now refreshes after") && page.statusText().contains("cycle"),
                 qPrintable(page.statusText()));
        QCOMPARE(std::string(conn.exec("select count(*) from pgauto_mv.chain").value(0, 0)), std::string("2"));
        page.removeChain(nodeIndex(page, "public.daily"), nodeIndex(page, "public.monthly"));
        QTRY_VERIFY_WITH_TIMEOUT(!hasEdge(page, "public.daily", "public.monthly", EdgeKind::Chain), 15000);

        QTemporaryDir dir;
        QVERIFY(page.exportSvg(dir.filePath("graph.svg")));
        QFile svg(dir.filePath("graph.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.startsWith("<?xml") && text.contains("<svg") && text.contains("public.weekly"));
        QVERIFY(page.exportPng(dir.filePath("graph.png")));
        QVERIFY(!QImage(dir.filePath("graph.png")).isNull());
    }
};

QTEST_MAIN(TestGraphPage)
#include "tst_graphpage.moc"
