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

// The next dialog returns `path` at once without showing anything (an empty string = cancel).
void setNextAnswerForTests(const QString &path);

} // namespace gs::FileDialogs
