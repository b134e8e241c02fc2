#include "core/pg/ConnInfo.h"

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

} // namespace automv::pg
