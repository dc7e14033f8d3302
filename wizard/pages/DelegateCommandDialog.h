#pragma once

#include "plan/DockerRunImport.h"

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace gs {

class InlineError;

// "Paste the command from Harness": a plain text box for the delegate's docker run command.
// Opened with open(), never exec(). A command that does not read gets an inline error with the
// place marked in the text, and the dialog stays; one that reads is handed over through
// imported() and the text (which holds the token) is cleared.
class DelegateCommandDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DelegateCommandDialog(QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *fillButton() const { return m_fill; }
    InlineError *errorLabel() const { return m_error; }

    // The command read at the last imported(); moved out, so it is taken once.
    DockerRunImport takeResult() { return std::move(m_result); }

    void done(int result) override;

Q_SIGNALS:
    void imported();

private:
    void fill();
    void markError(const DockerRunImport &failed);
    void clearMark();

    QPlainTextEdit *m_text;
    InlineError *m_error;
    QPushButton *m_fill;
    DockerRunImport m_result;
};

} // namespace gs
