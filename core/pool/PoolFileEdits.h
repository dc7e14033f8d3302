#pragma once

#include "PoolDiagnostic.h"

#include "util/Result.h"

namespace gs::pool {

// The text with the fix's edits applied (edits are byte ranges of `text`).
QByteArray applyFix(const QByteArray &text, const Fix &fix);

// The UTF-16 index (QString position) of byte `byteOffset` of the UTF-8 `text`.
qsizetype utf16Offset(const QByteArray &text, qsizetype byteOffset);

// A `spec.account.json_path` value in the file.
struct JsonPathReference
{
    QString poolName;
    QString value;        // as written
    QString localPath;    // resolved against the pool file's folder; ~ expanded; empty if no value
    qsizetype offset = 0; // bytes: the scalar as written, quotes included
    qsizetype length = 0;
    int line = 0;
};

// Every json_path of every pool, in file order. `poolFileDirectory` resolves relative paths
// (which is how Terraform wrote them: relative to where it ran).
QList<JsonPathReference> jsonPathReferences(const QByteArray &text,
                                            const QString &poolFileDirectory);

// The local key file the pool file points at: the first json_path that names an existing file,
// else the first one given. Empty when no pool has a json_path.
QString localKeyFile(const QByteArray &text, const QString &poolFileDirectory);

// Rewrites every json_path value to `containerPath`, touching only those values and keeping
// their quoting style. Fails when the file has no json_path or cannot be parsed.
Result rewriteJsonPath(const QByteArray &text, const QString &containerPath, QByteArray *out);

} // namespace gs::pool
