// validate-pool FILE [--json]: the pool file checks of the editor, for scripts and CI.
#include "Cli.h"

#include "pool/PoolReportFormat.h"
#include "pool/PoolValidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace gs::cli {

int runValidatePool(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool json = false;
    QString fileName;
    for (const QString &arg : arguments.mid(1)) {
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-")) {
            err << QCoreApplication::translate("Cli", "validate-pool: unknown option %1").arg(arg)
                << '\n';
            return UsageError;
        } else if (fileName.isEmpty()) {
            fileName = arg;
        } else {
            err << QCoreApplication::translate("Cli", "validate-pool: only one FILE, please")
                << '\n';
            return UsageError;
        }
    }
    if (fileName.isEmpty()) {
        err << QCoreApplication::translate("Cli", "Usage: gitspaces-setup validate-pool FILE "
                                                  "[--json]")
            << '\n';
        return UsageError;
    }
    // Exit code 2 means "could not read", so a missing file is never mistaken for a bad one.
    QFile file(fileName);
    if (QFileInfo(fileName).isDir()) {
        err << QCoreApplication::translate("Cli", "validate-pool: cannot read %1: it is a folder")
                   .arg(fileName)
            << '\n';
        return UsageError;
    }
    const bool opened = fileName == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : file.open(QIODevice::ReadOnly);
    if (!opened) {
        err << QCoreApplication::translate("Cli", "validate-pool: cannot read %1: %2")
                   .arg(fileName, file.errorString())
            << '\n';
        return UsageError;
    }
    // One byte over the limit is enough for the validator to say "too large".
    const QByteArray text = file.read(pool::kMaxPoolFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        err << QCoreApplication::translate("Cli", "validate-pool: cannot read %1: %2")
                   .arg(fileName, file.errorString())
            << '\n';
        return UsageError;
    }
    const pool::PoolReport report = pool::validatePool(text);
    if (json)
        out << QJsonDocument(pool::reportToJson(fileName, report)).toJson(QJsonDocument::Indented);
    else
        out << pool::formatReportText(fileName, report);
    out.flush();
    return report.hasErrors() ? Failure : Success;
}

} // namespace gs::cli
