#include "Secret.h"

#include <cstring>
#include <string.h>
#include <utility>

namespace gs {

void wipeMemory(void *data, size_t size)
{
    if (data && size)
        explicit_bzero(data, size);
}

void wipe(QByteArray &bytes)
{
    // isMutable(): the buffer is heap data we may write (not a literal or raw data).
    if (bytes.data_ptr().isMutable())
        wipeMemory(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
    bytes = QByteArray();
}

void wipe(QString &text)
{
    if (text.data_ptr().isMutable())
        wipeMemory(const_cast<QChar *>(text.constData()), size_t(text.size()) * sizeof(QChar));
    text = QString();
}

void wipeIfLast(QByteArray &bytes)
{
    if (bytes.isDetached())
        wipe(bytes);
    bytes = QByteArray();
}

void wipeIfLast(QString &text)
{
    if (text.isDetached())
        wipe(text);
    text = QString();
}

Secret::Secret(Secret &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{}

Secret &Secret::operator=(Secret &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

Secret Secret::fromBytes(QByteArrayView bytes)
{
    Secret secret;
    if (!bytes.isEmpty())
        secret.m_bytes = QByteArray(bytes.data(), bytes.size()); // a fresh, unshared buffer
    return secret;
}

Secret Secret::take(QByteArray &source)
{
    Secret secret = fromBytes(source);
    wipeIfLast(source);
    return secret;
}

Secret Secret::take(QString &source)
{
    // toUtf8() allocates the one buffer the secret keeps: nothing to copy, nothing left over.
    Secret secret;
    if (!source.isEmpty())
        secret.m_bytes = source.toUtf8();
    wipeIfLast(source);
    return secret;
}

void Secret::clear()
{
    wipe(m_bytes);
}

} // namespace gs
