#include "ui/common/StatePalette.h"

namespace automv::ui {

using graph::MvState;

QColor stateFill(MvState state) {
    switch (state) {
    case MvState::Fresh: return QColor(0x00, 0x9e, 0x73);         // bluish green
    case MvState::Pending: return QColor(0xe6, 0x9f, 0x00);       // orange
    case MvState::Refreshing: return QColor(0x56, 0xb4, 0xe9);    // sky blue
    case MvState::Failed: return QColor(0xd5, 0x5e, 0x00);        // vermilion
    case MvState::Stale: return QColor(0xcc, 0x79, 0xa7);         // reddish purple
    case MvState::Missing: return QColor(0x55, 0x55, 0x55);       // dark grey
    case MvState::Paused: return QColor(0xf0, 0xe4, 0x42);        // yellow
    case MvState::Unregistered: return QColor(0xbb, 0xbb, 0xbb);  // light grey
    case MvState::NotMv: break;
    }
    return QColor(0xee, 0xee, 0xee);
}

QColor stateText(MvState state) {
    switch (state) {
    case MvState::Fresh: return QColor(0x00, 0x7a, 0x59);
    case MvState::Pending: return QColor(0x9a, 0x62, 0x00);
    case MvState::Refreshing: return QColor(0x00, 0x72, 0xb2);    // blue
    case MvState::Failed: return QColor(0xb3, 0x3f, 0x00);
    case MvState::Stale: return QColor(0x9e, 0x3d, 0x7a);
    case MvState::Missing: return QColor(0x55, 0x55, 0x55);
    case MvState::Paused: return QColor(0x7a, 0x6e, 0x00);
    case MvState::Unregistered: return QColor(0x7f, 0x7f, 0x7f);
    case MvState::NotMv: break;
    }
    return {};
}

QColor textOn(const QColor &fill) {
    const double luminance = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue();
    return luminance < 140 ? QColor(Qt::white) : QColor(Qt::black);
}

MvState stateOf(const QString &text) {
    if (text.startsWith(QLatin1String("not registered")))
        return MvState::Unregistered;
    return graph::stateFromText(text.toStdString());
}

} // namespace automv::ui
