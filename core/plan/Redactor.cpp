#include "Redactor.h"

namespace gs {

QString Redactor::mask()
{
    return QStringLiteral("••••••••");
}

void Redactor::addSecret(const QString &secret)
{
    // Very short values would mask ordinary words; real secrets are far longer.
    if (secret.size() < 4 || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    // Longest first, so a secret that contains another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Redactor::clear()
{
    m_secrets.clear();
}

QString Redactor::redact(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, mask());
    return text;
}

QByteArray Redactor::redact(const QByteArray &text) const
{
    QByteArray out = text;
    const QByteArray masked = mask().toUtf8();
    for (const QString &secret : m_secrets)
        out.replace(secret.toUtf8(), masked);
    return out;
}

} // namespace gs
