#pragma once

#include "plan/SetupConfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

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
};

// Reads `config.runner.poolFile`; when a key file is configured (or json_path names a local file
// that exists) reads it too and points every google `json_path` at the path the container sees
// (/runner/<key file name>); then validates the result as the runner will read it.
PreparedPool preparePool(const SetupConfig &config);

// Where the container finds the key: the runner directory is mounted at /runner.
QString containerKeyPath(const QString &localKeyFile);

} // namespace gs::steps
