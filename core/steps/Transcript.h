#pragma once

#include "plan/Redactor.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace gs::steps {

// Every command a run sent and everything it answered, secrets masked. The Summary page offers
// it; the CLI can write it to a file. Nothing unmasked is ever stored here.
class Transcript : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QDateTime started;
        QString step;      // stepKey()
        QString commandId; // the planned command's id, or "check.*" for the engine's own probes
        QString script;    // masked
        QString stdinNote; // what went to stdin, described, never the content of a secret
        QString stdOut;    // masked
        QString stdErr;    // masked
        QString outcome;   // "exit 0", "exit 1", "cancelled", "connection lost: …"
        int elapsedMs = 0;
    };

    explicit Transcript(QObject *parent = nullptr);

    // Secrets to mask from now on (the token, the sudo password, the key file's content lines).
    void addSecret(const QString &secret);
    const Redactor &redactor() const { return m_redactor; }

    // Returns the index of the new entry.
    int begin(const QString &step, const QString &commandId, const QString &script,
              const QString &stdinNote);
    void finish(int index, const QByteArray &out, const QByteArray &err, const QString &outcome,
                int elapsedMs);
    void note(const QString &step, const QString &text); // a line without a command

    const QList<Entry> &entries() const { return m_entries; }
    QString toText() const;
    void clear();

Q_SIGNALS:
    void entryAdded(int index);
    void entryFinished(int index);

private:
    Redactor m_redactor;
    QList<Entry> m_entries;
};

} // namespace gs::steps
