#include "FileDialogs.h"

#include <QFileDialog>

#include <optional>

namespace gs::FileDialogs {

namespace {
std::optional<QString> &nextAnswer()
{
    static std::optional<QString> answer;
    return answer;
}

std::optional<QString> takeNextAnswer()
{
    std::optional<QString> answer = nextAnswer();
    nextAnswer().reset();
    return answer;
}
} // namespace

QString openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (auto answer = takeNextAnswer())
        return *answer;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void setNextAnswerForTests(const QString &path)
{
    nextAnswer() = path;
}

} // namespace gs::FileDialogs
