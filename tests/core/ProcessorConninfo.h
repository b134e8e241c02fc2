#pragma once

#include "core/pg/ConnInfo.h"
#include "tests/harness/TestCluster.h"

#include <algorithm>
#include <string>

namespace automv::test {

/// A conninfo for a processor under test: the cluster's, without its application_name, so the
/// processor names its connections itself ("pgrelay-processor worker", ...).
inline std::string processorConninfo(const TestCluster &cluster, const std::string &database) {
    auto params = cluster.params(database);
    std::erase_if(params, [](const auto &param) { return param.first == "application_name"; });
    return pg::toConninfo(params);
}

} // namespace automv::test
