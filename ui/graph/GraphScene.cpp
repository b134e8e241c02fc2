#include "ui/graph/GraphScene.h"

#include "ui/graph/GraphStyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QSignalBlocker>
#include <QtMath>

#include <set>

namespace automv::ui {

using graph::NodeKind;

using graph::MvState;

namespace {
constexpr double kPadding = 8;
constexpr double kHeight = 40;
constexpr int kNodeIndex = 0;   // QGraphicsItem::data key holding the node index

QString detailText(const graph::GraphNode &node) {
    QString kind = QString::fromLatin1(graph::toString(node.kind));
    if (node.kind == NodeKind::MaterializedView)
        kind = QString::fromLatin1(graph::toString(node.state));
    return QString::fromStdString(node.schema) + QStringLiteral(" · ") + kind;
}

QFont nameFont() {
    QFont font;
    font.setBold(true);
    return font;
}
} // namespace

GraphScene::GraphScene(QObject *parent) : QGraphicsScene(parent) {
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const int node = selectedNode();
        highlight(node);
        emit nodeSelected(node);
    });
}

GraphScene::~GraphScene() {
    // Items deselected while they are destroyed must not reach highlight().
    blockSignals(true);
    m_nodes.clear();
    m_edges.clear();
    clear();
}

void GraphScene::setGraph(const graph::DependencyGraph &dependencies) {
    {
        const QSignalBlocker quiet(this);   // the old items are going: no selection signals for them
        m_nodes.clear();
        m_edges.clear();
        clear();
    }
    m_graph = dependencies;
    const QFontMetricsF nameMetrics(nameFont()), detailMetrics{QFont()};
    std::vector<graph::LayoutNode> boxes;
    for (const auto &node : m_graph.nodes()) {
        // Wide enough for the detail line in every state the view can move to later
        // (updateStates() only changes the text: "public · pendin" was clipped).
        double detailWidth = detailMetrics.horizontalAdvance(detailText(node));
        if (node.kind == NodeKind::MaterializedView)
            for (auto state : {MvState::Unregistered, MvState::Fresh, MvState::Pending, MvState::Refreshing,
                               MvState::Failed, MvState::Stale, MvState::Missing, MvState::Paused}) {
                graph::GraphNode other = node;
                other.state = state;
                detailWidth = std::max(detailWidth, detailMetrics.horizontalAdvance(detailText(other)));
            }
        const double width = std::max(nameMetrics.horizontalAdvance(QString::fromStdString(node.name)), detailWidth);
        boxes.push_back({node.label(), width + 2 * kPadding, kHeight});
    }
    const auto edges = m_graph.layoutEdges();
    m_layout = graph::layeredLayout(boxes, edges, {70, 24, 24});

    // Edges first, so boxes are drawn over their ends. One route per connected pair; each kind
    // between the pair is drawn beside the others.
    for (const auto &edge : m_graph.edges()) {
        std::size_t route = 0;
        while (route < edges.size() && !(edges[route].from == edge.from && edges[route].to == edge.to))
            ++route;
        const auto &points = m_layout.edgeRoutes.at(route);
        if (points.size() < 2)
            continue;
        // Reads in the middle, the chain to its left, the watch to its right.
        const double offset = edge.kind == graph::EdgeKind::Reads ? 0.0 : edge.kind == graph::EdgeKind::Chain ? -3.5 : 3.5;
        QPainterPath path(QPointF(points[0].x + offset, points[0].y));
        for (std::size_t i = 1; i < points.size(); ++i)
            path.lineTo(points[i].x + offset, points[i].y);
        auto *line = addPath(path, GraphStyle::edgePen(edge.kind));
        line->setZValue(0);
        line->setToolTip(QStringLiteral("%1 → %2 (%3)").arg(QString::fromStdString(m_graph.nodes()[edge.from].label()),
                                                             QString::fromStdString(m_graph.nodes()[edge.to].label()),
                                                             QString::fromLatin1(graph::toString(edge.kind))));
        // The arrowhead points at the reader, along the last segment.
        const QPointF tip(points.back().x + offset, points.back().y);
        const QPointF before(points[points.size() - 2].x + offset, points[points.size() - 2].y);
        const double angle = std::atan2(tip.y() - before.y(), tip.x() - before.x());
        QPainterPath head(tip);
        head.lineTo(tip - QPointF(std::cos(angle - 0.4) * 9, std::sin(angle - 0.4) * 9));
        head.lineTo(tip - QPointF(std::cos(angle + 0.4) * 9, std::sin(angle + 0.4) * 9));
        head.closeSubpath();
        auto *headItem = addPath(head, QPen(Qt::NoPen), GraphStyle::edgePen(edge.kind).color());
        m_edges.append({line, headItem, edge.from, edge.to});
    }
    for (std::size_t i = 0; i < m_graph.nodes().size(); ++i) {
        const auto &p = m_layout.positions[i];
        NodeItems items;
        items.box = addRect(0, 0, boxes[i].width, boxes[i].height);
        items.box->setPos(p.x, p.y);
        items.box->setFlag(QGraphicsItem::ItemIsSelectable);
        items.box->setData(kNodeIndex, int(i));
        items.box->setZValue(2);
        items.name = new QGraphicsSimpleTextItem(QString::fromStdString(m_graph.nodes()[i].name), items.box);
        items.name->setFont(nameFont());
        items.name->setPos(kPadding, 4);
        items.detail = new QGraphicsSimpleTextItem(detailText(m_graph.nodes()[i]), items.box);
        items.detail->setPos(kPadding, 4 + nameMetrics.height());
        m_nodes.append(items);
        paintNode(int(i));
    }
    setSceneRect(QRectF(-20, -20, m_layout.width + 40, m_layout.height + 40));
}

