#include "core/processor/Redact.h"

namespace automv::processor {
namespace {

// The three passes of pgrelay.redact, in its order: each one reads the previous one's output
// (a " inside '...' is gone before the "..." pass). Scanning bytes gives the same result as
// the server's character-wise regular expressions: in UTF-8 (and in every server encoding)
// the bytes of ', " and 0-9 never occur inside a multi-byte character.

// regexp_replace(m, '''(?:[^'']|'''')*''?', '''?''', 'g'): a quote, then non-quotes or
// doubled quotes, then the closing quote if there is one.
std::string maskSingleQuoted(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        if (in[i] != '\'') {
            out.push_back(in[i++]);
            continue;
        }
        std::size_t j = i + 1;
        while (j < in.size()) {
            if (in[j] != '\'')
                ++j;
            else if (j + 1 < in.size() && in[j + 1] == '\'')
                j += 2;
            else
                break;
        }
        if (j < in.size())
            ++j; // the closing quote
        out += "'?'";
        i = j;
    }
    return out;
}

// regexp_replace(m, '"[^"]*"?', '"?"', 'g')
std::string maskDoubleQuoted(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        if (in[i] != '"') {
            out.push_back(in[i++]);
            continue;
        }
        const std::size_t close = in.find('"', i + 1);
        out += "\"?\"";
        i = close == std::string_view::npos ? in.size() : close + 1;
    }
    return out;
}

// regexp_replace(m, '[0-9]+', '?', 'g')
std::string maskDigits(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        if (in[i] < '0' || in[i] > '9') {
            out.push_back(in[i++]);
            continue;
        }
        while (i < in.size() && in[i] >= '0' && in[i] <= '9')
            ++i;
        out.push_back('?');
    }
    return out;
}

} // namespace

std::string redactMessage(std::string_view message) {
    return maskDigits(maskDoubleQuoted(maskSingleQuoted(message)));
}

} // namespace automv::processor
