#include "KnownHosts.h"
#include "util/AtomicFile.h"

#include "SshPattern.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gs::remote {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::remote::KnownHosts", text);
}

// SSH wire strings: uint32 length + bytes.
bool readString(const QByteArray &blob, qsizetype *pos, QByteArray *out)
{
    if (*pos + 4 > blob.size())
        return false;
    const auto *p = reinterpret_cast<const uchar *>(blob.constData() + *pos);
    const quint32 len =
        (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
    *pos += 4;
    if (len > quint32(blob.size() - *pos))
        return false;
    *out = blob.mid(*pos, qsizetype(len));
    *pos += qsizetype(len);
    return true;
}

} // namespace

QString KnownHosts::fingerprint(const QByteArray &blob)
{
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::OmitTrailingEquals));
}

QString KnownHosts::blobKeyType(const QByteArray &blob)
{
    qsizetype pos = 0;
    QByteArray type;
    return readString(blob, &pos, &type) ? QString::fromLatin1(type) : QString();
}

int KnownHosts::blobBits(const QByteArray &blob)
{
    const QString type = blobKeyType(blob);
    if (type == QLatin1String("ssh-ed25519") || type.startsWith(QLatin1String("sk-ssh-ed25519")))
        return 256;
    if (type == QLatin1String("ssh-ed448"))
        return 456;
    if (type.startsWith(QLatin1String("ecdsa-sha2-nistp")) ||
        type.startsWith(QLatin1String("sk-ecdsa-sha2-nistp"))) {
        const QString curve =
            type.section(QLatin1String("nistp"), 1).section(QLatin1Char('@'), 0, 0);
        return curve.toInt();
    }
    if (type == QLatin1String("ssh-rsa")) {
        qsizetype pos = 0;
        QByteArray t, e, n;
        if (!readString(blob, &pos, &t) || !readString(blob, &pos, &e) ||
            !readString(blob, &pos, &n))
            return 0;
        qsizetype i = 0;
        while (i < n.size() && n.at(i) == 0)
            ++i;
        if (i == n.size())
            return 0;
        int bits = int(n.size() - i - 1) * 8;
        for (uchar top = uchar(n.at(i)); top; top >>= 1)
            ++bits;
        return bits;
    }
    return 0;
}

QString KnownHosts::keygenTypeName(const QString &sshKeyType)
{
    if (sshKeyType.contains(QLatin1String("ed25519")))
        return QStringLiteral("ED25519");
    if (sshKeyType.contains(QLatin1String("ecdsa")))
        return QStringLiteral("ECDSA");
    if (sshKeyType.contains(QLatin1String("rsa")))
        return QStringLiteral("RSA");
    if (sshKeyType.contains(QLatin1String("dss")))
        return QStringLiteral("DSA");
    return sshKeyType.toUpper();
}

bool KnownHosts::hostFieldMatches(const QString &field, const QString &name)
{
    if (field.startsWith(QLatin1String("|1|"))) {
        const QStringList parts = field.split(QLatin1Char('|'));
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
        const QByteArray hash = QByteArray::fromBase64(parts.at(3).toLatin1());
        return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) ==
               hash;
    }
    bool matched = false;
    for (const QString &pattern : field.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (sshPatternMatches(pattern.mid(1), name))
                return false;
        } else if (sshPatternMatches(pattern, name)) {
            matched = true;
        }
    }
    return matched;
}

QList<KnownHosts::Entry> KnownHosts::recordedKeys(const QString &file, const QString &name)
{
    QList<Entry> out;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char('@')))
            continue;
        const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        if (fields.size() < 3 || !hostFieldMatches(fields.at(0), name))
            continue;
        const QByteArray blob = QByteArray::fromBase64(fields.at(2).toLatin1());
        out.append({fields.at(1), fingerprint(blob), lineNo});
    }
    return out;
}

gs::Result KnownHosts::replaceHostKey(const HostKeyInfo &key)
{
    if (key.oldFingerprint.isEmpty() || key.fingerprint.isEmpty() || key.knownHostsFile.isEmpty() ||
        key.knownHostsName.isEmpty())
        return gs::Result::failure(tr("Only a changed host key that was shown to you can be "
                                      "replaced."));
    const QStringList newFields =
        key.knownHostsLine.split(QRegularExpression(QStringLiteral("\\s+")));
    if (newFields.size() < 3 || !hostFieldMatches(newFields.at(0), key.knownHostsName) ||
        fingerprint(QByteArray::fromBase64(newFields.at(2).toLatin1())) != key.fingerprint)
        return gs::Result::failure(tr("The new key line does not match the key you were shown."));

    QFile in(key.knownHostsFile);
    if (!in.open(QIODevice::ReadOnly))
        return gs::Result::failure(
            tr("Cannot read %1: %2").arg(key.knownHostsFile, in.errorString()));
    QByteArray kept;
    int removed = 0;
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine();
        const QString line = QString::fromUtf8(raw).trimmed();
        const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        if (!line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1Char('@')) &&
            fields.size() >= 3 && hostFieldMatches(fields.at(0), key.knownHostsName) &&
            fingerprint(QByteArray::fromBase64(fields.at(2).toLatin1())) == key.oldFingerprint) {
            ++removed;
            continue;
        }
        kept += raw;
        if (!kept.isEmpty() && !kept.endsWith('\n'))
            kept += '\n';
    }
    in.close();
    if (removed == 0)
        return gs::Result::failure(
            tr("%1 no longer records %2 for %3; nothing was changed.")
                .arg(key.knownHostsFile, key.oldFingerprint, key.knownHostsName));
    kept += key.knownHostsLine.toUtf8() + '\n';
    QString why;
    if (!writeFileAtomically(key.knownHostsFile, kept, &why))
        return gs::Result::failure(tr("Cannot write %1: %2").arg(key.knownHostsFile, why));
    return gs::Result::success();
}

gs::Result KnownHosts::prepareFile(const QString &file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    QStringList missing; // directories to make, innermost first
    for (QString dir = QFileInfo(path).absolutePath(); !QFileInfo::exists(dir);
         dir = QFileInfo(dir).absolutePath()) {
        missing.prepend(dir);
        if (QFileInfo(dir).isRoot())
            break;
    }
    for (const QString &dir : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST)
            return gs::Result::failure(
                tr("Cannot create %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
    }
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    else if (errno != EEXIST)
        return gs::Result::failure(
            tr("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return gs::Result::success();
}

} // namespace gs::remote
