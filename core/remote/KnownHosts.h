#pragma once

#include "ConnectOptions.h"

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gs::remote {

// OpenSSH known_hosts files and key fingerprints, in the exact formats OpenSSH uses.
class KnownHosts
{
public:
    struct Entry
    {
        QString sshKeyType; // "ssh-ed25519"
        QString fingerprint;
        int line = 0; // 1-based
    };

    // "SHA256:" + unpadded base64 of SHA-256 over the key blob, as ssh-keygen -l prints it.
    static QString fingerprint(const QByteArray &blob);
    static QString blobKeyType(const QByteArray &blob);
    static int blobBits(const QByteArray &blob);
    // "ssh-ed25519" → "ED25519", "ecdsa-sha2-nistp256" → "ECDSA", "ssh-rsa" → "RSA".
    static QString keygenTypeName(const QString &sshKeyType);

    // Does a known_hosts host field ("a,b", patterns, "|1|salt|hash") name `name`?
    static bool hostFieldMatches(const QString &field, const QString &name);
    // The keys recorded for `name` ("host" or "[host]:port"), hashed entries included.
    static QList<Entry> recordedKeys(const QString &file, const QString &name);

    // The one guarded way to replace a changed host key: removes the entries for
    // key.knownHostsName whose fingerprint is key.oldFingerprint (the key the user was shown
    // as recorded), and appends key.knownHostsLine, which must carry key.fingerprint (the key
    // the user was shown as offered). Fails, changing nothing, when either does not hold.
    static gs::Result replaceHostKey(const HostKeyInfo &key);
    // Before the first key is written: creates the directories of `file` that are missing with
    // mode 0700 (as ssh wants ~/.ssh) and `file` itself, when missing, with mode 0600. What
    // exists is left as it is.
    static gs::Result prepareFile(const QString &file);
};

} // namespace gs::remote
