#include "ui/graph/GraphStyle.h"

#include "ui/common/StatePalette.h"

#include <QCoreApplication>

namespace automv::ui {

using graph::EdgeKind;
using graph::MvState;
using graph::NodeKind;

namespace {
QString tr(const char *text) { return QCoreApplication::translate("automv::ui::GraphStyle", text); }

} // namespace

QColor GraphStyle::fill(const graph::GraphNode &node) {
    switch (node.kind) {
    case NodeKind::MaterializedView: return stateFill(node.state);
    case NodeKind::View: return QColor(0xe8, 0xf0, 0xfb);
    case NodeKind::Table:
    case NodeKind::PartitionedTable: return QColor(0xf4, 0xf4, 0xf4);
    case NodeKind::ForeignTable:
    case NodeKind::Other: break;
    }
    return QColor(0xfa, 0xf0, 0xe6);
}

QColor GraphStyle::textColour(const graph::GraphNode &node) { return textOn(fill(node)); }

QPen GraphStyle::edgePen(EdgeKind kind) {
    switch (kind) {
    case EdgeKind::Reads: return QPen(QColor(0x70, 0x70, 0x70), 1.2);
    case EdgeKind::Chain: return QPen(QColor(0x1f, 0x5f, 0xbf), 2.6);
    case EdgeKind::Watch: {
        QPen pen(QColor(0xd9, 0x6c, 0x00), 1.6, Qt::DashLine);
        return pen;
    }
    }
    return {};
}

QString GraphStyle::legendHtml() {
    auto swatch = [](const QColor &c, const QString &text) {
        return QStringLiteral("<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2&nbsp;&nbsp; ").arg(c.name(), text);
    };
    auto line = [](const QPen &pen, const QString &text) {
        const QString dash = pen.style() == Qt::DashLine ? QStringLiteral("- - -") : QStringLiteral("———");
        return QStringLiteral("<b style='color:%1'>%2</b>&nbsp;%3&nbsp;&nbsp; ").arg(pen.color().name(), dash, text);
    };
    QString html = tr("<b>Materialised views:</b> ");
    for (MvState s : {MvState::Fresh, MvState::Pending, MvState::Refreshing, MvState::Failed, MvState::Stale,
                      MvState::Paused, MvState::Unregistered, MvState::Missing})
        html += swatch(stateFill(s), QString::fromLatin1(graph::toString(s)));
    html += tr("<b>Others:</b> ");
    html += swatch(fill({0, NodeKind::Table, {}, {}, MvState::NotMv}), tr("table"));
    html += swatch(fill({0, NodeKind::View, {}, {}, MvState::NotMv}), tr("view"));
    html += QStringLiteral("<br>") + tr("<b>Edges:</b> ");
    html += line(edgePen(EdgeKind::Reads), tr("reads from"));
    html += line(edgePen(EdgeKind::Chain), tr("refresh chain"));
    html += line(edgePen(EdgeKind::Watch), tr("watched (triggers)"));
    return html;
}

} // namespace automv::ui
