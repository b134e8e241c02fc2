// The Graph page's canvas with schema-shaped graphs of 100 to 1000 nodes: what the UI thread
// spends to lay out and build the scene (setGraph), to recolour it when only states changed
// (updateStates, the usual live update), to highlight a selection, and to paint it all once.
// Beside them, the layout alone (core/), measured in the same run.
// Usage: graph_scene_bench [RUNS]   (default 9)
#include "bench/SchemaGraph.h"
#include "core/graph/DependencyGraph.h"
#include "ui/graph/GraphScene.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <cstdio>
#include <cstdlib>

using namespace automv;

namespace {
graph::DependencyGraph dependencyGraph(const bench::Schema &schema, graph::MvState state) {
    graph::DependencyGraph g;
    for (std::size_t i = 0; i < schema.nodes.size(); ++i) {
        const bool table = schema.nodes[i].id.rfind("table_", 0) == 0;
        g.addNode({std::int64_t(i + 1), table ? graph::NodeKind::Table : graph::NodeKind::MaterializedView, "public",
                   schema.nodes[i].id, table ? graph::MvState::NotMv : state});
    }
    for (const auto &e : schema.edges)
        g.addEdge(std::int64_t(e.from + 1), std::int64_t(e.to + 1), graph::EdgeKind::Reads);
    return g;
}
} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    std::printf("graph canvas (GraphScene) with schema-shaped random graphs, median of %d runs, ms\n", runs);
    std::printf("%6s %6s %12s %12s %14s %12s %12s\n", "nodes", "edges", "layout only", "setGraph", "updateStates",
                "highlight", "paint all");
    for (const std::size_t n : {100, 250, 500, 1000}) {
        const auto schema = bench::schemaLikeGraph(n, 42);
        const auto fresh = dependencyGraph(schema, graph::MvState::Fresh);
        const auto pending = dependencyGraph(schema, graph::MvState::Pending);
        const double layout = bench::medianMilliseconds(runs, [&] { graph::layeredLayout(std::vector<graph::LayoutNode>(schema.nodes), fresh.layoutEdges()); });
        ui::GraphScene scene;
        const double build = bench::medianMilliseconds(runs, [&] { scene.setGraph(fresh); });
        bool flip = false;
        const double recolour = bench::medianMilliseconds(runs, [&] { scene.updateStates((flip = !flip) ? pending : fresh); });
        int node = 0;
        const double select = bench::medianMilliseconds(runs, [&] { scene.selectNode(node++ % int(n)); });
        QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
        const double paint = bench::medianMilliseconds(runs, [&] {
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            scene.render(&painter);
        });
        std::printf("%6zu %6zu %12.2f %12.2f %14.2f %12.2f %12.2f\n", n, fresh.edges().size(), layout, build, recolour,
                    select, paint);
    }
    return 0;
}
