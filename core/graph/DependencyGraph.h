#pragma once

#include "core/graph/LayeredLayout.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

// What the console draws: tables, views and materialised views read from the catalog, with
// "reads from" edges, pg_auto_mv's chains and watches, and each materialised view's state.
namespace automv::graph {

enum class NodeKind { Table, PartitionedTable, View, MaterializedView, ForeignTable, Other };
enum class EdgeKind { Reads, Chain, Watch };
/// A materialised view's state as pg_auto_mv reports it; NotMv for tables and views.
enum class MvState { NotMv, Unregistered, Fresh, Pending, Refreshing, Failed, Stale, Missing, Paused };

/// pg_class.relkind ("r", "p", "v", "m", "f") to a kind.
NodeKind kindFromRelkind(const std::string &relkind);
/// pgauto_mv.mv_status.state ("fresh", "pending", …); anything else is Unregistered.
MvState stateFromText(const std::string &state);
const char *toString(MvState state);
const char *toString(EdgeKind kind);
const char *toString(NodeKind kind);

struct GraphNode {
    std::int64_t oid = 0;
    NodeKind kind = NodeKind::Other;
    std::string schema;
    std::string name;
    MvState state = MvState::NotMv;
    /// schema.name (quoted as PostgreSQL would when needed is the caller's business).
    std::string label() const { return schema + "." + name; }
};

struct GraphEdge {
    std::size_t from = 0;   ///< upstream node index
    std::size_t to = 0;     ///< downstream node index
    EdgeKind kind = EdgeKind::Reads;
};

class DependencyGraph {
public:
    /// Adds a node (a second node with the same OID is ignored); returns its index.
    std::size_t addNode(const GraphNode &node);
    /// Adds an edge between two known OIDs; ignored when either is unknown, for a self-edge, or
    /// when the same edge of the same kind exists. Returns whether it was added.
    bool addEdge(std::int64_t fromOid, std::int64_t toOid, EdgeKind kind);
    /// Sets a materialised view's state (ignored for unknown OIDs and non-MVs).
    void setState(std::int64_t oid, MvState state);
    /// Every MV without a state set becomes Unregistered (after pg_auto_mv's states are in).
    void markUnregistered();

    const std::vector<GraphNode> &nodes() const { return m_nodes; }
    const std::vector<GraphEdge> &edges() const { return m_edges; }
    std::optional<std::size_t> indexOf(std::int64_t oid) const;

    /// Every node the given one depends on, directly or not (over all edge kinds), ascending.
    std::vector<std::size_t> upstreamOf(std::size_t node) const;
    /// Every node depending on the given one, directly or not, ascending.
    std::vector<std::size_t> downstreamOf(std::size_t node) const;
    /// Nodes whose schema.name contains `text`, case-insensitively, ascending.
    std::vector<std::size_t> search(const std::string &text) const;
    /// One layout edge per connected pair (kinds merged), for layeredLayout().
    std::vector<LayoutEdge> layoutEdges() const;
    /// Same nodes, same edges (kinds included), same order: the drawing can stay as it is.
    bool sameStructure(const DependencyGraph &other) const;

private:
    std::vector<std::size_t> walk(std::size_t start, bool up) const;

    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    std::unordered_map<std::int64_t, std::size_t> m_index;
};

} // namespace automv::graph