void GraphScene::updateStates(const graph::DependencyGraph &dependencies) {
    const int selected = selectedNode();
    m_graph = dependencies;
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].detail->setText(detailText(m_graph.nodes()[std::size_t(i)]));
        paintNode(i);
    }
    highlight(selected);
}

void GraphScene::paintNode(int node) {
    const auto &n = m_graph.nodes()[std::size_t(node)];
    auto &items = m_nodes[node];
    items.box->setBrush(GraphStyle::fill(n));
    QPen border(GraphStyle::fill(n).darker(150), items.box->isSelected() ? 3 : 1);
    items.box->setPen(border);
    items.name->setBrush(GraphStyle::textColour(n));
    items.detail->setBrush(GraphStyle::textColour(n));
    items.box->setToolTip(QStringLiteral("%1 (%2)").arg(QString::fromStdString(n.label()), detailText(n)));
}

QRectF GraphScene::nodeRect(int node) const {
    return node >= 0 && node < m_nodes.size() ? m_nodes[node].box->sceneBoundingRect() : QRectF();
}

int GraphScene::nodeOf(QGraphicsItem *item) const {
    while (item && item->parentItem())
        item = item->parentItem();
    return item && item->data(kNodeIndex).isValid() ? item->data(kNodeIndex).toInt() : -1;
}

int GraphScene::selectedNode() const {
    const auto items = selectedItems();
    return items.isEmpty() ? -1 : nodeOf(items.first());
}

void GraphScene::selectNode(int node) {
    clearSelection();
    if (node >= 0 && node < m_nodes.size())
        m_nodes[node].box->setSelected(true);
}

void GraphScene::highlight(int node) {
    std::set<std::size_t> lit;
    if (node >= 0) {
        lit.insert(std::size_t(node));
        for (auto i : m_graph.upstreamOf(std::size_t(node)))
            lit.insert(i);
        for (auto i : m_graph.downstreamOf(std::size_t(node)))
            lit.insert(i);
    }
    const bool all = node < 0;
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_nodes[i].box->setOpacity(all || lit.count(std::size_t(i)) ? 1.0 : 0.25);
        paintNode(i);
    }
    for (const auto &edge : m_edges) {
        const bool on = all || (lit.count(edge.from) && lit.count(edge.to));
        edge.line->setOpacity(on ? 1.0 : 0.15);
        edge.head->setOpacity(on ? 1.0 : 0.15);
    }
}

QString GraphScene::toSvg() const {
    const QRectF box = sceneRect();
    QString svg = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"%3 %4 %1 %2\""
                                 " font-family=\"sans-serif\" font-size=\"12\">\n"
                                 "<rect x=\"%3\" y=\"%4\" width=\"%1\" height=\"%2\" fill=\"white\"/>\n")
                      .arg(box.width()).arg(box.height()).arg(box.x()).arg(box.y());
    auto escape = [](QString text) { return text.toHtmlEscaped(); };
    for (const auto &edge : m_edges) {
        const QPen pen = edge.line->pen();
        QStringList points;
        const QPainterPath &path = edge.line->path();
        for (int i = 0; i < path.elementCount(); ++i)
            points << QStringLiteral("%1,%2").arg(path.elementAt(i).x).arg(path.elementAt(i).y);
        svg += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"%3\"%4/>\n")
                   .arg(points.join(' '), pen.color().name())
                   .arg(pen.widthF())
                   .arg(pen.style() == Qt::DashLine ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
        QStringList head;
        for (int i = 0; i < edge.head->path().elementCount(); ++i)
            head << QStringLiteral("%1,%2").arg(edge.head->path().elementAt(i).x).arg(edge.head->path().elementAt(i).y);
        svg += QStringLiteral("<polygon points=\"%1\" fill=\"%2\"/>\n").arg(head.join(' '), pen.color().name());
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        const auto &n = m_graph.nodes()[std::size_t(i)];
        const QRectF r = m_nodes[i].box->sceneBoundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
        const QString text = GraphStyle::textColour(n).name();
        svg += QStringLiteral("<g><title>%1</title><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" rx=\"2\" fill=\"%6\" stroke=\"%7\"/>"
                              "<text x=\"%8\" y=\"%9\" fill=\"%10\" font-weight=\"bold\">%11</text>"
                              "<text x=\"%8\" y=\"%12\" fill=\"%10\">%13</text></g>\n")
                   .arg(escape(QString::fromStdString(n.label())))
                   .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                   .arg(GraphStyle::fill(n).name(), GraphStyle::fill(n).darker(150).name())
                   .arg(r.x() + kPadding).arg(r.y() + 17)
                   .arg(text, escape(QString::fromStdString(n.name)))
                   .arg(r.y() + 33)
                   .arg(escape(detailText(n)));
    }
    return svg + QStringLiteral("</svg>\n");
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) {
    QGraphicsScene::mouseDoubleClickEvent(event);
    if (const int node = nodeOf(itemAt(event->scenePos(), QTransform())); node >= 0)
        emit nodeActivated(node);
}

} // namespace automv::ui
