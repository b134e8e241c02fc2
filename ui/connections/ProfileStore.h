#pragma once

#include "ui/connections/ConnectionProfile.h"

#include <QList>
#include <QSettings>

namespace automv::ui {

/// Saved connection profiles in QSettings (the platform's settings store). Never a password:
/// a profile has no field for one.
class ProfileStore {
public:
    /// Uses the given settings object (the application's, or a file in tests).
    explicit ProfileStore(QSettings &settings);

    QList<ConnectionProfile> load() const;
    /// Adds or replaces the profile with the same id.
    void save(const ConnectionProfile &profile);
    void remove(const QString &id);

private:
    QSettings &m_settings;
};

} // namespace automv::ui
