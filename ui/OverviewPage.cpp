#include "ui/OverviewPage.h"

#include "ui/demo/LocalDemo.h"
#include "ui/session/DatabaseSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace automv::ui {

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent), m_text(new QLabel), m_demoButton(new QPushButton(tr("Start local &demo"))),
      m_loadButton(new QPushButton(tr("&Generate orders"))), m_loadTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("overviewPage"));
    m_text->setText(
        tr("No database is connected. Add one with <b>Connection → New connection…</b>, start the "
           "console with a connection string, for example "
           "<tt>automv-console \"host=db.example.com dbname=sales user=dba\"</tt>, or set the "
           "PG* environment variables. New here? <b>Start local demo</b> runs a private PostgreSQL "
           "with sample views that refresh themselves."));
    m_text->setObjectName(QStringLiteral("overviewText"));
    m_text->setTextFormat(Qt::RichText);   // messages are HTML with escaped values, even without a tag
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->setToolTip(tr("Starts a private PostgreSQL in %1 with a demo schema (orders → daily → weekly, "
                                "month to date), both extensions and the embedded processor, and connects to it.")
                                 .arg(LocalDemo::defaultDirectory()));
    connect(m_demoButton, &QPushButton::clicked, this, &OverviewPage::startDemo);
    m_loadButton->setObjectName(QStringLiteral("loadButton"));
    m_loadButton->setCheckable(true);
    m_loadButton->setVisible(false);
    m_loadTimer->setInterval(250);
    connect(m_loadTimer, &QTimer::timeout, this, [this] {
        if (!m_demoSession) {   // the demo's tab was closed
            m_loadButton->setChecked(false);
            m_loadButton->setVisible(false);
            return;
        }
        m_demoSession->query(QStringLiteral("demo.load"),
                             QStringLiteral("insert into public.orders (customer, amount)"
                                            " values ('customer ' || (random() * 40)::int, round((1 + random() * 199)::numeric, 2))"));
    });
    connect(m_loadButton, &QPushButton::toggled, this, [this](bool on) { on ? m_loadTimer->start() : m_loadTimer->stop(); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_demoButton);
    buttons->addWidget(m_loadButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>pg_auto_mv console</h2>")));
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    layout->addStretch();
}

void OverviewPage::setMessage(const QString &html) { m_text->setText(html); }

void OverviewPage::startDemo() {
    if (!m_demo) {
        m_demo = new LocalDemo(QString(), this);
        connect(m_demo, &LocalDemo::progress, this, [this](const QString &message) { m_text->setText(message); });
        connect(m_demo, &LocalDemo::failed, this, [this](const QString &message) {
            m_demoButton->setEnabled(true);
            m_text->setText(tr("The local demo could not start: %1").arg(message.toHtmlEscaped()));
        });
        connect(m_demo, &LocalDemo::ready, this, &OverviewPage::demoReady);
    }
    m_demoButton->setEnabled(false);
    m_text->setText(tr("Starting the local demo…"));
    m_demo->start();
}

bool OverviewPage::stopDemo() {
    if (!m_demo || !m_demo->isRunning())
        return false;
    connect(m_demo, &LocalDemo::stopped, this, &OverviewPage::demoStopped, Qt::UniqueConnection);
    m_demo->stopAsync();
    return true;
}

void OverviewPage::demoClosed() {
    m_demoSession = nullptr;
    m_loadButton->setChecked(false);
    m_loadButton->setVisible(false);
    m_demoButton->setEnabled(true);
    m_demoButton->setText(tr("Open the local &demo again"));
    m_text->setText(tr("The local demo's tab was closed. Its server keeps running until the console quits; "
                       "<b>Open the local demo again</b> reconnects to it."));
}

void OverviewPage::demoConnected(const QString &description, DatabaseSession *session) {
    m_demoSession = session;
    m_loadButton->setVisible(true);
    m_text->setText(tr("Connected to the local demo (%1). The embedded processor is running: press "
                       "<b>Generate orders</b> and watch the views refresh on the Views page.")
                        .arg(description.toHtmlEscaped()));
}

} // namespace automv::ui
