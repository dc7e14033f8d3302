#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gs::pool {

enum class Severity { Error, Warning, Note };

// "error", "warning", "note": the words compilers use.
QString severityName(Severity severity);

// Replaces `length` bytes at byte `offset` of the UTF-8 text with `replacement`.
struct TextEdit
{
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray replacement;
};

// An automatic fix: edits on the text that was validated, none overlapping.
struct Fix
{
    QString title; // "Quote the value", "Use /runner/sa.json", …
    QList<TextEdit> edits;
};

// One finding. Positions are 1-based; columns count characters (code points) of the line.
// offset/length are bytes of the UTF-8 text and span the range to underline.
struct Diagnostic
{
    int line = 1;
    int column = 1;
    int endLine = 1;
    int endColumn = 1; // exclusive
    qsizetype offset = 0;
    qsizetype length = 0;
    Severity severity = Severity::Error;
    QString code;    // stable: "pool.type.unknown"
    QString message; // says what is wrong and what to do
    std::optional<Fix> fix;
};

// One pool (an entry of `instances`) as the runner will run it: values after its defaults and
// normalisation (limit raised to pool, limit <= 0 becomes 100).
struct PoolRow
{
    QString name;
    QString type;
    QString platform; // "linux/amd64"
    int pool = 0;
    int limit = 100;
    QString machineType;
    QStringList zones;
    QString image;
    int line = 0; // where the entry starts
};

struct PoolReport
{
    QList<Diagnostic> diagnostics; // sorted by position
    QList<PoolRow> pools;

    int count(Severity severity) const;
    bool hasErrors() const { return count(Severity::Error) > 0; }
};

} // namespace gs::pool
