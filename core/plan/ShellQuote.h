#pragma once

#include <QString>
#include <QStringList>

namespace gs {

// The one function that puts a value into a remote command. POSIX sh semantics: a value made only
// of characters no shell treats specially is left as it is (so commands read like the docs);
// anything else is single-quoted, with ' written as '\''. The empty string becomes ''.
QString shellQuote(const QString &value);

// Joins already-safe words with spaces, quoting each one.
QString shellJoin(const QStringList &words);

// Splits a command line the way sh would split it into words (quotes, backslashes), without
// expansions. Returns false on an unterminated quote.
bool shellSplit(const QString &line, QStringList *words);

} // namespace gs
