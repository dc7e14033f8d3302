#pragma once

#include "plan/SetupConfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace gs::steps {

// The pool file and the service-account key as they go to the VM.
struct PreparedPool
{
    bool prepared = false;
    QString readError;  // set when a local file cannot be read
    int errorCount = 0; // validator errors: the runner would refuse the file
    int warningCount = 0;
    QStringList diagnostics; // "pool.yaml:LINE:COL: error: message [code]"
    int poolCount = 0;       // instances defined
    QByteArray content;      // what is uploaded: json_path rewritten when a key is configured
    QString keyFile;         // local key file: configured, or found through json_path
    QByteArray keyContent;   // its content
    QStringList rewrites;    // "json_path: service-account-key.json → /runner/…json"
    // json_path values inside the runner directory as the container sees it (/runner/sa.json)
    // while no key file goes up: the key must already be on the VM, or the runner cannot
    // create VMs.
    QStringList expectedKeys;
};

// Reads `config.runner.poolFile`; when a key file is configured (or json_path names a local file
// that exists) reads it too and points every google `json_path` at the path the container sees
// (/runner/<key file name>); then validates the result as the runner will read it.
PreparedPool preparePool(const SetupConfig &config);

// Said before running (Runner page, preflight) when pool.yaml expects a key nobody gave: names
// the file and what the runner will do without it. Empty when nothing is missing.
QString missingKeyWarning(const PreparedPool &pool, const QString &runnerDirectory);
// Where an expected key is on the VM: its /runner/… path in the runner directory.
QString hostKeyPath(const QString &containerPath, const QString &runnerDirectory);
// One line of a probe script: "@@keystat=<path>|<mode> <owner>" per expected key (wrapped by
// `fileCommand` for sudo), or empty when no key is expected.
QString expectedKeyProbe(const PreparedPool &pool, const QString &runnerDirectory,
                         const std::function<QString(const QString &)> &fileCommand);
// What that probe found, as warnings: a key missing, or readable by others than root.
QStringList expectedKeyProblems(const PreparedPool &pool, const QString &runnerDirectory,
                                const QStringList &keystatValues);

// Where the container finds the key: the runner directory is mounted at /runner.
QString containerKeyPath(const QString &localKeyFile);

} // namespace gs::steps
