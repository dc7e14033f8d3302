// validate-pool FILE [--json]: the pool file checks of the editor, for scripts and CI.
#include "Cli.h"

#include "pool/PoolReportFormat.h"
#include "pool/PoolValidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace gs::cli {

namespace {

QString validatePoolHelp()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Check a pool file as the runner loads it: errors and warnings with line and "
               "column, and a fix where there is one. FILE - reads standard input. Exit code 0: "
               "no errors; 1: errors; 2: the file could not be read."));
    parser.addOption(helpOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Print the findings and the pools as JSON.")));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("Cli", "The pool file."));
    return subcommandHelp(parser, "validate-pool");
}

} // namespace

int runValidatePool(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    bool json = false;
    QString fileName;
    for (const QString &arg : arguments.mid(1)) {
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            out << validatePoolHelp();
            return Success;
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
