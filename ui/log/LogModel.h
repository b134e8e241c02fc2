#pragma once

#include "ui/log/LogQuery.h"
#include "ui/session/QueryResult.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace automv::ui {

/// The rows the Log page has loaded from both logs, with a keyset cursor per log: the lowest id
/// it has (to page back from) and the highest (to tail from). Rows arrive in pages and are never
/// loaded twice; past maxRows() the oldest are let go (and can be paged back in). Rows are kept
/// newest first, so the default view needs no sorting.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Log, Subject, Kind, Outcome, Source, Mode, Duration, Attempt, SqlState, EventId, Message,
                  ColumnCount };
    struct Row {
        LogOrigin origin;
        qint64 id = 0;
        QDateTime at;
        QString subject, kind, outcome, source, mode, sqlstate, message;
        QVariant durationMs, attempt, eventId;
    };
    struct Cursor {
        qint64 lowest = 0;    ///< 0: nothing loaded yet
        qint64 highest = 0;
        bool exhausted = false;   ///< paging back found nothing older
    };

    explicit LogModel(QObject *parent = nullptr);

    void clear();
    /// Adds a page read backwards (newest() / before()); marks the log exhausted when the page
    /// came back shorter than `limit`.
    void addOlder(LogOrigin origin, const QueryResult &result, int limit);
    /// Adds rows read forwards from the highest id (after()).
    void addNewer(LogOrigin origin, const QueryResult &result);
    const Cursor &cursor(LogOrigin origin) const;
    const Row &row(int index) const { return m_rows.at(index); }
    static int maxRows() { return 200000; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QList<Row> parse(LogOrigin origin, const QueryResult &result);
    void note(LogOrigin origin, const QList<Row> &rows);
    void insertSorted(QList<Row> rows);
    void trim();

    QList<Row> m_rows;   ///< newest first (by time, then origin, then id)
    Cursor m_cursor[2];
};

} // namespace automv::ui
