#include "ui/problems/ProblemsPage.h"

#include "ui/problems/ProblemsModel.h"
#include "ui/session/DatabaseSession.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTime>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr auto kProbeTag = "problems.probe";
constexpr auto kListTag = "problems.list";
constexpr auto kFixTag = "problems.fix";
constexpr int kBackgroundMs = 5000;   ///< how often the count is read while the page is hidden
} // namespace

ProblemsPage::ProblemsPage(QWidget *parent)
    : SessionPage(5000, parent), m_background(new QTimer(this)), m_model(new ProblemsModel(this)), m_tree(new QTreeView), m_summary(new QLabel),
      m_detail(new QLabel), m_sql(new QPlainTextEdit), m_fixButton(new QPushButton(tr("&Fix"))),
      m_copyButton(new QPushButton(tr("&Copy SQL"))), m_status(new QLabel(tr("Not connected."))) {
    setObjectName(QStringLiteral("problemsPage"));
    // The count in the navigation stays current while another page is shown (it used to
    // update only while this page was visible, and said 2 while there were 4).
    m_background->setInterval(kBackgroundMs);
    connect(m_background, &QTimer::timeout, this, [this] {
        if (!isVisible())
            reload();
    });
    m_tree->setObjectName(QStringLiteral("problemsTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    connect(m_model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ProblemsPage::showSelected);

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sql->setReadOnly(true);
    m_sql->setObjectName(QStringLiteral("fixSql"));
    m_sql->setMaximumHeight(90);
    m_sql->setFont(QFont(QStringLiteral("monospace")));
    m_fixButton->setObjectName(QStringLiteral("fixButton"));
    m_fixButton->setEnabled(false);
    m_copyButton->setEnabled(false);
    connect(m_fixButton, &QPushButton::clicked, this, [this] { fixSelected(true); });
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_sql->toPlainText()); });
    auto *reloadButton = new QPushButton(tr("&Reload"));
    connect(reloadButton, &QPushButton::clicked, this, &ProblemsPage::reload);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(reloadButton);
    auto *details = new QWidget;
    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_sql);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fixButton);
    buttons->addWidget(m_copyButton);
    buttons->addStretch();
    detailLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tree);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    showSelected();
}

QString ProblemsPage::statusText() const { return m_status->text(); }

void ProblemsPage::reload() {
    if (!session() || m_inFlight)
        return;
    m_inFlight = true;
    session()->query(QString::fromLatin1(kProbeTag),
                     QStringLiteral("select to_regprocedure('pgauto_mv.get_mv_problems()') is not null"));
}

