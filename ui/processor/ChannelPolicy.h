#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace automv::ui {

/// A pg_relay channel's retry policy and failure alerts, as the channel policy dialog edits
/// them; alter_channel() applies them (docs/pg_relay.md, Retries and Failure alerts).
struct ChannelPolicy {
    QString channel;
    int maxAttempts = 4;                              ///< runs of an event in all (1: never retry)
    QStringList retryOn = {QStringLiteral("40")};     ///< SQLSTATE classes or codes
    double retryBase = 0;                             ///< seconds; 0: pg_relay's fixed 3, 5, 10 s
    double retryFactor = 2;
    double retryCap = 3600;                           ///< seconds
    double retryJitter = 0;                           ///< fraction 0..1
    QString onFailure;                                ///< alert channel; empty: none
    bool alertPayload = false;

    /// Reads a channel's policy: one row, the columns fromRow() takes. $1 = channel.
    static QString loadSql();
    static ChannelPolicy fromRow(const QString &channel, const QVariantList &row);

    /// What is wrong, or an empty string.
    QString validate() const;
    /// The alter_channel call with every value as a parameter: sql() + params() run it safely.
    QString sql() const;
    QVariantList params() const;
    /// The same call with the values written in as SQL literals, for the preview.
    QString previewSql() const;
};

} // namespace automv::ui
