#pragma once

#include <QString>

class QAbstractItemModel;
class QWidget;

namespace automv::ui {

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
QString csvField(QString text);
/// The model's header and rows as CSV, in the model's order (a proxy: as sorted and filtered).
QString csvFromModel(const QAbstractItemModel &model, int role = Qt::DisplayRole);
/// Asks where to save (a file dialog starting at `suggestedName`) and writes `csv` there.
/// Returns the empty string when saved or cancelled, else what went wrong.
QString saveCsvAs(QWidget *parent, const QString &title, const QString &suggestedName, const QString &csv);

} // namespace automv::ui
