// Masking of values in server messages before the processor logs them: the cases one by one
// (no server), then the same as pg_relay's own pgrelay.redact on the run's real server.
#include "core/processor/Redact.h"
#include "tests/harness/TestCluster.h"

#include <QTest>

#include <random>
#include <string>
#include <vector>

using automv::processor::redactMessage;
using automv::test::ScratchDatabase;

namespace {

struct Case {
    const char *name;
    std::string message;
    std::string masked;
};

std::vector<Case> cases() {
    return {
        {"double-quoted value", R"(invalid input syntax for type integer: "123-45-6789 John Doe")",
         R"(invalid input syntax for type integer: "?")"},
        {"single-quoted with a doubled quote inside", "value 'O''Brien' is not allowed",
         "value '?' is not allowed"},
        {"several single-quoted values", "'a' and 'b c' and ''", "'?' and '?' and '?'"},
        {"a lone doubled quote pair", "x '''' y", "x '?' y"},
        {"digits", "value 42 out of range for column 7", "value ? out of range for column ?"},
        {"digits inside a word", "table t1x99 at line 12", "table t?x? at line ?"},
        {"unterminated single quote", "unterminated quoted string at or near 'abc",
         "unterminated quoted string at or near '?'"},
        {"unterminated double quote", R"(zero-length delimited identifier at or near "abc)",
         R"(zero-length delimited identifier at or near "?")"},
        {"doubled quote at the very end", "'abc''", "'?'"},
        {"double quotes inside single quotes", R"('say "hi"' and "x")", R"('?' and "?")"},
        // The single-quote pass runs first: the ' inside "it's" opens a value that runs to the end.
        {"single quote inside an identifier", R"(column "it's" of relation "t1")", R"(column "?")"},
        {"multi-byte text", "ungültiger Wert „Müller“: 'Jürgen' \"Straße 5\"",
         "ungültiger Wert „Müller“: '?' \"?\""},
        {"newline inside a value", "bad 'line one\nline two' here", "bad '?' here"},
        {"empty message", "", ""},
        {"no values", "division by zero", "division by zero"},
        {"no values but a number",
         "could not serialize access due to concurrent update (attempt 3)",
         "could not serialize access due to concurrent update (attempt ?)"},
    };
}

// Random messages over the characters that matter, the same each run.
std::vector<std::string> generatedMessages(int count) {
    const std::vector<std::string> pieces{"'",  "''", "\"", "a",  "b ", "1",
                                          "23", " ",  "é",  "\n", "\\"};
    std::mt19937 random(20261205);
    std::vector<std::string> messages;
    for (int i = 0; i < count; ++i) {
        std::string message;
        const auto length = random() % 12;
        for (unsigned j = 0; j < length; ++j)
            message += pieces[random() % pieces.size()];
        messages.push_back(message);
    }
    return messages;
}

} // namespace

class TestRedact : public QObject {
    Q_OBJECT
private slots:
    void masksEveryQuotedValueAndNumber_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("masked");
        for (const auto &c : cases())
            QTest::newRow(c.name) << QString::fromStdString(c.message)
                                  << QString::fromStdString(c.masked);
    }

    void masksEveryQuotedValueAndNumber() {
        QFETCH(QString, message);
        QFETCH(QString, masked);
        QCOMPARE(QString::fromStdString(redactMessage(message.toStdString())), masked);
    }

    void maskingTwiceChangesNothing() {
        for (const auto &c : cases())
            QCOMPARE(redactMessage(redactMessage(c.message)), c.masked);
        for (const auto &message : generatedMessages(2000))
            QCOMPARE(redactMessage(redactMessage(message)), redactMessage(message));
    }

    void agreesWithTheServersRedact() {
        ScratchDatabase db("redact");
        auto conn = db.connect();
        conn.exec("create extension pg_relay");
        auto messages = generatedMessages(2000);
        for (const auto &c : cases())
            messages.push_back(c.message);
        for (const auto &message : messages) {
            const std::string server(conn.exec("select pgrelay.redact($1)", {message}).value(0, 0));
            QCOMPARE(redactMessage(message), server);
        }
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
