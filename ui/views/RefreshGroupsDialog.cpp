#include "ui/views/RefreshGroupsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace automv::ui {

namespace {
constexpr int kViewRole = Qt::UserRole;   ///< the view's name as the server takes it
}

RefreshGroupsDialog::RefreshGroupsDialog(const QList<Group> &groups, const QStringList &views, const QString &focusView,
                                         QWidget *parent)
    : SubmittingDialog(parent), m_groups(groups) {
    setWindowTitle(tr("Refresh groups"));
    m_group = new QComboBox;
    m_group->setObjectName(QStringLiteral("group"));
    for (const Group &group : groups)
        m_group->addItem(group.name, group.name);
    m_group->addItem(tr("New group…"), QString());
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. sales_reports"));
    m_views = new QListWidget;
    m_views->setObjectName(QStringLiteral("views"));
    for (const QString &view : views) {
        auto *item = new QListWidgetItem(view, m_views);
        item->setData(kViewRole, view);
    }
    auto *about = new QLabel(tr("The views of a group refresh together, in one transaction, whenever one of them "
                                "refreshes: readers never see them disagree. Each view keeps its own watches and timing; "
                                "a view is in one group at most."));
    about->setWordWrap(true);

    auto *message = new QLabel;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save group"));
    m_drop = buttons->addButton(tr("&Drop group…"), QDialogButtonBox::DestructiveRole);
    m_drop->setObjectName(QStringLiteral("dropGroup"));
    connect(m_drop, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Drop refresh group"),
                                  tr("Drop group %1? Its views refresh alone again; the views themselves are not changed.")
                                      .arg(groupName()))
            == QMessageBox::Yes)
            drop();
    });
    setUpSubmission(message, buttons);

    auto *form = new QFormLayout;
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("&Views in the group:")));
    layout->addWidget(m_views, 1);
    layout->addWidget(message);
    layout->addWidget(buttons);
    static_cast<QLabel *>(layout->itemAt(2)->widget())->setBuddy(m_views);

    // The group of the view the page had selected, else a new group with that view ticked.
    int start = m_group->count() - 1;
    for (int i = 0; i < groups.size(); ++i)
        if (groups[i].views.contains(focusView))
            start = i;
    m_group->setCurrentIndex(start);
    connect(m_group, &QComboBox::currentIndexChanged, this, &RefreshGroupsDialog::showGroup);
    showGroup();
    if (isNewGroup())
        for (int row = 0; row < m_views->count(); ++row)
            if (m_views->item(row)->data(kViewRole).toString() == focusView && (m_views->item(row)->flags() & Qt::ItemIsEnabled))
                m_views->item(row)->setCheckState(Qt::Checked);
    resize(520, 480);
}

// Ticks the chosen group's views; views of other groups are shown but cannot be ticked.
void RefreshGroupsDialog::showGroup() {
    const QString current = m_group->currentData().toString();
    m_name->setEnabled(current.isEmpty());
    m_name->setText(current);
    m_drop->setEnabled(!current.isEmpty());
    for (int row = 0; row < m_views->count(); ++row) {
        QListWidgetItem *item = m_views->item(row);
        const QString view = item->data(kViewRole).toString();
        QString other;
        bool member = false;
        for (const Group &group : m_groups) {
            if (!group.views.contains(view))
                continue;
            if (group.name == current)
                member = true;
            else
                other = group.name;
        }
        item->setText(other.isEmpty() ? view : tr("%1 (in group %2)").arg(view, other));
        item->setFlags(other.isEmpty() ? Qt::ItemIsUserCheckable | Qt::ItemIsEnabled : Qt::NoItemFlags);
        item->setToolTip(other.isEmpty() ? QString() : tr("Take it out of group %1 first: a view is in one group at most.").arg(other));
        item->setCheckState(member ? Qt::Checked : Qt::Unchecked);
    }
}

bool RefreshGroupsDialog::isNewGroup() const { return m_group->currentData().toString().isEmpty(); }
QString RefreshGroupsDialog::groupName() const { return m_name->text().trimmed(); }

QStringList RefreshGroupsDialog::checkedViews() const {
    QStringList checked;
    for (int row = 0; row < m_views->count(); ++row)
        if (m_views->item(row)->checkState() == Qt::Checked)
            checked << m_views->item(row)->data(kViewRole).toString();
    return checked;
}

QString RefreshGroupsDialog::problem() const {
    if (m_dropping)
        return {};
    if (groupName().isEmpty())
        return tr("Name the new group.");
    if (isNewGroup())
        for (const Group &group : m_groups)
            if (group.name == groupName())
                return tr("A group named %1 exists already: choose it above to change it.").arg(groupName());
    if (checkedViews().size() < 2)
        return tr("Tick at least two views: a group refreshes its views together.");
    return {};
}

QString RefreshGroupsDialog::sql() const {
    if (m_dropping)
        return QStringLiteral("select pgauto_mv.drop_refresh_group($1)");
    return QStringLiteral("select pgauto_mv.%1($1, array(select jsonb_array_elements_text($2::jsonb)))")
        .arg(isNewGroup() ? QStringLiteral("create_refresh_group") : QStringLiteral("alter_refresh_group"));
}

QVariantList RefreshGroupsDialog::params() const {
    if (m_dropping)
        return {groupName()};
    return {groupName(), QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(checkedViews())).toJson(QJsonDocument::Compact))};
}

QString RefreshGroupsDialog::doneText() const {
    if (m_dropping)
        return tr("Refresh group %1 dropped; its views refresh alone again.").arg(groupName());
    return tr("Refresh group %1: %2 refresh together.").arg(groupName(), checkedViews().join(QStringLiteral(", ")));
}

void RefreshGroupsDialog::drop() {
    m_dropping = true;
    accept();   // with a submitter: sends the drop (submit())
}

void RefreshGroupsDialog::submit() {
    m_submitter(*this);   // takes the call and what to say when it is done
    m_dropping = false;   // refused: the next OK saves again
}

QString RefreshGroupsDialog::busyText() const { return m_dropping ? tr("Dropping…") : tr("Saving…"); }

} // namespace automv::ui
