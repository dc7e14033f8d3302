#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gs {

// Replaces every known secret with a mask before text reaches a log, a transcript or an export.
class Redactor
{
public:
    static QString mask(); // "••••••••"

    void addSecret(const QString &secret); // ignored when shorter than 4 characters
    void clear();
    QString redact(QString text) const;
    QByteArray redact(const QByteArray &text) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QStringList m_secrets;
};

} // namespace gs
