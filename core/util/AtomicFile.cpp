#include "AtomicFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace gs {

namespace {

QString tr(const char *text)
{
    // lupdate files tr() in a function of namespace gs under "gs".
    return QCoreApplication::translate("gs", text);
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *why,
                         std::optional<QFileDevice::Permissions> permissions)
{
    QSaveFile file(path);
    QString reason;
    if (QFileInfo(path).isDir())
        reason = tr("it is a directory");
    else if (!file.open(QIODevice::WriteOnly))
        reason = file.errorString();
    else if (permissions && !file.setPermissions(*permissions))
        reason = file.errorString();
    else if (file.write(bytes) != bytes.size() || !file.commit())
        reason = file.errorString();
    if (reason.isEmpty())
        return true;
    file.cancelWriting();
    if (why)
        *why = reason;
    return false;
}

bool canWriteFileAtomically(const QString &path, QString *why)
{
    // Opening a QSaveFile creates its temporary file beside the target; cancelling removes it.
    QSaveFile probe(path);
    QString reason;
    if (QFileInfo(path).isDir())
        reason = tr("it is a directory");
    else if (!probe.open(QIODevice::WriteOnly))
        reason = probe.errorString();
    probe.cancelWriting();
    if (reason.isEmpty())
        return true;
    if (why)
        *why = reason;
    return false;
}

} // namespace gs
