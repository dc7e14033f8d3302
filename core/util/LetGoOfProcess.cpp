#include "LetGoOfProcess.h"

#include <QCoreApplication>
#include <QProcess>

namespace gs {

void letGoOfProcess(QProcess *process, QObject *owner)
{
    if (!process)
        return;
    process->disconnect(owner);
    process->setParent(QCoreApplication::instance());
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

} // namespace gs
