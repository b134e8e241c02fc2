#include "core/capture/PgOutputDecoder.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string_view>

namespace automv::capture {

std::uint64_t readUint64(const unsigned char *p) noexcept {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | p[i];
    return value;
}

std::uint32_t readUint32(const unsigned char *p) noexcept {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

void writeUint64(unsigned char *p, std::uint64_t value) noexcept {
    for (int i = 7; i >= 0; --i) {
        p[i] = static_cast<unsigned char>(value & 0xff);
        value >>= 8;
    }
}

std::string lsnText(std::uint64_t lsn) {
    char text[32];
    std::snprintf(text, sizeof text, "%X/%X", static_cast<unsigned>(lsn >> 32), static_cast<unsigned>(lsn & 0xffffffffu));
    return text;
}

std::uint64_t parseLsn(const std::string &text) noexcept {
    unsigned hi = 0, lo = 0;
    if (std::sscanf(text.c_str(), "%X/%X", &hi, &lo) != 2)
        return 0;
    return (std::uint64_t(hi) << 32) | lo;
}

namespace {

void need(std::size_t size, std::size_t wanted, char kind) {
    if (size < wanted)
        throw std::runtime_error(std::string("pgoutput message '") + kind + "' cut short: " + std::to_string(size) +
                                 " bytes, " + std::to_string(wanted) + " needed");
}

} // namespace

void PgOutputDecoder::feed(const unsigned char *data, std::size_t size) {
    need(size, 1, '?');
    const char kind = static_cast<char>(data[0]);
    const auto change = [&](std::uint32_t relid, const char *op) {
        if (!m_inTransaction)
            throw std::runtime_error(std::string("pgoutput change '") + kind + "' outside a transaction");
        m_current.push_back({m_xid, m_commitMicros, m_replicated, relid, op});
    };
    switch (kind) {
    case 'B':   // Int64 final LSN, Int64 commit time, Int32 xid
        need(size, 21, kind);
        m_inTransaction = true;
        m_commitMicros = static_cast<std::int64_t>(readUint64(data + 9));
        m_xid = readUint32(data + 17);
        m_replicated = false;
        m_current.clear();
        break;
    case 'O':   // Int64 origin LSN, String origin name: the transaction was replicated
        m_replicated = true;
        for (auto &c : m_current)
            c.replicated = true;
        break;
    case 'I':
    case 'U':
    case 'D':   // Int32 relation OID, then row data
        need(size, 5, kind);
        change(readUint32(data + 1), kind == 'I' ? "INSERT" : kind == 'U' ? "UPDATE" : "DELETE");
        break;
    case 'T': { // Int32 number of relations, Int8 options, Int32 OID each
        need(size, 6, kind);
        const std::uint32_t count = readUint32(data + 1);
        need(size, 6 + std::size_t(count) * 4, kind);
        for (std::uint32_t i = 0; i < count; ++i)
            change(readUint32(data + 6 + 4 * std::size_t(i)), "TRUNCATE");
        break;
    }
    case 'C':   // Int8 flags, Int64 commit LSN, Int64 end LSN, Int64 commit time
        need(size, 26, kind);
        if (!m_inTransaction)
            throw std::runtime_error("pgoutput commit outside a transaction");
        m_inTransaction = false;
        m_endLsn = readUint64(data + 10);
        m_committed.insert(m_committed.end(), m_current.begin(), m_current.end());
        m_current.clear();
        m_committedAny = true;
        break;
    default:    // R (relation), Y (type), M (message): nothing to capture
        break;
    }
}

std::vector<CapturedGroupEntry> groupChanges(const std::vector<CapturedChange> &changes) {
    struct Group {
        std::uint32_t lastXid = 0;
        std::int64_t firstMicros = 0, lastMicros = 0;
        std::uint32_t transactions = 0;
    };
    using Step = std::pair<std::uint32_t, std::string_view>;   // relation, operation
    std::map<std::pair<bool, std::vector<Step>>, Group> groups;
    std::vector<const std::pair<const std::pair<bool, std::vector<Step>>, Group> *> order;   // first seen first
    for (std::size_t i = 0; i < changes.size();) {
        const auto &first = changes[i];
        std::vector<Step> steps;
        for (; i < changes.size() && changes[i].xid == first.xid && changes[i].commitMicros == first.commitMicros; ++i) {
            const Step step{changes[i].relid, changes[i].op};
            if (std::find(steps.begin(), steps.end(), step) == steps.end())
                steps.push_back(step);
        }
        auto [it, added] = groups.try_emplace({first.replicated, std::move(steps)});
        auto &group = it->second;
        if (added) {
            group.firstMicros = first.commitMicros;
            order.push_back(&*it);
        }
        group.firstMicros = std::min(group.firstMicros, first.commitMicros);
        group.lastMicros = std::max(group.lastMicros, first.commitMicros);
        if (first.commitMicros >= group.lastMicros)
            group.lastXid = first.xid;   // commit order: a later transaction never commits earlier
        ++group.transactions;
    }
    std::vector<CapturedGroupEntry> entries;
    for (const auto *entry : order) {
        const auto &[key, group] = *entry;
        for (const auto &[relid, op] : key.second)
            entries.push_back({group.lastXid, group.firstMicros, group.lastMicros, group.transactions, key.first, relid,
                               op.data()});
    }
    return entries;
}

std::vector<CapturedChange> PgOutputDecoder::take(std::uint64_t &endLsn) {
    endLsn = m_committedAny ? m_endLsn : 0;
    m_committedAny = false;
    std::vector<CapturedChange> changes;
    changes.swap(m_committed);
    return changes;
}

} // namespace automv::capture
