#include "LineDiff.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace gs::manage {

namespace {

struct Op
{
    char kind;  // ' ', '-', '+'
    int before; // line index in `before` (for ' ' and '-')
    int after;  // line index in `after` (for ' ' and '+')
};

QStringList splitLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // a final newline ends the last line, it does not start one
    return lines;
}

// The edit script of the middle part by longest common subsequence; whole when it is too large.
QList<Op> middleOps(const QStringList &a, const QStringList &b, int from, int aEnd, int bEnd,
                    qint64 maxCells)
{
    QList<Op> ops;
    const int n = aEnd - from;
    const int m = bEnd - from;
    if (qint64(n) * qint64(m) > maxCells) {
        for (int i = 0; i < n; ++i)
            ops.append({'-', from + i, -1});
        for (int j = 0; j < m; ++j)
            ops.append({'+', -1, from + j});
        return ops;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] =
                a[from + i] == b[from + j]
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[from + i] == b[from + j]) {
            ops.append({' ', from + i++, from + j++});
        } else if (i < n &&
                   (j == m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
            // Removals before additions, as diff -u shows a changed line.
            ops.append({'-', from + i++, -1});
        } else {
            ops.append({'+', -1, from + j++});
        }
    }
    return ops;
}

} // namespace

QStringList unifiedDiff(const QString &before, const QString &after, const QString &beforeName,
                        const QString &afterName, int context, qint64 maxCells)
{
    if (before == after)
        return {};
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    int head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;

    QList<Op> ops;
    for (int i = 0; i < head; ++i)
        ops.append({' ', i, i});
    ops += middleOps(a, b, head, int(a.size()) - tail, int(b.size()) - tail, maxCells);
    for (int k = tail; k > 0; --k)
        ops.append({' ', int(a.size()) - k, int(b.size()) - k});

    QStringList out;
    if (a == b) // only a final newline differs
        return {QStringLiteral("--- ") + beforeName, QStringLiteral("+++ ") + afterName,
                QStringLiteral("\\ the files differ only in their final newline")};
    out << QStringLiteral("--- ") + beforeName << QStringLiteral("+++ ") + afterName;
    int index = 0;
    while (index < ops.size()) {
        // The next change, with `context` lines before it; hunks whose context touches merge.
        while (index < ops.size() && ops[index].kind == ' ')
            ++index;
        if (index == ops.size())
            break;
        int start = std::max(0, index - context);
        int end = index;
        int quiet = 0;
        while (end < ops.size()) {
            quiet = ops[end].kind == ' ' ? quiet + 1 : 0;
            if (quiet > 2 * context)
                break;
            ++end;
        }
        end = std::min<int>(int(ops.size()), end - std::max(0, quiet - context));
        int aBefore = 0;
        int bBefore = 0;
        for (int k = 0; k < start; ++k) {
            aBefore += ops[k].kind != '+' ? 1 : 0;
            bBefore += ops[k].kind != '-' ? 1 : 0;
        }
        int aCount = 0;
        int bCount = 0;
        QStringList body;
        for (int k = start; k < end; ++k) {
            const Op &op = ops[k];
            aCount += op.kind != '+' ? 1 : 0;
            bCount += op.kind != '-' ? 1 : 0;
            body << QLatin1Char(op.kind) + (op.kind == '+' ? b[op.after] : a[op.before]);
        }
        // An empty side names the line before it, as diff -u does.
        const int aLine = aCount == 0 ? aBefore : aBefore + 1;
        const int bLine = bCount == 0 ? bBefore : bBefore + 1;
        out << QStringLiteral("@@ -%1,%2 +%3,%4 @@").arg(aLine).arg(aCount).arg(bLine).arg(bCount);
        out += body;
        index = end;
    }
    return out;
}

} // namespace gs::manage
