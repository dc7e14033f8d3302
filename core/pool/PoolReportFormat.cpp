#include "PoolReportFormat.h"

#include <QJsonArray>

namespace gs::pool {

QString formatDiagnostic(const QString &fileName, const Diagnostic &d)
{
    return QStringLiteral("%1:%2:%3: %4: %5 [%6]")
        .arg(fileName)
        .arg(d.line)
        .arg(d.column)
        .arg(severityName(d.severity), d.message, d.code);
}

QString formatReportText(const QString &fileName, const PoolReport &report)
{
    QString out;
    for (const Diagnostic &d : report.diagnostics)
        out += formatDiagnostic(fileName, d) + QLatin1Char('\n');
    return out;
}

QJsonObject reportToJson(const QString &fileName, const PoolReport &report)
{
    QJsonArray diagnostics;
    for (const Diagnostic &d : report.diagnostics) {
        QJsonObject o{{QStringLiteral("line"), d.line},
                      {QStringLiteral("column"), d.column},
                      {QStringLiteral("endLine"), d.endLine},
                      {QStringLiteral("endColumn"), d.endColumn},
                      {QStringLiteral("offset"), static_cast<qint64>(d.offset)},
                      {QStringLiteral("length"), static_cast<qint64>(d.length)},
                      {QStringLiteral("severity"), severityName(d.severity)},
                      {QStringLiteral("code"), d.code},
                      {QStringLiteral("message"), d.message}};
        if (d.fix) {
            QJsonArray edits;
            for (const TextEdit &e : d.fix->edits) {
                edits.append(
                    QJsonObject{{QStringLiteral("offset"), static_cast<qint64>(e.offset)},
                                {QStringLiteral("length"), static_cast<qint64>(e.length)},
                                {QStringLiteral("replacement"), QString::fromUtf8(e.replacement)}});
            }
            o.insert(QStringLiteral("fix"), QJsonObject{{QStringLiteral("title"), d.fix->title},
                                                        {QStringLiteral("edits"), edits}});
        }
        diagnostics.append(o);
    }
    QJsonArray pools;
    for (const PoolRow &p : report.pools) {
        pools.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("type"), p.type},
                                 {QStringLiteral("platform"), p.platform},
                                 {QStringLiteral("pool"), p.pool},
                                 {QStringLiteral("limit"), p.limit},
                                 {QStringLiteral("machineType"), p.machineType},
                                 {QStringLiteral("zones"), QJsonArray::fromStringList(p.zones)},
                                 {QStringLiteral("image"), p.image},
                                 {QStringLiteral("line"), p.line}});
    }
    return QJsonObject{{QStringLiteral("file"), fileName},
                       {QStringLiteral("errors"), report.count(Severity::Error)},
                       {QStringLiteral("warnings"), report.count(Severity::Warning)},
                       {QStringLiteral("notes"), report.count(Severity::Note)},
                       {QStringLiteral("diagnostics"), diagnostics},
                       {QStringLiteral("pools"), pools}};
}

} // namespace gs::pool
