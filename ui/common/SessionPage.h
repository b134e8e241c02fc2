#pragma once

#include <QWidget>

class QTimer;

namespace automv::ui {

class DatabaseSession;
struct QueryResult;

/// A page that reads one database through the tab's shared DatabaseSession: it holds the
/// session, hears the answers (each page tags its queries and ignores the others'), and polls
/// on a timer only while it is visible. Pages fill in reload(), onResult() and onError().
class SessionPage : public QWidget {
    Q_OBJECT
public:
    /// The session to read from (not owned); nullptr when disconnected.
    void setSession(DatabaseSession *session);
    DatabaseSession *session() const { return m_session; }
    /// Reads what the page shows (again).
    virtual void reload() = 0;

protected:
    /// `pollMs`: how often polled() runs while the page is visible (0: never).
    explicit SessionPage(int pollMs, QWidget *parent = nullptr);

    virtual void onResult(const QString &tag, const QueryResult &result) = 0;
    virtual void onError(const QString &tag, const QString &message) = 0;
    /// The session changed (session() is the new one, maybe nullptr): forget the old one's state.
    virtual void sessionChanged() {}
    /// The page became visible, or got a session while visible (default: reload()).
    virtual void shown() { reload(); }
    /// A poll tick while visible (default: reload()).
    virtual void polled() { reload(); }
    /// Whether the poll timer runs now (for status texts).
    bool polling() const;

    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    DatabaseSession *m_session = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace automv::ui
