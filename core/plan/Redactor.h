#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gs {

// Replaces every known secret with a mask before text reaches a log, a transcript or an export.
class Redactor
{
public:
    static QString mask(); // "••••••••"

    Redactor() = default;
    Redactor(const Redactor &) = default;
    Redactor &operator=(const Redactor &) = default;
    ~Redactor(); // wipes the secrets it alone holds

    // Every non-empty secret is masked, however short: a sudo password "abc" is still a password.
    void addSecret(const QString &secret);
    void clear();
    QString redact(QString text) const;
    QByteArray redact(const QByteArray &text) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QStringList m_secrets;    // longest first
    QList<QByteArray> m_utf8; // the same, as UTF-8, in the same order
};

} // namespace gs
