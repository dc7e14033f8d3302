#pragma once

#include <QString>

class QWidget;

namespace gs::FileDialogs {

// QFileDialog wrappers. A modal file dialog is a decision, not part of a flow, so it is allowed;
// tests answer it ahead of time instead of driving a native dialog.
QString openFile(QWidget *parent, const QString &caption, const QString &dir,
                 const QString &filter);
QString saveFile(QWidget *parent, const QString &caption, const QString &dir,
                 const QString &filter);

// Where a dialog starts: `suggestion` when it names a folder that exists (a file in it is
// preselected); a bare or relative file name goes into the answers file's folder, or, without
// one, the user's Documents. Never the process's working directory.
QString startPath(const QString &suggestion);
// The answers file last saved or opened (WizardModel keeps this up to date).
void setAnswersFile(const QString &path);

// The next dialog returns `path` at once without showing anything (an empty string = cancel).
void setNextAnswerForTests(const QString &path);

} // namespace gs::FileDialogs