void ProblemsPage::onResult(const QString &tag, const QueryResult &result) {
    if (tag == QLatin1String(kProbeTag)) {
        if (result.rows.value(0).value(0).toString() != QLatin1String("t")) {
            m_inFlight = false;
            m_model->setProblems({});
            m_summary->setText(tr("pg_auto_mv is not installed in this database: install it on the Install page."));
            return;
        }
        session()->query(QString::fromLatin1(kListTag),
                         QStringLiteral("select severity, mv, code, detail, fix from pgauto_mv.get_mv_problems()"));
        return;
    }
    if (tag == QLatin1String(kListTag)) {
        m_inFlight = false;
        const QString selectedCode = [this] {
            const auto *p = m_model->problemAt(m_tree->currentIndex());
            return p ? p->code + '\n' + p->mv : QString();
        }();
        m_model->setProblems(result);
        // Keep the selection across reloads when the problem is still there.
        for (int g = 0; g < m_model->rowCount() && !selectedCode.isEmpty(); ++g)
            for (int r = 0; r < m_model->rowCount(m_model->index(g, 0)); ++r) {
                const QModelIndex child = m_model->index(r, 0, m_model->index(g, 0));
                const auto *p = m_model->problemAt(child);
                if (p && p->code + '\n' + p->mv == selectedCode)
                    m_tree->setCurrentIndex(child);
            }
        m_tree->resizeColumnToContents(ProblemsModel::View);
        m_tree->resizeColumnToContents(ProblemsModel::Code);
        showSelected();
        const int total = m_model->problemCount();
        m_summary->setText(total == 0 ? tr("No problems: every registered view refreshes as configured.")
                                      : QStringList{tr("%n error(s)", nullptr, m_model->count(QStringLiteral("error"))),
                                                    tr("%n warning(s)", nullptr, m_model->count(QStringLiteral("warning"))),
                                                    tr("%n for information", nullptr, m_model->count(QStringLiteral("info")))}
                                            .join(QStringLiteral(", ")));
        QString status = tr("Checked at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
        if (!m_lastAction.isEmpty())
            status += QStringLiteral(" — ") + m_lastAction;
        m_status->setText(status);
        emit problemsCounted(total, m_model->count(QStringLiteral("error")));
        return;
    }
    if (tag == QLatin1String(kFixTag)) {
        m_lastAction = m_fixing;
        m_status->setText(m_lastAction);
        reload();
    }
}

void ProblemsPage::onError(const QString &tag, const QString &message) {
    if (tag == QLatin1String(kProbeTag) || tag == QLatin1String(kListTag)) {
        m_inFlight = false;
        m_status->setText(tr("Cannot list the problems: %1").arg(message.trimmed()));
    } else if (tag == QLatin1String(kFixTag)) {
        m_lastAction = tr("The fix failed, nothing was changed: %1").arg(message.trimmed());
        m_status->setText(m_lastAction);
        reload();
    }
}

bool ProblemsPage::selectProblem(const QString &code) {
    for (int g = 0; g < m_model->rowCount(); ++g)
        for (int r = 0; r < m_model->rowCount(m_model->index(g, 0)); ++r) {
            const QModelIndex child = m_model->index(r, 0, m_model->index(g, 0));
            if (const auto *p = m_model->problemAt(child); p && p->code == code) {
                m_tree->setCurrentIndex(child);
                return true;
            }
        }
    return false;
}

ProblemFix ProblemsPage::selectedFix() const {
    const auto *p = m_model->problemAt(m_tree->currentIndex());
    return p ? ProblemFix::forProblem(p->code, p->mv) : ProblemFix{};
}

void ProblemsPage::showSelected() {
    const auto *p = m_model->problemAt(m_tree->currentIndex());
    if (!p) {
        m_detail->setText(tr("Select a problem to see what is wrong and how to fix it."));
        m_sql->clear();
        m_fixButton->setEnabled(false);
        m_copyButton->setEnabled(false);
        return;
    }
    const ProblemFix fix = ProblemFix::forProblem(p->code, p->mv);
    m_detail->setText(tr("<b>%1</b> — %2").arg(p->mv.isEmpty() ? tr("the database") : p->mv.toHtmlEscaped(),
                                                p->detail.toHtmlEscaped()));
    m_sql->setPlainText(p->fix);
    m_fixButton->setText(fix.label);
    m_fixButton->setEnabled(fix.oneClick && session());
    m_copyButton->setEnabled(!p->fix.isEmpty());
}

void ProblemsPage::fixSelected(bool confirm) {
    const auto *p = m_model->problemAt(m_tree->currentIndex());
    if (!p || !session())
        return;
    const ProblemFix fix = ProblemFix::forProblem(p->code, p->mv);
    if (!fix.oneClick)
        return;
    if (confirm && fix.confirm
        && QMessageBox::question(this, tr("Fix"),
                                 tr("%1\n\nsync_mv() forgets registrations and watches whose objects were dropped. Go on?")
                                     .arg(p->detail))
               != QMessageBox::Yes)
        return;
    m_fixing = tr("Fixed %1 (%2).").arg(p->code, fix.label);
    m_status->setText(tr("Fixing…"));
    session()->action(QString::fromLatin1(kFixTag), fix.sql, fix.params);
}

void ProblemsPage::sessionChanged() {
    m_inFlight = false;
    if (!session()) {
        m_background->stop();
        m_status->setText(tr("Not connected."));
        return;
    }
    m_background->start();
    QTimer::singleShot(0, this, [this] {   // counted at once, not only when first shown
        if (!isVisible())
            reload();
    });
}

} // namespace automv::ui
