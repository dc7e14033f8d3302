#include "Redactor.h"

#include "util/Secret.h"

#include <algorithm>

namespace gs {

QString Redactor::mask()
{
    return QStringLiteral("••••••••");
}

Redactor::~Redactor()
{
    clear();
}

void Redactor::addSecret(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    // Longest first, so a secret that contains another is masked whole.
    const auto at = std::find_if(m_secrets.cbegin(), m_secrets.cend(),
                                 [&](const QString &s) { return s.size() < secret.size(); });
    const qsizetype index = at - m_secrets.cbegin();
    // Our own copies, not shared with the caller's: the destructor may then wipe them.
    m_secrets.insert(index, QString(secret.constData(), secret.size()));
    m_utf8.insert(index, secret.toUtf8());
}

void Redactor::clear()
{
    // A copied Redactor shares these buffers: only the last holder wipes them.
    if (m_secrets.isDetached()) {
        for (QString &secret : m_secrets) {
            if (!secret.isDetached())
                continue;
            wipe(secret);
        }
    }
    if (m_utf8.isDetached()) {
        for (QByteArray &secret : m_utf8) {
            if (secret.isDetached())
                wipe(secret);
        }
    }
    m_secrets.clear();
    m_utf8.clear();
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
    for (const QByteArray &secret : m_utf8)
        out.replace(secret, masked);
    return out;
}

} // namespace gs
