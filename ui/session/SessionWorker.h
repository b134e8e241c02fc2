#pragma once

#include "core/pg/PgConnection.h"
#include "ui/session/QueryResult.h"

#include <QObject>
#include <QString>

#include <optional>

namespace automv::ui {

/// Lives on a DatabaseSession's private thread and owns that thread's one libpq connection.
/// Every slot runs off the UI thread; results go back through queued signals only.
class SessionWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

public slots:
    void open(const QString &conninfo);
    void close();
    /// Runs one statement with its parameters ($1, $2, ...; a null QVariant is SQL NULL);
    /// `tag` comes back with the answer.
    void query(const QString &tag, const QString &sql, const QVariantList &params);

    /// Runs a trusted multi-statement script (the bundled install scripts).
    void script(const QString &tag, const QString &sql);

signals:
    void queryFinished(const QString &tag, const automv::ui::QueryResult &result);
    void queryFailed(const QString &tag, const QString &message);
    void opened(const QString &description, int serverVersion);
    void openFailed(const QString &message);
    void closed();

private:
    std::optional<pg::PgConnection> m_connection;
};

} // namespace automv::ui
