#include "ui/graph/GraphView.h"

#include "ui/graph/GraphScene.h"

#include <QGraphicsLineItem>
#include <QMouseEvent>
#include <QWheelEvent>

namespace automv::ui {

GraphView::GraphView(GraphScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene) {
    setObjectName(QStringLiteral("graphView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
}

void GraphView::zoomBy(double factor) {
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.05, 4.0);
    scale(next / current, next / current);
}

void GraphView::fit() {
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1.0)
        setTransform(QTransform());   // never blow a small graph up beyond 100 %
}

void GraphView::centreOn(int node) { centerOn(m_scene->nodeRect(node).center()); }

void GraphView::wheelEvent(QWheelEvent *event) {
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

int GraphView::nodeAt(const QPoint &viewPos) const {
    for (QGraphicsItem *item : items(viewPos)) {
        while (item->parentItem())
            item = item->parentItem();
        if (item->data(0).isValid())
            return item->data(0).toInt();
    }
    return -1;
}

void GraphView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        m_drawFrom = nodeAt(event->position().toPoint());
        if (m_drawFrom >= 0) {
            const QPointF start = m_scene->nodeRect(m_drawFrom).center();
            m_drawing = m_scene->addLine(QLineF(start, start), QPen(QColor(0x1f, 0x5f, 0xbf), 2.5, Qt::DotLine));
            m_drawing->setZValue(5);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event) {
    if (m_drawing) {
        m_drawing->setLine(QLineF(m_drawing->line().p1(), mapToScene(event->position().toPoint())));
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event) {
    if (m_drawing) {
        delete m_drawing;
        m_drawing = nullptr;
        const int to = nodeAt(event->position().toPoint());
        if (to >= 0 && to != m_drawFrom)
            emit chainDrawn(m_drawFrom, to);
        m_drawFrom = -1;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace automv::ui
