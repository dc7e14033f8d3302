#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace gs::FileDialogs {

// Called with the file the user chose; not called when the dialog is cancelled.
using FileChosen = std::function<void(const QString &path)>;

// File dialogs, window-modal and opened with open(): the wizard's event loop keeps running (no
// nested loop), and `chosen` runs when the user picks a file, unless `parent` is gone by then.
// Tests answer them ahead of time instead of driving a native dialog.
void openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
              FileChosen chosen);
void saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
              FileChosen chosen);
// A folder: an existing one, or one made in the dialog.
void openFolder(QWidget *parent, const QString &caption, const QString &dir, FileChosen chosen);

// Where a dialog starts: `suggestion` when it names a folder that exists (a file in it is
// preselected); a bare or relative file name goes into the answers file's folder, or, without
// one, the user's Documents. Never the process's working directory.
QString startPath(const QString &suggestion);
// The answers file last saved or opened (WizardModel keeps this up to date).
void setAnswersFile(const QString &path);

// The next dialog answers `path` at once, before returning, without showing anything (an empty
// string = cancel).
void setNextAnswerForTests(const QString &path);

} // namespace gs::FileDialogs
