#pragma once

#include "core/pg/PgConnection.h"

#include <libpq-fe.h>

#include <memory>
#include <string>

namespace automv::pg {

/// Cancels the statement a connection is running, from any thread (libpq's PQcancel is meant
/// for that). Take it while the connection is idle; it stays valid after the connection is gone
/// (cancelling then does nothing useful but is harmless).
class PgCancel {
public:
    explicit PgCancel(const PgConnection &connection);
    /// Sends the cancel request (a short network round trip: call it off the UI thread).
    /// Returns false with the reason in `error` when the request could not be sent.
    bool cancel(std::string *error = nullptr) const;

private:
    struct Deleter {
        void operator()(PGcancel *cancel) const noexcept { PQfreeCancel(cancel); }
    };
    std::unique_ptr<PGcancel, Deleter> m_cancel;
};

} // namespace automv::pg
