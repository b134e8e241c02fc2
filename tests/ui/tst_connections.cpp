// Connection profiles and password stores: profiles round-trip through QSettings and never carry
// a password; a profile's parameters reach the harness's real server; the keychain store fails
// fast (and says so) where no keychain exists; the in-memory store for tests and sessions.
#include "ui/connections/ConnectionProfile.h"
#include "ui/connections/ConnectionsController.h"
#include "ui/connections/KeychainPasswordStore.h"
#include "ui/connections/MemoryPasswordStore.h"
#include "ui/connections/ProfileStore.h"
#include "ui/session/DatabaseSession.h"
#include "core/pg/ConnInfo.h"
#include "core/pg/PgError.h"
#include "tests/harness/TestCluster.h"

#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using automv::test::TestCluster;
using automv::ui::ConnectionProfile;
using automv::ui::ConnectionsController;
using automv::ui::DatabaseSession;
using automv::ui::KeychainPasswordStore;
using automv::ui::MemoryPasswordStore;
using automv::ui::PasswordStore;
using automv::ui::ProfileStore;

namespace {

/// A keychain that is not there, as on a machine without a Secret Service.
class NoKeychain final : public PasswordStore {
public:
    void read(const QString &, Callback done) override { done(Result{false, true, {}, "no keychain here"}); }
    void write(const QString &, const QString &, Callback done) override { done(Result{false, true, {}, "no keychain here"}); }
    void remove(const QString &, Callback done) override { done(Result{false, true, {}, "no keychain here"}); }
};

} // namespace

