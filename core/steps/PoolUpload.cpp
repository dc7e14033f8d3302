#include "PoolUpload.h"

#include "util/LocalPaths.h"

#include "pool/PoolFileEdits.h"
#include "pool/PoolReportFormat.h"
#include "pool/PoolValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gs::steps {

static QString tr(const char *text)
{
    return QCoreApplication::translate("PoolUpload", text);
}

QString containerKeyPath(const QString &localKeyFile)
{
    return QStringLiteral("/runner/") + QFileInfo(localKeyFile).fileName();
}

static bool readFile(const QString &path, QByteArray *content, QString *error)
{
    QFile file(expandHome(path));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *content = file.readAll();
    return true;
}

PreparedPool preparePool(const SetupConfig &config)
{
    PreparedPool prepared;
    prepared.prepared = true;
    const QString poolFile = expandHome(config.runner.poolFile);
    if (poolFile.isEmpty()) {
        prepared.readError = tr("No pool file is set: choose the pool.yaml Terraform generated.");
        return prepared;
    }
    QByteArray original;
    if (!readFile(poolFile, &original, &prepared.readError))
        return prepared;

    prepared.keyFile = expandHome(config.runner.serviceAccountKey);
    if (prepared.keyFile.isEmpty()) {
        const QString found = pool::localKeyFile(original, QFileInfo(poolFile).absolutePath());
        if (!found.isEmpty() && QFileInfo(found).isFile())
            prepared.keyFile = found;
    }

    prepared.content = original;
    if (!prepared.keyFile.isEmpty()) {
        if (!readFile(prepared.keyFile, &prepared.keyContent, &prepared.readError))
            return prepared;
        const QString target = containerKeyPath(prepared.keyFile);
        const auto references =
            pool::jsonPathReferences(original, QFileInfo(poolFile).absolutePath());
        QByteArray rewritten;
        if (!references.isEmpty() && pool::rewriteJsonPath(original, target, &rewritten)) {
            for (const pool::JsonPathReference &reference : references)
                if (reference.value != target)
                    prepared.rewrites
                        << QStringLiteral("json_path: %1 → %2").arg(reference.value, target);
            prepared.content = rewritten;
        }
    }

    // One form for every path: a here-document always ends the file with a line break, so the
    // engine sends it with one too, and the runner gets the same bytes whichever way they went.
    if (!prepared.content.isEmpty() && !prepared.content.endsWith('\n'))
        prepared.content += '\n';

    pool::ValidateOptions options;
    options.runnerDirectory = QStringLiteral("/runner");
    const pool::PoolReport report = pool::validatePool(prepared.content, options);
    prepared.errorCount = report.count(pool::Severity::Error);
    prepared.warningCount = report.count(pool::Severity::Warning);
    prepared.poolCount = int(report.pools.size());
    const QString name = QFileInfo(poolFile).fileName();
    for (const pool::Diagnostic &diagnostic : report.diagnostics)
        if (diagnostic.severity != pool::Severity::Note)
            prepared.diagnostics << pool::formatDiagnostic(name, diagnostic);
    return prepared;
}

} // namespace gs::steps
