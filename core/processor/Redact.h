#pragma once

#include <string>
#include <string_view>

namespace automv::processor {

/// A server message with every literal value masked, as pg_relay's SQL function pgrelay.redact
/// does it: the content of every '...' (with '' inside) and "..." becomes ?, and so does every
/// run of digits. Error messages quote the offending value (invalid input syntax for type
/// integer: "123-45-6789"), so this keeps payload values out of the processor's log. Masking an
/// already masked message changes nothing.
std::string redactMessage(std::string_view message);

} // namespace automv::processor
