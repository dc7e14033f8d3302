#include "FileDialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

#include <optional>

namespace gs::FileDialogs {

namespace {
std::optional<QString> &nextAnswer()
{
    static std::optional<QString> answer;
    return answer;
}

QString &answersFile()
{
    static QString path;
    return path;
}

QString baseDirectory()
{
    if (!answersFile().isEmpty()) {
        const QDir dir = QFileInfo(answersFile()).absoluteDir();
        if (dir.exists())
            return dir.path();
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir(documents).exists())
        return documents;
    return QDir::homePath();
}

std::optional<QString> takeNextAnswer()
{
    std::optional<QString> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}
} // namespace

QString startPath(const QString &suggestion)
{
    const QString trimmed = QDir::fromNativeSeparators(suggestion.trimmed());
    if (trimmed.isEmpty())
        return baseDirectory();
    QString expanded = trimmed;
    if (expanded == QLatin1String("~") || expanded.startsWith(QLatin1String("~/")))
        expanded = QDir::homePath() + expanded.mid(1);
    const QFileInfo info(expanded);
    if (info.isAbsolute()) {
        if (info.isDir())
            return info.absoluteFilePath();
        if (info.absoluteDir().exists())
            return info.absoluteFilePath();
        return QDir(baseDirectory()).filePath(info.fileName());
    }
    return QDir(baseDirectory()).filePath(expanded);
}

void setAnswersFile(const QString &path)
{
    answersFile() = path;
}

static void showDialog(QWidget *parent, const QString &caption, const QString &dir,
                       const QString &filter, QFileDialog::AcceptMode mode, FileChosen chosen,
                       bool folder = false)
{
    if (auto answer = takeNextAnswer()) {
        if (!answer->isEmpty())
            chosen(*answer);
        return;
    }
    auto *dialog = new QFileDialog(parent, caption, startPath(dir), filter);
    dialog->setAcceptMode(mode);
    dialog->setFileMode(folder                            ? QFileDialog::Directory
                        : mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile
                                                          : QFileDialog::AnyFile);
    if (folder)
        dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (!path.isEmpty())
                             chosen(path);
                     });
    dialog->open();
}

void openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
              FileChosen chosen)
{
    showDialog(parent, caption, dir, filter, QFileDialog::AcceptOpen, std::move(chosen));
}

void saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
              FileChosen chosen)
{
    showDialog(parent, caption, dir, filter, QFileDialog::AcceptSave, std::move(chosen));
}

void openFolder(QWidget *parent, const QString &caption, const QString &dir, FileChosen chosen)
{
    showDialog(parent, caption, dir, {}, QFileDialog::AcceptOpen, std::move(chosen), true);
}

void setNextAnswerForTests(const QString &path)
{
    nextAnswer() = path;
}

} // namespace gs::FileDialogs
