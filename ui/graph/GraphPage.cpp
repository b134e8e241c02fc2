#include "ui/graph/GraphPage.h"

#include "core/graph/DependencyGraph.h"
#include "ui/common/Csv.h"
#include "ui/graph/GraphScene.h"
#include "ui/graph/GraphStyle.h"
#include "ui/graph/GraphView.h"
#include "ui/session/DatabaseSession.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
const QString kProbeTag = QStringLiteral("graph.probe");
const QString kCatalogTag = QStringLiteral("graph.catalog");
const QString kAutoMvTag = QStringLiteral("graph.automv");
const QString kChainTag = QStringLiteral("graph.chain");

QString resourceSql(const QString &name) {
    QFile file(QStringLiteral(":/graph/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The graph from the catalog rows, plus pg_auto_mv's rows when there are any.
graph::DependencyGraph buildGraph(const QueryResult &catalog, const QueryResult *autoMv) {
    graph::DependencyGraph g;
    for (const auto &row : catalog.rows)
        if (row.value(0).toString() == QLatin1String("node"))
            g.addNode({row.value(1).toLongLong(), graph::kindFromRelkind(row.value(2).toString().toStdString()),
                       row.value(3).toString().toStdString(), row.value(4).toString().toStdString(), graph::MvState::NotMv});
    for (const auto &row : catalog.rows)
        if (row.value(0).toString() == QLatin1String("edge"))
            g.addEdge(row.value(1).toLongLong(), row.value(6).toLongLong(), graph::EdgeKind::Reads);
    if (autoMv)
        for (const auto &row : autoMv->rows) {
            const QString what = row.value(0).toString(), kind = row.value(2).toString();
            if (what == QLatin1String("state"))
                g.setState(row.value(1).toLongLong(), graph::stateFromText(row.value(5).toString().toStdString()));
            else
                g.addEdge(row.value(1).toLongLong(), row.value(6).toLongLong(),
                          kind == QLatin1String("chain") ? graph::EdgeKind::Chain : graph::EdgeKind::Watch);
        }
    g.markUnregistered();
    return g;
}
} // namespace

GraphPage::GraphPage(QWidget *parent)
    : SessionPage(5000, parent), m_scene(new GraphScene(this)), m_view(new GraphView(m_scene)), m_tabs(new QTabWidget),
      m_details(new QLabel), m_status(new QLabel(tr("Not connected."))), m_edges(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView) {
    setObjectName(QStringLiteral("graphPage"));
    m_details->setObjectName(QStringLiteral("graphDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumWidth(220);
    auto *legend = new QLabel(GraphStyle::legendHtml());
    legend->setWordWrap(true);
    connect(m_scene, &GraphScene::nodeSelected, this, &GraphPage::showDetails);
    connect(m_scene, &GraphScene::nodeActivated, this, [this](int node) {
        const auto &n = m_scene->dependencyGraph().nodes()[std::size_t(node)];
        if (n.kind == graph::NodeKind::MaterializedView)
            emit editRequested(QString::fromStdString(n.schema), QString::fromStdString(n.name));
    });
    connect(m_view, &GraphView::chainDrawn, this, &GraphPage::addChain);

    auto *graphTab = new QWidget;
    auto *splitter = new QSplitter;
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({900, 260});
    auto *graphLayout = new QVBoxLayout(graphTab);
    graphLayout->setContentsMargins(0, 0, 0, 0);
    graphLayout->addWidget(buildToolbar());
    graphLayout->addWidget(splitter, 1);
    graphLayout->addWidget(legend);
    m_tabs->addTab(graphTab, tr("Graph"));
    m_tabs->addTab(buildTableTab(), tr("Table"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    showDetails(-1);
}

QWidget *GraphPage::buildToolbar() {
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Find a table or view…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (find(m_search->text()) == 0)
            m_status->setText(tr("Nothing called \"%1\" in the graph.").arg(m_search->text()));
    });
    row->addWidget(m_search, 1);
    auto button = [row](const QString &text, const QString &tip, auto &&slot, QObject *context) {
        auto *b = new QPushButton(text);
        b->setToolTip(tip);
        QObject::connect(b, &QPushButton::clicked, context, slot);
        row->addWidget(b);
        return b;
    };
    button(tr("Fit"), tr("Show the whole graph"), [this] { m_view->fit(); }, this);
    button(tr("+"), tr("Zoom in (or the mouse wheel)"), [this] { m_view->zoomBy(1.25); }, this);
    button(tr("−"), tr("Zoom out"), [this] { m_view->zoomBy(0.8); }, this);
    button(tr("Reload"), tr("Read the catalog again"), [this] { reload(); }, this);
    button(tr("Export…"), tr("Save the drawing as PNG or SVG"), [this] { askExport(); }, this);
    return bar;
}

QWidget *GraphPage::buildTableTab() {
    auto *tab = new QWidget;
    m_edges->setHorizontalHeaderLabels({tr("From"), tr("From kind"), tr("Edge"), tr("To"), tr("To kind"), tr("To state")});
    m_proxy->setSourceModel(m_edges);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *filter = new QLineEdit;
    filter->setPlaceholderText(tr("Filter edges (name, kind, state…)"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *exportButton = new QPushButton(tr("Export CSV…"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (const QString e = saveCsvAs(this, tr("Export graph"), QStringLiteral("graph.csv"), csvFromModel(*m_proxy)); !e.isEmpty())
            m_status->setText(e);
    });
    // Chains from the list: pick two views, or select a chain edge to remove it.
    m_chainFrom = new QComboBox;
    m_chainTo = new QComboBox;
    auto *add = new QPushButton(tr("Add chain"));
    connect(add, &QPushButton::clicked, this,
            [this] { addChain(m_chainFrom->currentData().toInt(), m_chainTo->currentData().toInt()); });
    auto *remove = new QPushButton(tr("Remove selected chain"));
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
        if (!current.isValid() || m_edges->item(current.row(), 2)->text() != QLatin1String("chain")) {
            m_status->setText(tr("Select a chain edge in the table first."));
            return;
        }
        removeChain(m_edges->item(current.row(), 0)->data().toInt(), m_edges->item(current.row(), 3)->data().toInt());
    });
    auto *top = new QHBoxLayout;
    top->addWidget(filter, 1);
    top->addWidget(exportButton);
    auto *chains = new QHBoxLayout;
    chains->addWidget(new QLabel(tr("Refresh")));
    chains->addWidget(m_chainTo, 1);
    chains->addWidget(new QLabel(tr("after")));
    chains->addWidget(m_chainFrom, 1);
    chains->addWidget(add);
    chains->addWidget(remove);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(chains);
    return tab;
}

void GraphPage::reload() {
    if (!session() || m_inFlight)
        return;
    m_inFlight = true;
    if (!m_probed)
        session()->query(kProbeTag, QStringLiteral("select to_regclass('pgauto_mv.mv_status') is not null"));
    else
        session()->query(kCatalogTag, resourceSql(QStringLiteral("dependency-graph.sql")));
}

void GraphPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == kProbeTag) {
        m_probed = true;
        m_hasAutoMv = result.rows.value(0).value(0).toString() == QLatin1String("t");
        session()->query(kCatalogTag, resourceSql(QStringLiteral("dependency-graph.sql")));
    } else if (tag == kCatalogTag) {
        m_pendingCatalog = result;
        if (m_hasAutoMv) {
            session()->query(kAutoMvTag, resourceSql(QStringLiteral("dependency-graph-auto-mv.sql")));
            return;
        }
        m_inFlight = false;
        showGraph(buildGraph(m_pendingCatalog, nullptr));
    } else if (tag == kAutoMvTag) {
        m_inFlight = false;
        showGraph(buildGraph(m_pendingCatalog, &result));
    } else if (tag == kChainTag) {
        m_lastAction = m_pendingAction;   // only now: the server has done it
        m_status->setText(m_lastAction);
        m_probed = false;   // pg_auto_mv may have been installed meanwhile; read everything again
        reload();
    }
}

void GraphPage::onError(const QString &tag, const QString &message) {
    if (tag == kChainTag) {
        // Stays the last word until the next action: the periodic refresh repeats it.
        m_lastAction = tr("Not changed: %1").arg(message.trimmed());
        m_status->setText(m_lastAction);
        return;
    }
    if (tag == kProbeTag || tag == kCatalogTag || tag == kAutoMvTag) {
        m_inFlight = false;
        m_status->setText(tr("Cannot read the graph: %1").arg(message.trimmed()));
    }
}

void GraphPage::showGraph(const graph::DependencyGraph &g) {
    const int selected = m_scene->selectedNode();
    const std::int64_t selectedOid = selected >= 0 ? m_scene->dependencyGraph().nodes()[std::size_t(selected)].oid : 0;
    if (!m_firstLayout && g.sameStructure(m_scene->dependencyGraph())) {
        m_scene->updateStates(g);   // the usual case: only states changed, nothing moves
    } else {
        QElapsedTimer timer;
        timer.start();
        m_scene->setGraph(g);
        if (const auto again = g.indexOf(selectedOid); again && selectedOid != 0)
            m_scene->selectNode(int(*again));
        if (m_firstLayout)
            m_view->fit();
        m_firstLayout = false;
        m_lastAction = tr("%1 nodes, %2 edges laid out in %3 ms").arg(g.nodes().size()).arg(g.edges().size()).arg(timer.elapsed());
    }
    fillTable();
    showDetails(m_scene->selectedNode());
    m_status->setText(tr("Updated at %1 — %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), m_lastAction));
}

void GraphPage::fillTable() {
    const auto &g = m_scene->dependencyGraph();
    m_edges->setRowCount(0);
    for (const auto &e : g.edges()) {
        const auto &from = g.nodes()[e.from], &to = g.nodes()[e.to];
        QList<QStandardItem *> row{new QStandardItem(QString::fromStdString(from.label())),
                                   new QStandardItem(QString::fromLatin1(graph::toString(from.kind))),
                                   new QStandardItem(QString::fromLatin1(graph::toString(e.kind))),
                                   new QStandardItem(QString::fromStdString(to.label())),
                                   new QStandardItem(QString::fromLatin1(graph::toString(to.kind))),
                                   new QStandardItem(QString::fromLatin1(graph::toString(to.state)))};
        row[0]->setData(int(e.from));
        row[3]->setData(int(e.to));
        m_edges->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    const QString from = m_chainFrom->currentText(), to = m_chainTo->currentText();
    m_chainFrom->clear();
    m_chainTo->clear();
    for (std::size_t i = 0; i < g.nodes().size(); ++i)
        if (g.nodes()[i].kind == graph::NodeKind::MaterializedView && g.nodes()[i].state != graph::MvState::Unregistered) {
            m_chainFrom->addItem(QString::fromStdString(g.nodes()[i].label()), int(i));
            m_chainTo->addItem(QString::fromStdString(g.nodes()[i].label()), int(i));
        }
    m_chainFrom->setCurrentText(from);
    m_chainTo->setCurrentText(to);
}

void GraphPage::showDetails(int node) {
    const auto &g = m_scene->dependencyGraph();
    if (node < 0 || std::size_t(node) >= g.nodes().size()) {
        m_details->setText(tr("Select a box to see what it reads and what reads it. Double-click a materialised "
                              "view to edit its registration; Shift-drag from one view to another to chain them."));
        return;
    }
    const auto &n = g.nodes()[std::size_t(node)];
    auto names = [&g](const std::vector<std::size_t> &indices) {
        QStringList out;
        for (auto i : indices)
            out << QString::fromStdString(g.nodes()[i].label()).toHtmlEscaped();
        return out.isEmpty() ? tr("(none)") : out.join(QStringLiteral("<br>"));
    };
    QString text = QStringLiteral("<b>%1</b><br>%2").arg(QString::fromStdString(n.label()).toHtmlEscaped(),
                                                        QString::fromLatin1(graph::toString(n.kind)));
    if (n.kind == graph::NodeKind::MaterializedView)
        text += tr(", %1").arg(QString::fromLatin1(graph::toString(n.state)));
    text += tr("<p><b>Upstream</b><br>%1</p><p><b>Downstream</b><br>%2</p>")
                .arg(names(g.upstreamOf(std::size_t(node))), names(g.downstreamOf(std::size_t(node))));
    m_details->setText(text);
}

QString GraphPage::statusText() const { return m_status->text(); }
QString GraphPage::detailsText() const { return m_details->text(); }

int GraphPage::find(const QString &text) {
    const auto matches = m_scene->dependencyGraph().search(text.toStdString());
    if (!matches.empty()) {
        m_scene->selectNode(int(matches.front()));
        m_view->centreOn(int(matches.front()));
    }
    return int(matches.size());
}

void GraphPage::addChain(int upstream, int downstream) { chainAction(QStringLiteral("add_chain"), upstream, downstream); }
void GraphPage::removeChain(int upstream, int downstream) { chainAction(QStringLiteral("remove_chain"), upstream, downstream); }

void GraphPage::chainAction(const QString &function, int upstream, int downstream) {
    const auto &g = m_scene->dependencyGraph();
    if (!session() || upstream < 0 || downstream < 0 || std::size_t(std::max(upstream, downstream)) >= g.nodes().size())
        return;
    const auto &up = g.nodes()[std::size_t(upstream)], &down = g.nodes()[std::size_t(downstream)];
    m_pendingAction = function == QLatin1String("add_chain")
                       ? tr("%1 now refreshes after %2.").arg(QString::fromStdString(down.label()), QString::fromStdString(up.label()))
                       : tr("Chain %1 → %2 removed.").arg(QString::fromStdString(up.label()), QString::fromStdString(down.label()));
    // The server names both views from their OIDs: no identifier is quoted on this side.
    const QString name = QStringLiteral("(select format('%I.%I', n.nspname, c.relname) from pg_catalog.pg_class c"
                                        " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.oid = %1::oid)");
    session()->action(kChainTag,
                     QStringLiteral("select pgauto_mv.%1(%2, %3)").arg(function, name.arg(QStringLiteral("$1")), name.arg(QStringLiteral("$2"))),
                     {QVariant::fromValue(up.oid), QVariant::fromValue(down.oid)});
}

bool GraphPage::exportPng(const QString &path) const {
    const QRectF area = m_scene->sceneRect();
    QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(), area);
    painter.end();
    return image.save(path, "PNG");
}

bool GraphPage::exportSvg(const QString &path) const {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(m_scene->toSvg().toUtf8()) >= 0 && file.commit();
}

void GraphPage::askExport() {
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), QStringLiteral("mv-graph.svg"),
                                                      tr("SVG drawing (*.svg);;PNG image (*.png)"), &filter);
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? exportPng(path) : exportSvg(path);
    m_status->setText(ok ? tr("Saved %1.").arg(path) : tr("Could not write %1.").arg(path));
}

void GraphPage::sessionChanged() {
    m_inFlight = false;
    m_probed = false;
    m_firstLayout = true;
    if (!session())
        m_status->setText(tr("Not connected."));
}

} // namespace automv::ui
