#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace automv::ui {

class DatabaseSession;
class LocalDemo;

/// The welcome / overview page: how to connect, what happened last, and the local demo —
/// "Start local demo" (a private cluster with the demo schema) and, once connected to it,
/// "Generate orders" (one order every 250 ms through the demo's session).
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setMessage(const QString &html);
    /// The window connected to the demo: show so, and let the load generator write through `session`.
    void demoConnected(const QString &description, DatabaseSession *session);
    /// The demo's tab was closed: its server keeps running; the button opens it again.
    void demoClosed();
    /// Stops the local demo's server off the UI thread; demoStopped() follows. False when
    /// there is nothing to stop.
    bool stopDemo();

public slots:
    void startDemo();

signals:
    /// The demo's cluster is up: open this database.
    void demoReady(const QString &conninfo);
    void demoStopped();

private:
    QLabel *m_text;
    QPushButton *m_demoButton;
    QPushButton *m_loadButton;
    QTimer *m_loadTimer;
    LocalDemo *m_demo = nullptr;
    QPointer<DatabaseSession> m_demoSession;   ///< gone when the demo's tab is closed
};

} // namespace automv::ui
