// PgOutputDecoder: pgoutput protocol 1 messages as a walsender sends them, built byte by byte
// (the end-to-end path runs against real servers in core.capture and core.auto_mv.wal).
#include "core/capture/PgOutputDecoder.h"

#include <QTest>

#include <stdexcept>
#include <string>
#include <vector>

using automv::capture::CapturedChange;
using automv::capture::CapturedGroupEntry;
using automv::capture::PgOutputDecoder;

namespace {

using Bytes = std::vector<unsigned char>;

void put32(Bytes &b, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        b.push_back(static_cast<unsigned char>(v >> shift));
}
void put64(Bytes &b, std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8)
        b.push_back(static_cast<unsigned char>(v >> shift));
}
Bytes begin(std::uint32_t xid, std::int64_t commitMicros) {
    Bytes b{'B'};
    put64(b, 0x100);
    put64(b, static_cast<std::uint64_t>(commitMicros));
    put32(b, xid);
    return b;
}
Bytes commit(std::uint64_t endLsn) {
    Bytes b{'C', 0};
    put64(b, endLsn - 8);
    put64(b, endLsn);
    put64(b, 0);
    return b;
}
Bytes change(char kind, std::uint32_t relid) {
    Bytes b{static_cast<unsigned char>(kind)};
    put32(b, relid);
    b.push_back('N');   // row data follows; the decoder never reads it
    put32(b, 0);
    return b;
}
Bytes truncate(std::vector<std::uint32_t> relids) {
    Bytes b{'T'};
    put32(b, static_cast<std::uint32_t>(relids.size()));
    b.push_back(0);
    for (auto r : relids)
        put32(b, r);
    return b;
}
void feed(PgOutputDecoder &d, const Bytes &b) { d.feed(b.data(), b.size()); }

std::string describe(const std::vector<CapturedChange> &changes) {
    std::string text;
    for (const auto &c : changes)
        text += std::to_string(c.xid) + ":" + c.op + ":" + std::to_string(c.relid) + (c.replicated ? ":r" : "") + " ";
    return text;
}

// "lastXid:first..last:transactions:OP:relid[:r]" per entry.
std::string describe(const std::vector<CapturedGroupEntry> &entries) {
    std::string text;
    for (const auto &e : entries)
        text += std::to_string(e.lastXid) + ":" + std::to_string(e.firstMicros) + ".." + std::to_string(e.lastMicros) + ":" +
                std::to_string(e.transactions) + ":" + e.op + ":" + std::to_string(e.relid) + (e.replicated ? ":r" : "") + " ";
    return text;
}

} // namespace

class TestPgOutputDecoder : public QObject {
    Q_OBJECT
private slots:
    void committedTransactionsComeOutInOrderWithTheirEnd() {
        PgOutputDecoder d;
        feed(d, begin(700, 123456789));
        feed(d, Bytes{'R', 0, 0, 64, 0});   // a relation message: skipped
        feed(d, change('I', 16384));
        feed(d, change('U', 16384));
        QVERIFY(d.inTransaction());
        QVERIFY(!d.hasCommitted());
        feed(d, commit(0x2000));
        feed(d, begin(701, 123456999));
        feed(d, truncate({16384, 4000000000u}));
        feed(d, change('D', 17000));
        QCOMPARE(d.committedChanges(), std::size_t(2));   // 701 is still open
        std::uint64_t end = 0;
        auto changes = d.take(end);
        QCOMPARE(describe(changes), std::string("700:INSERT:16384 700:UPDATE:16384 "));
        QCOMPARE(changes[0].commitMicros, std::int64_t(123456789));
        QCOMPARE(end, std::uint64_t(0x2000));
        feed(d, commit(0x3000));
        changes = d.take(end);
        QCOMPARE(describe(changes), std::string("701:TRUNCATE:16384 701:TRUNCATE:4000000000 701:DELETE:17000 "));
        QCOMPARE(end, std::uint64_t(0x3000));
        QCOMPARE(d.take(end).size(), std::size_t(0));
        QCOMPARE(end, std::uint64_t(0));   // nothing committed since
    }

