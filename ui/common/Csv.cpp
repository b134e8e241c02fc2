#include "ui/common/Csv.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFileDialog>
#include <QSaveFile>
#include <QStringList>

namespace automv::ui {

QString csvField(QString text) {
    if (text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r'))
        text = '"' + text.replace('"', QStringLiteral("\"\"")) + '"';
    return text;
}

QString csvFromModel(const QAbstractItemModel &model, int role) {
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << csvField(model.headerData(c, Qt::Horizontal).toString());
    lines << header.join(',');
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << csvField(model.index(r, c).data(role).toString());
        lines << cells.join(',');
    }
    return lines.join('\n') + '\n';
}

QString saveCsvAs(QWidget *parent, const QString &title, const QString &suggestedName, const QString &csv) {
    const QString path = QFileDialog::getSaveFileName(parent, title, suggestedName,
                                                      QCoreApplication::translate("Csv", "CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    QSaveFile file(path);   // all or nothing: a failed write leaves no half file
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.toUtf8()) < 0 || !file.commit())
        return QCoreApplication::translate("Csv", "Could not write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace automv::ui
