#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gs {

// Zeroes the bytes of `bytes` where they are, without detaching, then releases them. A buffer
// shared with other QByteArrays is zeroed for all of them (they hold the same secret, and every
// holder is done with it); read-only data (literals, fromRawData) is only released.
// `fill('\0')` is not a wipe: on a shared array it detaches and zeroes a fresh copy.
void wipe(QByteArray &bytes);
void wipe(QString &text);
// Releases `bytes`, zeroing them first when this is the last reference: for a buffer handed to
// others (a command's stdin) whose last holder, whichever it is, should leave no copy behind.
void wipeIfLast(QByteArray &bytes);
void wipeIfLast(QString &text);
// Zeroes `size` bytes at `data` in a way the compiler may not drop.
void wipeMemory(void *data, size_t size);

// A secret (delegate token, API key, sudo password, SSH password or passphrase) in a buffer that
// it alone owns: never shared, zeroed on clear() and on destruction, moved and never copied.
//
// Hand it over with take(): the source is copied into a fresh buffer, then released (and wiped
// when nothing else holds it). Read it only for the moment of use: bytes() and view() do not
// copy; a QByteArray copied from bytes() shares the buffer and is zeroed along with the Secret.
// toString() makes a copy the caller owns: for an API that wants a QString, wiped after use.
class Secret
{
public:
    Secret() = default;
    ~Secret() { clear(); }
    Secret(const Secret &) = delete;
    Secret &operator=(const Secret &) = delete;
    Secret(Secret &&other) noexcept;
    Secret &operator=(Secret &&other) noexcept;

    // Copies `bytes` into an unshared buffer; the caller wipes its own copy.
    static Secret fromBytes(QByteArrayView bytes);
    // Copies, then releases `source`, wiping it when it was the last reference to its buffer
    // (a buffer others still hold is theirs to wipe).
    static Secret take(QByteArray &source);
    static Secret take(QString &source); // kept as UTF-8
    static Secret take(QByteArray &&source) { return take(source); }
    static Secret take(QString &&source) { return take(source); }

    void clear();
    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }

    // The bytes, not copied: for the moment of use. Do not keep a QByteArray copy of them.
    const QByteArray &bytes() const { return m_bytes; }
    QByteArrayView view() const { return QByteArrayView(m_bytes); }
    const char *constData() const { return m_bytes.constData(); }

    // A UTF-16 copy that the caller must not keep: wipe() or wipeIfLast() it once used.
    QString toString() const { return QString::fromUtf8(m_bytes); }
    bool equals(QByteArrayView other) const { return view() == other; }

private:
    QByteArray m_bytes;
};

} // namespace gs
