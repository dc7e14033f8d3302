#pragma once

#include "PoolDiagnostic.h"

#include <QJsonObject>

namespace gs::pool {

// "FILE:LINE:COLUMN: error: message [code]", one line each, like a compiler.
QString formatDiagnostic(const QString &fileName, const Diagnostic &diagnostic);
QString formatReportText(const QString &fileName, const PoolReport &report);

// {"file", "errors", "warnings", "notes", "diagnostics": [...], "pools": [...]}
QJsonObject reportToJson(const QString &fileName, const PoolReport &report);

} // namespace gs::pool
