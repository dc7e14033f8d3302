// libFuzzer entry: any bytes as a known_hosts file (read, and rewritten by the guarded key
// replacement), and as a host key blob from a server.
#include "FuzzSupport.h"

#include "remote/KnownHosts.h"

#include <QFileInfo>

#include <cstddef>
#include <cstdint>

using gs::remote::KnownHosts;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    // The blob a server offers is untrusted too.
    (void)KnownHosts::blobBits(text);
    (void)KnownHosts::keygenTypeName(KnownHosts::blobKeyType(text));
    if (!KnownHosts::fingerprint(text).startsWith(QLatin1String("SHA256:")))
        __builtin_trap();

    const QString file = gs::fuzz::scratchDir() + QStringLiteral("/known_hosts");
    gs::fuzz::writeFile(file, text);
    const int lines = int(text.count('\n')) + 1;
    for (const QString name : {QStringLiteral("gs-runner"), QStringLiteral("[10.0.0.7]:2222"),
                               QStringLiteral("10.0.0.7")}) {
        const QList<KnownHosts::Entry> entries = KnownHosts::recordedKeys(file, name);
        for (const KnownHosts::Entry &e : entries) {
            if (e.line < 1 || e.line > lines || !e.fingerprint.startsWith(QLatin1String("SHA256:")))
                __builtin_trap();
        }
        if (entries.isEmpty())
            continue;
        // Replace the first recorded key with a fixed one: afterwards the file holds it and
        // no longer the old one (unless the same key was recorded twice).
        static const QByteArray newBlob = QByteArray::fromBase64(
            "AAAAC3NzaC1lZDI1NTE5AAAAIBa2h1l6rVx5sR4G6m3vQm3t0F0x0oWl1n7yF8m0p3qA");
        gs::remote::HostKeyInfo key;
        key.knownHostsFile = file;
        key.knownHostsName = name;
        key.oldFingerprint = entries.first().fingerprint;
        key.fingerprint = KnownHosts::fingerprint(newBlob);
        key.knownHostsLine =
            name + QStringLiteral(" ssh-ed25519 ") + QString::fromLatin1(newBlob.toBase64());
        if (key.oldFingerprint == key.fingerprint)
            continue;
        if (KnownHosts::replaceHostKey(key).ok) {
            bool haveNew = false;
            for (const KnownHosts::Entry &e : KnownHosts::recordedKeys(file, name)) {
                if (e.fingerprint == key.oldFingerprint)
                    __builtin_trap();
                haveNew = haveNew || e.fingerprint == key.fingerprint;
            }
            if (!haveNew)
                __builtin_trap();
        }
        gs::fuzz::writeFile(file, text);
    }
    return 0;
}
