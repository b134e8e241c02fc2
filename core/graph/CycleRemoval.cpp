#include "core/graph/CycleRemoval.h"

namespace automv::graph {

namespace {

enum class Visit { NotYet, OnPath, Done };

struct Frame {
    std::size_t node;
    std::size_t nextOutEdge;
};

} // namespace

std::vector<bool> findEdgesToReverse(std::size_t nodeCount, const std::vector<LayoutEdge> &edges) {
    std::vector<std::vector<std::size_t>> outEdges(nodeCount);
    std::vector<bool> hasIncoming(nodeCount, false);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        if (edges[e].from == edges[e].to)
            continue;
        outEdges[edges[e].from].push_back(e);
        hasIncoming[edges[e].to] = true;
    }

    std::vector<bool> reverse(edges.size(), false);
    std::vector<Visit> state(nodeCount, Visit::NotYet);
    std::vector<Frame> path; // explicit stack: a long chain must not overflow the call stack
    auto searchFrom = [&](std::size_t root) {
        if (state[root] != Visit::NotYet)
            return;
        state[root] = Visit::OnPath;
        path.push_back({root, 0});
        while (!path.empty()) {
            Frame &top = path.back();
            if (top.nextOutEdge == outEdges[top.node].size()) {
                state[top.node] = Visit::Done;
                path.pop_back();
                continue;
            }
            const std::size_t e = outEdges[top.node][top.nextOutEdge++];
            const std::size_t next = edges[e].to;
            if (state[next] == Visit::OnPath) {
                reverse[e] = true;
            } else if (state[next] == Visit::NotYet) {
                state[next] = Visit::OnPath;
                path.push_back({next, 0}); // invalidates `top`, which is not used again
            }
        }
    };
    for (std::size_t v = 0; v < nodeCount; ++v)
        if (!hasIncoming[v])
            searchFrom(v);
    for (std::size_t v = 0; v < nodeCount; ++v)
        searchFrom(v);
    return reverse;
}

} // namespace automv::graph
