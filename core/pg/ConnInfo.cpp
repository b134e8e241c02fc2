#include "core/pg/ConnInfo.h"

#include <libpq-fe.h>

namespace automv::pg {

std::string quoteConninfoValue(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('\'');
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

std::string toConninfo(const ConnectionParams &params) {
    std::string out;
    for (const auto &[key, value] : params) {
        if (value.empty())
            continue;
        if (!out.empty())
            out.push_back(' ');
        out += key;
        out.push_back('=');
        out += quoteConninfoValue(value);
    }
    return out;
}

std::string conninfoForLog(const std::string &conninfo) {
    PQconninfoOption *options = PQconninfoParse(conninfo.c_str(), nullptr);
    if (!options)
        return "(unparsable connection string)";
    ConnectionParams kept;
    bool hasPassword = false;
    for (const PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        if (std::string_view(o->keyword) == "password")
            hasPassword = hasPassword || *o->val;
        else
            kept.emplace_back(o->keyword, o->val);
    }
    PQconninfoFree(options);
    return hasPassword ? toConninfo(kept) : conninfo;
}

} // namespace automv::pg
