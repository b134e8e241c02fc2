#pragma once

#include "ui/common/SessionPage.h"
#include "ui/session/QueryResult.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace automv::graph {
class DependencyGraph;
}

namespace automv::ui {

class DatabaseSession;
class GraphScene;
class GraphView;

/// The dependency graph of the database's materialised views: tables, views and MVs from the
/// catalog, "reads from", chain and watch edges, MVs coloured by state and recoloured live
/// (the layout is redone only when the structure changed). Zoom, pan, fit, search, details and
/// upstream/downstream highlight of the selected node, double-click to edit, PNG/SVG export; a
/// table of the same edges for filtering and CSV; chain links added by Shift-dragging from
/// one view to another or from the list, removed from the list (cycles refused, named).
class GraphPage : public SessionPage {
    Q_OBJECT
public:
    explicit GraphPage(QWidget *parent = nullptr);

    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    /// The tabular twin: one row per edge.
    QSortFilterProxyModel *edgeTable() const { return m_proxy; }
    QString statusText() const;
    QString detailsText() const;
    /// Selects and centres the first node whose name contains `text`; returns how many match.
    int find(const QString &text);
    /// Adds / removes the chain link between two nodes (indices in the drawn graph).
    void addChain(int upstream, int downstream);
    void removeChain(int upstream, int downstream);
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;

public slots:
    void reload() override;

signals:
    /// A materialised view was double-clicked: open its register / edit dialog.
    void editRequested(const QString &schema, const QString &name);

private:
    void sessionChanged() override;
    QWidget *buildToolbar();
    QWidget *buildTableTab();
    void onResult(const QString &tag, const QueryResult &result) override;
    void onError(const QString &tag, const QString &message) override;
    void showGraph(const graph::DependencyGraph &graph);
    void fillTable();
    void showDetails(int node);
    void chainAction(const QString &function, int upstream, int downstream);
    void askExport();

    GraphScene *m_scene;
    GraphView *m_view;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QLabel *m_details;
    QLabel *m_status;
    QStandardItemModel *m_edges;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_chainFrom, *m_chainTo;
    QueryResult m_pendingCatalog;   ///< the catalog rows while pg_auto_mv's rows are read
    bool m_inFlight = false, m_probed = false, m_hasAutoMv = false, m_firstLayout = true;
    QString m_lastAction;
    QString m_pendingAction;   ///< what a chain change will have done, said once the server agreed
};

} // namespace automv::ui
