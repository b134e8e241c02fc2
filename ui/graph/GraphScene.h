#pragma once

#include "core/graph/DependencyGraph.h"
#include "core/graph/LayeredLayout.h"

#include <QGraphicsScene>
#include <QList>

class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace automv::ui {

/// The dependency graph drawn: one box per node (coloured by kind and MV state), one polyline
/// per edge kind between two nodes, placed by the layered layout from core/. Selecting a node
/// highlights everything upstream and downstream of it and dims the rest.
class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    /// Lays out and draws `graph`, replacing what was drawn.
    void setGraph(const graph::DependencyGraph &graph);
    /// Takes the states of a graph with the same structure (no new layout).
    void updateStates(const graph::DependencyGraph &graph);
    const graph::DependencyGraph &dependencyGraph() const { return m_graph; }
    const graph::LayoutResult &layout() const { return m_layout; }
    QRectF nodeRect(int node) const;
    int selectedNode() const;
    /// The drawing as a standalone SVG document (boxes, labels, edges, arrowheads).
    QString toSvg() const;
    void selectNode(int node);

signals:
    /// A node was selected (-1: none).
    void nodeSelected(int node);
    /// A node was double-clicked.
    void nodeActivated(int node);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    struct NodeItems {
        QGraphicsRectItem *box = nullptr;
        QGraphicsSimpleTextItem *name = nullptr;
        QGraphicsSimpleTextItem *detail = nullptr;
    };
    struct EdgeItems {
        QGraphicsPathItem *line = nullptr;
        QGraphicsPathItem *head = nullptr;
        std::size_t from = 0, to = 0;
    };
    void paintNode(int node);
    void highlight(int node);
    int nodeOf(QGraphicsItem *item) const;

    graph::DependencyGraph m_graph;
    graph::LayoutResult m_layout;
    QList<NodeItems> m_nodes;
    QList<EdgeItems> m_edges;
};

} // namespace automv::ui
