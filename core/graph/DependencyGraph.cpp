#include "core/graph/DependencyGraph.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace automv::graph {

NodeKind kindFromRelkind(const std::string &relkind) {
    if (relkind == "r")
        return NodeKind::Table;
    if (relkind == "p")
        return NodeKind::PartitionedTable;
    if (relkind == "v")
        return NodeKind::View;
    if (relkind == "m")
        return NodeKind::MaterializedView;
    if (relkind == "f")
        return NodeKind::ForeignTable;
    return NodeKind::Other;
}

MvState stateFromText(const std::string &state) {
    if (state == "fresh")
        return MvState::Fresh;
    if (state == "pending")
        return MvState::Pending;
    if (state == "refreshing")
        return MvState::Refreshing;
    if (state == "failed")
        return MvState::Failed;
    if (state == "stale")
        return MvState::Stale;
    if (state == "missing")
        return MvState::Missing;
    if (state == "paused")
        return MvState::Paused;
    return MvState::Unregistered;
}

const char *toString(MvState state) {
    switch (state) {
    case MvState::NotMv: return "";
    case MvState::Unregistered: return "unregistered";
    case MvState::Fresh: return "fresh";
    case MvState::Pending: return "pending";
    case MvState::Refreshing: return "refreshing";
    case MvState::Failed: return "failed";
    case MvState::Stale: return "stale";
    case MvState::Missing: return "missing";
    case MvState::Paused: return "paused";
    }
    return "";
}

const char *toString(EdgeKind kind) {
    switch (kind) {
    case EdgeKind::Reads: return "reads";
    case EdgeKind::Chain: return "chain";
    case EdgeKind::Watch: return "watch";
    }
    return "";
}

const char *toString(NodeKind kind) {
    switch (kind) {
    case NodeKind::Table: return "table";
    case NodeKind::PartitionedTable: return "partitioned table";
    case NodeKind::View: return "view";
    case NodeKind::MaterializedView: return "materialized view";
    case NodeKind::ForeignTable: return "foreign table";
    case NodeKind::Other: return "relation";
    }
    return "";
}

std::size_t DependencyGraph::addNode(const GraphNode &node) {
    if (const auto found = m_index.find(node.oid); found != m_index.end())
        return found->second;
    m_nodes.push_back(node);
    m_index.emplace(node.oid, m_nodes.size() - 1);
    return m_nodes.size() - 1;
}

bool DependencyGraph::addEdge(std::int64_t fromOid, std::int64_t toOid, EdgeKind kind) {
    const auto from = indexOf(fromOid), to = indexOf(toOid);
    if (!from || !to || *from == *to)
        return false;
    for (const auto &e : m_edges)
        if (e.from == *from && e.to == *to && e.kind == kind)
            return false;
    m_edges.push_back({*from, *to, kind});
    return true;
}

void DependencyGraph::setState(std::int64_t oid, MvState state) {
    if (const auto i = indexOf(oid); i && m_nodes[*i].kind == NodeKind::MaterializedView)
        m_nodes[*i].state = state;
}

void DependencyGraph::markUnregistered() {
    for (auto &node : m_nodes)
        if (node.kind == NodeKind::MaterializedView && node.state == MvState::NotMv)
            node.state = MvState::Unregistered;
}

std::optional<std::size_t> DependencyGraph::indexOf(std::int64_t oid) const {
    if (const auto found = m_index.find(oid); found != m_index.end())
        return found->second;
    return std::nullopt;
}

std::vector<std::size_t> DependencyGraph::walk(std::size_t start, bool up) const {
    std::vector<bool> seen(m_nodes.size(), false);
    std::vector<std::size_t> stack{start};
    seen[start] = true;
    while (!stack.empty()) {
        const std::size_t at = stack.back();
        stack.pop_back();
        for (const auto &e : m_edges) {
            const std::size_t next = up ? e.from : e.to;
            if ((up ? e.to : e.from) == at && !seen[next]) {
                seen[next] = true;
                stack.push_back(next);
            }
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < seen.size(); ++i)
        if (seen[i] && i != start)
            out.push_back(i);
    return out;
}

std::vector<std::size_t> DependencyGraph::upstreamOf(std::size_t node) const { return walk(node, true); }
std::vector<std::size_t> DependencyGraph::downstreamOf(std::size_t node) const { return walk(node, false); }

std::vector<std::size_t> DependencyGraph::search(const std::string &text) const {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    };
    const std::string needle = lower(text);
    std::vector<std::size_t> out;
    if (needle.empty())
        return out;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (lower(m_nodes[i].label()).find(needle) != std::string::npos)
            out.push_back(i);
    return out;
}

std::vector<LayoutEdge> DependencyGraph::layoutEdges() const {
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<LayoutEdge> out;
    for (const auto &e : m_edges)
        if (pairs.insert({e.from, e.to}).second)
            out.push_back({e.from, e.to});
    return out;
}

bool DependencyGraph::sameStructure(const DependencyGraph &other) const {
    if (m_nodes.size() != other.m_nodes.size() || m_edges.size() != other.m_edges.size())
        return false;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const auto &a = m_nodes[i], &b = other.m_nodes[i];
        if (a.oid != b.oid || a.kind != b.kind || a.schema != b.schema || a.name != b.name)
            return false;
    }
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const auto &a = m_edges[i], &b = other.m_edges[i];
        if (a.from != b.from || a.to != b.to || a.kind != b.kind)
            return false;
    }
    return true;
}

} // namespace automv::graph