    void anOriginMarksTheWholeTransactionReplicated() {
        PgOutputDecoder d;
        feed(d, begin(9, 1));
        Bytes origin{'O'};
        put64(origin, 0x55);
        for (char ch : std::string("pg_16400"))
            origin.push_back(static_cast<unsigned char>(ch));
        origin.push_back(0);
        feed(d, origin);
        feed(d, change('I', 1));
        feed(d, commit(0x10));
        feed(d, begin(10, 2));
        feed(d, change('I', 1));
        feed(d, commit(0x20));
        std::uint64_t end = 0;
        QCOMPARE(describe(d.take(end)), std::string("9:INSERT:1:r 10:INSERT:1 "));
    }

    void aCommitWithoutChangesStillMovesTheEnd() {
        PgOutputDecoder d;
        feed(d, begin(5, 1));
        feed(d, commit(0x40));
        QVERIFY(d.hasCommitted());
        std::uint64_t end = 0;
        QVERIFY(d.take(end).empty());
        QCOMPARE(end, std::uint64_t(0x40));
    }

    void malformedMessagesAreRefused() {
        PgOutputDecoder d;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, feed(d, change('I', 1)));   // outside a transaction
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, feed(d, Bytes{'B', 0, 0}));   // cut short
        feed(d, begin(1, 1));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, feed(d, Bytes{'I', 0, 0}));
        Bytes lying = truncate({1});
        lying[4] = 9;   // says 9 relations, carries 1
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, feed(d, lying));
    }

    // What capture_apply() is handed: transactions that changed the same relations alike, in the
    // same order of first change and with the same origin, as one group with its count, first and
    // last commit time and last xid; a relation changed twice in a transaction counts once.
    void transactionsThatChangedTheSameRelationsAlikeBecomeOneGroup() {
        const auto ch = [](std::uint32_t xid, std::int64_t us, std::uint32_t relid, const char *op, bool repl = false) {
            return CapturedChange{xid, us, repl, relid, op};
        };
        const std::vector<CapturedChange> changes{
            ch(10, 100, 1, "UPDATE"), ch(10, 100, 2, "INSERT"), ch(10, 100, 1, "UPDATE"),   // 1 U, 2 I
            ch(11, 110, 2, "INSERT"), ch(11, 110, 1, "UPDATE"),                             // 2 I, 1 U: another order
            ch(12, 120, 1, "UPDATE"), ch(12, 120, 2, "INSERT"),                             // as 10
            ch(13, 130, 1, "UPDATE", true), ch(13, 130, 2, "INSERT", true),                 // as 10, replicated
            ch(14, 140, 1, "UPDATE"), ch(14, 140, 2, "INSERT"), ch(14, 140, 2, "INSERT"),   // as 10
            ch(15, 150, 1, "DELETE"),
        };
        QCOMPARE(describe(automv::capture::groupChanges(changes)),
                 std::string("14:100..140:3:UPDATE:1 14:100..140:3:INSERT:2 "
                             "11:110..110:1:INSERT:2 11:110..110:1:UPDATE:1 "
                             "13:130..130:1:UPDATE:1:r 13:130..130:1:INSERT:2:r "
                             "15:150..150:1:DELETE:1 "));
        QVERIFY(automv::capture::groupChanges({}).empty());
    }

    void lsnsReadAndWriteAsPostgresDoes() {
        QCOMPARE(automv::capture::lsnText(0x16B374D848ull), std::string("16/B374D848"));
        QCOMPARE(automv::capture::parseLsn("16/B374D848"), std::uint64_t(0x16B374D848ull));
        QCOMPARE(automv::capture::parseLsn("nonsense"), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestPgOutputDecoder)
#include "tst_pgoutput_decoder.moc"
