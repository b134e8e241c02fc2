#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace automv::ui {

/// A dialog whose OK validates, then (with a submitter set) sends its call to the server and
/// stays open until the answer: it closes on success and shows the server's refusal, every
/// edit kept, otherwise. Without a submitter OK just accepts a valid dialog. Subclasses say what
/// is wrong (problem()), send the call (submit()) and call setUpSubmission() once.
class SubmittingDialog : public QDialog {
    Q_OBJECT
public:
    using QDialog::QDialog;

    QString message() const;
    bool submitting() const { return m_submitting; }
    void accept() override;
    /// The server's answer to the submitted call: empty = done (the dialog closes).
    void submitFinished(const QString &error);

protected:
    /// Where messages go, and whose OK button waits while a call is out.
    void setUpSubmission(QLabel *message, QDialogButtonBox *buttons);
    virtual QString problem() const = 0;
    virtual bool canSubmit() const = 0;
    virtual void submit() = 0;
    virtual QString busyText() const;

private:
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_submitting = false;
};

} // namespace automv::ui
