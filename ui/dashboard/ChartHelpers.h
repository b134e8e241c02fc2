#pragma once

#include <QColor>
#include <QString>

class QChart;

namespace automv::ui {

/// Removes a chart's series and axes (before it is filled again).
void resetChart(QChart *chart);
/// A local-time axis below and a value axis (from 0) on the left, attached to every series.
void attachTimeAxes(QChart *chart, const QString &valueTitle);
/// The colour of a refresh outcome, the same on every chart.
QColor outcomeColour(const QString &outcome);

} // namespace automv::ui
