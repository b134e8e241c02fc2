#include "ui/connections/ConnectionDialog.h"

#include "core/pg/ConnInfo.h"
#include "ui/session/DatabaseSession.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace automv::ui {

ConnectionDialog::ConnectionDialog(const ConnectionProfile &profile, QWidget *parent)
    : QDialog(parent), m_id(profile.id), m_color(profile.color) {
    setWindowTitle(profile.name.isEmpty() ? tr("New connection") : tr("Connection — %1").arg(profile.name));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(profile.name);
    m_host = new QLineEdit(profile.host);
    m_host->setPlaceholderText(tr("host name, IP address or unix socket directory"));
    m_port = new QSpinBox;
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (service, PGPORT or 5432)"));
    m_port->setValue(profile.port);
    m_database = new QLineEdit(profile.database);
    m_user = new QLineEdit(profile.user);
    m_name->setObjectName(QStringLiteral("name"));
    m_host->setObjectName(QStringLiteral("host"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: use ~/.pgpass or PGPASSWORD"));
    m_savePassword = new QCheckBox(tr("Save the password in the system keychain"));
    m_sslMode = new QComboBox;
    m_sslMode->addItem(tr("libpq default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(profile.sslMode)));
    m_sslCert = new QLineEdit(profile.sslCert);
    m_sslKey = new QLineEdit(profile.sslKey);
    m_sslRootCert = new QLineEdit(profile.sslRootCert);
    m_service = new QLineEdit(profile.service);
    m_service->setPlaceholderText(tr("entry of pg_service.conf (optional)"));
    m_applicationName = new QLineEdit(profile.applicationName);
    m_colorButton = new QPushButton(tr("Choose…"));
    connect(m_colorButton, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(m_color.isValid() ? m_color : Qt::white, this, tr("Connection colour"));
        if (chosen.isValid()) {
            m_color = chosen;
            m_colorButton->setStyleSheet(QStringLiteral("background: %1").arg(chosen.name()));
        }
    });
    if (m_color.isValid())
        m_colorButton->setStyleSheet(QStringLiteral("background: %1").arg(m_color.name()));

    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_savePassword);
    form->addRow(tr("&SSL mode:"), m_sslMode);
    form->addRow(tr("Client certificate:"), fileField(m_sslCert));
    form->addRow(tr("Client key:"), fileField(m_sslKey));
    form->addRow(tr("Root certificate:"), fileField(m_sslRootCert));
    form->addRow(tr("S&ervice:"), m_service);
    form->addRow(tr("&Application name:"), m_applicationName);
    form->addRow(tr("&Colour:"), m_colorButton);

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testButton = new QPushButton(tr("&Test connection"));
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->addButton(m_testButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::fileField(QLineEdit *edit) {
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this, edit] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(edit);
    layout->addWidget(browse);
    return row;
}

ConnectionProfile ConnectionDialog::profile() const {
    ConnectionProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.sslMode = m_sslMode->currentData().toString();
    p.sslCert = m_sslCert->text().trimmed();
    p.sslKey = m_sslKey->text().trimmed();
    p.sslRootCert = m_sslRootCert->text().trimmed();
    p.service = m_service->text().trimmed();
    p.applicationName = m_applicationName->text().trimmed();
    p.color = m_color;
    return p;
}

QString ConnectionDialog::password() const { return m_password->text(); }
void ConnectionDialog::setPasswordHint(const QString &hint) { m_password->setPlaceholderText(hint); }
bool ConnectionDialog::savePassword() const { return m_savePassword->isChecked(); }
QString ConnectionDialog::testResult() const { return m_message->text(); }

void ConnectionDialog::accept() {
    const QString problem = profile().validate();
    if (!problem.isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_message->setText(problem);
        return;   // stays open; nothing is saved
    }
    QDialog::accept();
}

void ConnectionDialog::testConnection() {
    const ConnectionProfile p = profile();
    const QString problem = p.validate();
    if (!problem.isEmpty()) {
        m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_message->setText(problem);
        return;
    }
    setBusy(true);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Connecting…"));
    m_testSession = std::make_unique<DatabaseSession>();
    connect(m_testSession.get(), &DatabaseSession::connected, this, [this](const QString &description, int) {
        m_message->setStyleSheet(QStringLiteral("color: #1e8449"));
        m_message->setText(tr("Connected: %1").arg(description));
        setBusy(false);
    });
    connect(m_testSession.get(), &DatabaseSession::connectionFailed, this, [this](const QString &message) {
        m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_message->setText(tr("Could not connect: %1").arg(message.trimmed()));
        setBusy(false);
    });
    auto params = p.params(password());
    params.emplace_back("connect_timeout", "10");
    m_testSession->open(QString::fromStdString(pg::toConninfo(params)));
}

void ConnectionDialog::setBusy(bool busy) {
    m_testButton->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

} // namespace automv::ui
