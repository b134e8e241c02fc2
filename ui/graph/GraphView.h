#pragma once

#include <QGraphicsView>

class QGraphicsLineItem;

namespace automv::ui {

class GraphScene;

/// The canvas: the wheel zooms about the cursor, dragging the background pans, and
/// Shift-dragging from one box to another draws a new edge (chainDrawn).
class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void fit();
    void centreOn(int node);

signals:
    /// The user drew an edge from `from` to `to` (node indices).
    void chainDrawn(int from, int to);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int nodeAt(const QPoint &viewPos) const;

    GraphScene *m_scene;
    QGraphicsLineItem *m_drawing = nullptr;
    int m_drawFrom = -1;
};

} // namespace automv::ui
