#include "ui/common/SessionPage.h"

#include "ui/session/DatabaseSession.h"

#include <QTimer>

namespace automv::ui {

SessionPage::SessionPage(int pollMs, QWidget *parent) : QWidget(parent) {
    if (pollMs > 0) {
        m_timer = new QTimer(this);
        m_timer->setInterval(pollMs);
        connect(m_timer, &QTimer::timeout, this, [this] { polled(); });
    }
}

void SessionPage::setSession(DatabaseSession *session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    sessionChanged();
    if (!m_session)
        return;
    connect(m_session, &DatabaseSession::queryFinished, this,
            [this](const QString &tag, const QueryResult &result) { onResult(tag, result); });
    connect(m_session, &DatabaseSession::queryFailed, this,
            [this](const QString &tag, const QString &message) { onError(tag, message); });
    if (isVisible())
        shown();
}

bool SessionPage::polling() const { return m_timer && m_timer->isActive(); }

void SessionPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_timer)
        m_timer->start();
    if (m_session)
        shown();
}

void SessionPage::hideEvent(QHideEvent *event) {
    if (m_timer)
        m_timer->stop();   // poll only while the page is visible
    QWidget::hideEvent(event);
}

} // namespace automv::ui
