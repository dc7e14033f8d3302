#include "PoolUpload.h"

#include "plan/ShellQuote.h"
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
    return QCoreApplication::translate("gs::steps", text);
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

QString hostKeyPath(const QString &containerPath, const QString &runnerDirectory)
{
    QString directory = runnerDirectory;
    while (directory.size() > 1 && directory.endsWith(QLatin1Char('/')))
        directory.chop(1);
    return directory + containerPath.mid(int(qstrlen("/runner")));
}

QString missingKeyWarning(const PreparedPool &pool, const QString &runnerDirectory)
{
    if (pool.expectedKeys.isEmpty())
        return {};
    QStringList onVm;
    for (const QString &key : pool.expectedKeys)
        onVm << hostKeyPath(key, runnerDirectory);
    return tr("pool.yaml expects the service-account key at %1 (json_path), but no key file is "
              "given and none was found next to pool.yaml. Unless %2 is already on the VM "
              "(owned by root, mode 0600), the runner cannot create VMs (\"could not find "
              "default credentials\" or \"no such file\"): choose the key file to upload it.")
        .arg(pool.expectedKeys.join(QStringLiteral(", ")), onVm.join(QStringLiteral(", ")));
}

QString expectedKeyProbe(const PreparedPool &pool, const QString &runnerDirectory,
                         const std::function<QString(const QString &)> &fileCommand)
{
    QStringList lines;
    for (const QString &key : pool.expectedKeys) {
        const QString path = hostKeyPath(key, runnerDirectory);
        // "<path>|600 root", or "<path>|" when stat finds nothing.
        lines << QStringLiteral("printf '@@keystat=%s|%s\\n' %1 \"$(%2 2>/dev/null)\"")
                     .arg(shellQuote(path),
                          fileCommand(QStringLiteral("stat -c '%a %U' ") + shellQuote(path)));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList expectedKeyProblems(const PreparedPool &pool, const QString &runnerDirectory,
                                const QStringList &keystatValues)
{
    QStringList problems;
    for (const QString &key : pool.expectedKeys) {
        const QString path = hostKeyPath(key, runnerDirectory);
        QString found;
        for (const QString &value : keystatValues)
            if (value.section(QLatin1Char('|'), 0, 0) == path)
                found = value.section(QLatin1Char('|'), 1).trimmed();
        const QString mode = found.section(QLatin1Char(' '), 0, 0);
        const QString owner = found.section(QLatin1Char(' '), 1);
        if (found.isEmpty()) {
            problems << tr("%1 is not on the VM, and pool.yaml's json_path names it as %2: the "
                           "runner cannot create VMs (\"could not find default credentials\" or "
                           "\"no such file\"). Choose the key file on the VM Runner page and run "
                           "again, or copy it there (owner root, mode 0600).")
                            .arg(path, key);
        } else if (owner != QLatin1String("root") || !mode.endsWith(QLatin1String("00"))) {
            problems << tr("%1 is there but not readable by root only (mode %2, owner %3): "
                           "anyone who can read it can act as the service account. Run "
                           "\"sudo chown root %1 && sudo chmod 600 %1\".")
                            .arg(path, mode, owner);
        }
    }
    return problems;
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

    if (prepared.keyFile.isEmpty()) {
        for (const pool::JsonPathReference &reference :
             pool::jsonPathReferences(original, QFileInfo(poolFile).absolutePath())) {
            const QString value = reference.value.trimmed();
            if (value.startsWith(QLatin1String("/runner/")) &&
                !prepared.expectedKeys.contains(value))
                prepared.expectedKeys << value;
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