class TestConnections : public QObject {
    Q_OBJECT
private slots:
    void profilesRoundTripThroughSettings() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
        ProfileStore store(settings);
        auto prod = ConnectionProfile::create(QStringLiteral("prod \"reporting\" – Zürich"));
        prod.host = "db.example.com";
        prod.port = 6432;
        prod.database = "sales";
        prod.user = "dba";
        prod.sslMode = "verify-full";
        prod.sslRootCert = "/etc/ssl/root.crt";
        prod.color = QColor("#c0392b");
        auto local = ConnectionProfile::create("a local");
        local.service = "localdev";
        store.save(prod);
        store.save(local);
        const auto loaded = ProfileStore(settings).load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded[0], local);   // sorted by name
        QCOMPARE(loaded[1], prod);
        prod.port = 5433;
        store.save(prod);
        QCOMPARE(store.load()[1].port, 5433);
        store.remove(local.id);
        QCOMPARE(store.load().size(), 1);
    }

    void noPasswordEverReachesTheSettingsFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("console.ini");
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings);
            auto profile = ConnectionProfile::create("with a secret");
            profile.host = "localhost";
            MemoryPasswordStore passwords;
            passwords.write(profile.id, "s3cret-Marker-4711", [](const auto &) {});
            store.save(profile);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.isEmpty());
        QVERIFY(!text.contains("s3cret-Marker-4711"));
        QVERIFY(!text.toLower().contains("password"));
    }

    void profileParametersReachTheServer() {
        const auto &cluster = TestCluster::instance();
        auto profile = ConnectionProfile::create("harness");
        profile.host = QString::fromStdString(cluster.host());
        profile.port = cluster.port();
        profile.user = QString::fromStdString(cluster.user());
        profile.database = "postgres";
        QCOMPARE(profile.validate(), QString());
        auto conn = automv::pg::PgConnection::connect(profile.params());
        QCOMPARE(std::string(conn.exec("select current_setting('application_name')").value(0, 0)),
                 std::string("automv-console"));
    }

    void validationSaysWhatIsWrong_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << "name" << "Give the connection a name.";
        QTest::newRow("no host") << "host" << "Enter a host";
        QTest::newRow("bad port") << "port" << "The port must be between 1 and 65535";
        QTest::newRow("bad sslmode") << "sslmode" << "SSL mode must be one of";
    }
    void validationSaysWhatIsWrong() {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        auto profile = ConnectionProfile::create("ok");
        profile.host = "localhost";
        if (field == "name") profile.name = "  ";
        if (field == "host") profile.host.clear();
        if (field == "port") profile.port = 70000;
        if (field == "sslmode") profile.sslMode = "always";
        QVERIFY2(profile.validate().startsWith(expected), qPrintable(profile.validate()));
    }

    // libpq's own files work for profiles: a service-only profile takes host, port, database and
    // user from pg_service.conf, and the password comes from .pgpass (the server asks for one:
    // a private cluster whose pg_hba.conf demands scram-sha-256 for this role).
    void pgServiceConfAndPgpassAreHonoured() {
        automv::test::PrivateCluster server;
        const auto &cluster = server.cluster();
        QVERIFY(demandPassword(cluster, "pgpass_user", "from-pgpass", "pgpass_db"));

        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("from service");
        profile.service = "automv_test";
        QCOMPARE(profile.validate(), QString());
        {
            QFile services(dir.filePath("pg_service.conf"));
            QVERIFY(services.open(QIODevice::WriteOnly));
            services.write(QStringLiteral("[automv_test]\nhost=%1\nport=%2\ndbname=pgpass_db\nuser=pgpass_user\n")
                               .arg(QString::fromStdString(cluster.host()))
                               .arg(cluster.port())
                               .toUtf8());
        }
        qputenv("PGSERVICEFILE", dir.filePath("pg_service.conf").toUtf8());
        qputenv("PGPASSFILE", dir.filePath("no-such-pgpass").toUtf8());
        // Without a password the reloaded server refuses (poll: the reload is asynchronous).
        QString refusal;
        auto refusalPassword = automv::pg::PgError::Password::NotAsked;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                try {
                    automv::pg::PgConnection::connect(profile.params());
                    return false;
                } catch (const automv::pg::PgError &e) {
                    refusal = QString::fromUtf8(e.what());
                    refusalPassword = e.password();
                    return true;
                }
            }(),
            10000);
        QVERIFY2(refusalPassword == automv::pg::PgError::Password::Missing, qPrintable(refusal));

        {
            QFile pgpass(dir.filePath(".pgpass"));
            QVERIFY(pgpass.open(QIODevice::WriteOnly));
            pgpass.write("*:*:pgpass_db:pgpass_user:from-pgpass\n");
            pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);   // libpq ignores a group-readable file
        }
        qputenv("PGPASSFILE", dir.filePath(".pgpass").toUtf8());
        auto conn = automv::pg::PgConnection::connect(profile.params());
        const auto row = conn.exec("select current_database(), current_user, current_setting('port')");
        qunsetenv("PGSERVICEFILE");
        qunsetenv("PGPASSFILE");
        QCOMPARE(std::string(row.value(0, 0)), std::string("pgpass_db"));
        QCOMPARE(std::string(row.value(0, 1)), std::string("pgpass_user"));
        QCOMPARE(std::string(row.value(0, 2)), std::to_string(cluster.port()));   // the service's port, not 5432
    }

    // A wrong password: libpq (not the message's wording, which follows the server's
    // lc_messages) says a password was sent and refused; the prompt says so with the server's
    // words, and the right one then connects. No password at all: "asks for a password".
    void aRefusedPasswordIsAskedForAgainSayingWhy() {
        automv::test::PrivateCluster server;
        const auto &cluster = server.cluster();
        QVERIFY(demandPassword(cluster, "pw_user", "right one", "pw_db"));
        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("scram");
        profile.host = QString::fromStdString(cluster.host());
        profile.port = cluster.port();
        profile.database = "pw_db";
        profile.user = "pw_user";
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            ProfileStore(settings).save(profile);
        }
        qputenv("PGPASSFILE", dir.filePath("no-such-pgpass").toUtf8());
        auto keychain = std::make_unique<MemoryPasswordStore>();
        keychain->write(profile.id, "wrong one", [](const auto &) {});
        ConnectionsController controller(std::make_unique<QSettings>(dir.filePath("console.ini"), QSettings::IniFormat),
                                         std::move(keychain));
        QSignalSpy opened(&controller, &ConnectionsController::openRequested);
        controller.open(profile.id);
        QCOMPARE(opened.size(), 1);

        const auto attempt = [&](const QString &conninfo, QString *message) {
            DatabaseSession session;
            QSignalSpy connected(&session, &DatabaseSession::connected);
            QSignalSpy failed(&session, &DatabaseSession::connectionFailed);
            session.open(conninfo);
            if (!QTest::qWaitFor([&] { return connected.size() + failed.size() > 0; }, 10000))
                return -1;
            if (failed.isEmpty())
                return 99;
            *message = failed.first().at(0).toString();
            return failed.first().at(1).toInt();
        };
        QString message;
        QCOMPARE(attempt(opened.at(0).at(0).toString(), &message), int(automv::pg::PgError::Password::Refused));
        QVERIFY2(message.contains("password authentication failed"), qPrintable(message));

        QString prompt;
        QTimer::singleShot(0, this, [this, &prompt] { answerPasswordPrompt("right one", &prompt); });
        QVERIFY(controller.retryWithPassword(nullptr, profile.id, message, automv::pg::PgError::Password::Refused));
        QVERIFY2(prompt.contains("The server refused the password for pw_user (connection \"scram\")"), qPrintable(prompt));
        QVERIFY2(prompt.contains("password authentication failed"), qPrintable(prompt));   // the server's words
        QCOMPARE(opened.size(), 2);
        QCOMPARE(attempt(opened.at(1).at(0).toString(), &message), 99);

        // No password at all (nothing saved, no .pgpass): Missing.
        auto params = profile.params(QString());
        QCOMPARE(attempt(QString::fromStdString(automv::pg::toConninfo(params)), &message),
                 int(automv::pg::PgError::Password::Missing));
        // A database that does not exist, over trust: not a password matter.
        auto trusted = cluster.params("no_such_db");
        QCOMPARE(attempt(QString::fromStdString(automv::pg::toConninfo(trusted)), &message),
                 int(automv::pg::PgError::Password::NotAsked));
        QVERIFY2(message.contains("no_such_db"), qPrintable(message));
        qunsetenv("PGPASSFILE");
    }

    // Saved connections can be edited (same entry, same keychain key; an empty password keeps
    // the saved one) and deleted (profile and password gone) from the Connections menu. There
    // was no way to do either.
    void savedConnectionsCanBeEditedAndDeleted() {
        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("old name");
        profile.host = "db.example.com";
        auto other = ConnectionProfile::create("other");
        other.host = "other.example.com";
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            ProfileStore(settings).save(profile);
            ProfileStore(settings).save(other);
        }
        auto keychain = std::make_unique<MemoryPasswordStore>();
        auto *keys = keychain.get();
        keychain->write(profile.id, "kept secret", [](const auto &) {});
        ConnectionsController controller(std::make_unique<QSettings>(dir.filePath("console.ini"), QSettings::IniFormat),
                                         std::move(keychain));
        QMenu menu;
        controller.attachMenu(&menu, nullptr);
        auto *editMenu = menu.findChild<QMenu *>("editConnectionMenu");
        auto *deleteMenu = menu.findChild<QMenu *>("deleteConnectionMenu");
        QVERIFY(editMenu && deleteMenu);
        QCOMPARE(editMenu->actions().size(), 2);

        QString hint;
        QTimer::singleShot(0, this, [this, &hint] {
            withConnectionDialog([&hint](QDialog *dialog) {
                hint = dialog->findChild<QLineEdit *>("password")->placeholderText();
                dialog->findChild<QLineEdit *>("name")->setText("new name");
                dialog->findChild<QLineEdit *>("host")->setText("db2.example.com");
                dialog->accept();
            });
        });
        QVERIFY(controller.editConnection(profile.id, nullptr));
        QVERIFY2(hint.contains("keep the saved password"), qPrintable(hint));
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            const auto profiles = ProfileStore(settings).load();
            QCOMPARE(profiles.size(), 2);
            const auto edited = std::find_if(profiles.begin(), profiles.end(), [&](const auto &p) { return p.id == profile.id; });
            QVERIFY(edited != profiles.end());
            QCOMPARE(edited->name, QString("new name"));
            QCOMPARE(edited->host, QString("db2.example.com"));
        }
        QVERIFY(menu.actions().at(1)->text() == "new name" || menu.actions().at(2)->text() == "new name");
        QSignalSpy opened(&controller, &ConnectionsController::openRequested);
        controller.open(profile.id);   // the saved password still goes with it
        QCOMPARE(opened.size(), 1);
        QVERIFY2(opened.at(0).at(0).toString().contains("password='kept secret'"), qPrintable(opened.at(0).at(0).toString()));
        QVERIFY(opened.at(0).at(0).toString().contains("host='db2.example.com'"));

        QVERIFY(controller.deleteConnection(profile.id, nullptr, false));
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            const auto profiles = ProfileStore(settings).load();
            QCOMPARE(profiles.size(), 1);
            QCOMPARE(profiles.first().id, other.id);
        }
        std::optional<PasswordStore::Result> stored;
        keys->read(profile.id, [&](const auto &r) { stored = r; });
        QVERIFY(stored && !stored->ok);   // the keychain entry went with it
        QCOMPARE(menu.findChild<QMenu *>("editConnectionMenu")->actions().size(), 1);
        QVERIFY(!controller.editConnection(profile.id, nullptr));
    }

    void memoryStoreKeepsPasswordsForTheSession() {
        MemoryPasswordStore store;
        std::optional<PasswordStore::Result> result;
        store.read("k", [&](const auto &r) { result = r; });
        QVERIFY(result && !result->ok && !result->error.isEmpty());
        store.write("k", "pw", [](const auto &) {});
        store.read("k", [&](const auto &r) { result = r; });
        QVERIFY(result && result->ok);
        QCOMPARE(result->password, QString("pw"));
        store.remove("k", [](const auto &) {});
        store.read("k", [&](const auto &r) { result = r; });
        QVERIFY(result && !result->ok);
    }

    void controllerOpensAProfileWithItsKeychainPassword() {
        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("stored");
        profile.host = "db.example.com";
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            ProfileStore(settings).save(profile);
        }
        auto keychain = std::make_unique<MemoryPasswordStore>();
        keychain->write(profile.id, "it's secret", [](const auto &) {});
        ConnectionsController controller(std::make_unique<QSettings>(dir.filePath("console.ini"), QSettings::IniFormat),
                                         std::move(keychain));
        QSignalSpy opened(&controller, &ConnectionsController::openRequested);
        controller.open(profile.id);
        QCOMPARE(opened.size(), 1);
        const QString conninfo = opened.at(0).at(0).toString();
        QVERIFY2(conninfo.contains(R"(password='it\'s secret')"), qPrintable(conninfo));
        QVERIFY(conninfo.contains("host='db.example.com'"));
        QCOMPARE(opened.at(0).at(1).toString(), QString("stored"));
    }

    void controllerWithoutKeychainSaysSoAndStillConnects() {
        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("no keychain");
        profile.host = "localhost";
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            ProfileStore(settings).save(profile);
        }
        ConnectionsController controller(std::make_unique<QSettings>(dir.filePath("console.ini"), QSettings::IniFormat),
                                         std::make_unique<NoKeychain>());
        QSignalSpy opened(&controller, &ConnectionsController::openRequested);
        QSignalSpy notices(&controller, &ConnectionsController::notice);
        controller.open(profile.id);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(opened.size(), 1);
        QVERIFY(!opened.at(0).at(0).toString().contains("password"));   // libpq may still use .pgpass
    }

    void aMissingPasswordIsAskedForAndKeptForTheSession() {
        QTemporaryDir dir;
        auto profile = ConnectionProfile::create("needs a password");
        profile.host = "localhost";
        {
            QSettings settings(dir.filePath("console.ini"), QSettings::IniFormat);
            ProfileStore(settings).save(profile);
        }
        ConnectionsController controller(std::make_unique<QSettings>(dir.filePath("console.ini"), QSettings::IniFormat),
                                         std::make_unique<NoKeychain>());
        QSignalSpy opened(&controller, &ConnectionsController::openRequested);
        controller.open(profile.id);
        QCOMPARE(opened.size(), 1);
        // Not a password matter: no prompt, whatever the message says.
        QVERIFY(!controller.retryWithPassword(nullptr, profile.id, "password authentication failed",
                                              automv::pg::PgError::Password::NotAsked));
        QString prompt;
        QTimer::singleShot(0, this, [this, &prompt] { answerPasswordPrompt("typed secret", &prompt); });
        QVERIFY(controller.retryWithPassword(nullptr, profile.id, "fe_sendauth: no password supplied",
                                             automv::pg::PgError::Password::Missing));
        QVERIFY2(prompt.contains("No keychain is available here"), qPrintable(prompt));
        QVERIFY2(prompt.contains("asks for a password"), qPrintable(prompt));
        QCOMPARE(opened.size(), 2);
        QVERIFY(opened.at(1).at(0).toString().contains("password='typed secret'"));
        controller.open(profile.id);   // remembered for this session
        QCOMPARE(opened.size(), 3);
        QVERIFY(opened.at(2).at(0).toString().contains("password='typed secret'"));
    }

    // These machines have no D-Bus session: the keychain must fail fast and say why, never hang.
    void keychainWithoutBackendFailsFastAndSaysSo() {
        KeychainPasswordStore store;
        std::optional<PasswordStore::Result> result;
        store.read("automv-test-entry", [&](const auto &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!result->ok);
        QVERIFY(!result->error.isEmpty());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QVERIFY2(result->unavailable, qPrintable(result->error));
    }

private:
    void withConnectionDialog(const std::function<void(QDialog *)> &act) {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->findChild<QLineEdit *>("host")) {
            QTimer::singleShot(20, this, [this, act] { withConnectionDialog(act); });
            return;
        }
        act(dialog);
    }

    /// Makes `user` (password `password`, owner of `database`) log in with scram-sha-256 on a
    /// private cluster; everyone else stays trusted. Waits until the reloaded server asks.
    static bool demandPassword(const TestCluster &cluster, const std::string &user, const std::string &password,
                               const std::string &database) {
        auto admin = cluster.connect();
        admin.exec(std::string(admin.exec("select format('create role %I login password %L', $1::text, $2::text)",
                                          {user, password}).value(0, 0)));
        admin.exec("create database " + admin.quoteIdentifier(database) + " owner " + admin.quoteIdentifier(user));
        QFile hba(QString::fromStdString(std::string(admin.exec("select current_setting('hba_file')").value(0, 0))));
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))   // keeps the server's ownership
            return false;
        hba.write(QStringLiteral("local all %1 scram-sha-256\nhost all %1 127.0.0.1/32 scram-sha-256\n"
                                 "local all all trust\nhost all all 127.0.0.1/32 trust\n")
                      .arg(QString::fromStdString(user))
                      .toUtf8());
        hba.close();
        admin.exec("select pg_reload_conf()");
        auto params = cluster.params(database);
        for (auto &[key, value] : params)
            if (key == "user")
                value = user;
        params.emplace_back("passfile", "/nonexistent");
        return QTest::qWaitFor([&] {   // the reload is asynchronous
            try {
                automv::pg::PgConnection::connect(params);
                return false;
            } catch (const automv::pg::PgError &e) {
                return e.password() == automv::pg::PgError::Password::Missing;
            }
        }, 10000);
    }

    void answerPasswordPrompt(const QString &password, QString *prompt) {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(20, this, [this, password, prompt] { answerPasswordPrompt(password, prompt); });
            return;
        }
        *prompt = dialog->labelText();
        dialog->setTextValue(password);
        dialog->accept();
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
