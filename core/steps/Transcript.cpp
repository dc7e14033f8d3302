#include "Transcript.h"

namespace gs::steps {

Transcript::Transcript(QObject *parent)
    : QObject(parent)
{}

void Transcript::addSecret(const QString &secret)
{
    m_redactor.addSecret(secret);
}

int Transcript::begin(const QString &step, const QString &commandId, const QString &script,
                      const QString &stdinNote)
{
    Entry entry;
    entry.started = QDateTime::currentDateTimeUtc();
    entry.step = step;
    entry.commandId = commandId;
    entry.script = m_redactor.redact(script);
    entry.stdinNote = m_redactor.redact(stdinNote);
    m_entries.append(entry);
    Q_EMIT entryAdded(int(m_entries.size()) - 1);
    return int(m_entries.size()) - 1;
}

void Transcript::finish(int index, const QByteArray &out, const QByteArray &err,
                        const QString &outcome, int elapsedMs)
{
    if (index < 0 || index >= m_entries.size())
        return;
    Entry &entry = m_entries[index];
    entry.stdOut = QString::fromUtf8(m_redactor.redact(out));
    entry.stdErr = QString::fromUtf8(m_redactor.redact(err));
    entry.outcome = m_redactor.redact(outcome);
    entry.elapsedMs = elapsedMs;
    Q_EMIT entryFinished(index);
}

void Transcript::note(const QString &step, const QString &text)
{
    Entry entry;
    entry.started = QDateTime::currentDateTimeUtc();
    entry.step = step;
    entry.outcome = m_redactor.redact(text);
    m_entries.append(entry);
    Q_EMIT entryAdded(int(m_entries.size()) - 1);
}

static QString indented(const QString &text, const QString &prefix)
{
    QString trimmed = text;
    while (trimmed.endsWith(QLatin1Char('\n')))
        trimmed.chop(1);
    if (trimmed.isEmpty())
        return {};
    return prefix + QString(trimmed).replace(QLatin1Char('\n'), QLatin1Char('\n') + prefix) +
           QLatin1Char('\n');
}

QString Transcript::toText() const
{
    QString text;
    for (const Entry &entry : m_entries) {
        const QString when = entry.started.toString(Qt::ISODate);
        if (entry.script.isEmpty()) {
            text += QStringLiteral("# %1 [%2] %3\n").arg(when, entry.step, entry.outcome);
            continue;
        }
        text += QStringLiteral("# %1 [%2] %3\n").arg(when, entry.step, entry.commandId);
        text += indented(entry.script, QStringLiteral("$ "));
        if (!entry.stdinNote.isEmpty())
            text += QStringLiteral("  (stdin: %1)\n").arg(entry.stdinNote);
        text += indented(entry.stdOut, QStringLiteral("  "));
        text += indented(entry.stdErr, QStringLiteral("  ! "));
        text += QStringLiteral("  => %1 (%2 ms)\n").arg(entry.outcome).arg(entry.elapsedMs);
    }
    return text;
}

void Transcript::clear()
{
    m_entries.clear();
}

} // namespace gs::steps
