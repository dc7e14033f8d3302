#pragma once

#include <QByteArray>
#include <QString>

namespace gs::remote {

// What the Connect page shows once connected: OS, architecture and host name.
struct HostInfo
{
    QString osName;    // PRETTY_NAME from /etc/os-release, "Debian GNU/Linux 12 (bookworm)"
    QString osId;      // ID, "debian"
    QString osVersion; // VERSION_ID, "12"
    QString kernel;    // "Linux 6.1.0-18-cloud-amd64"
    QString arch;      // uname -m, "x86_64" / "aarch64"
    QString hostname;

    // One read-only command that prints everything parse() needs.
    static QString command();
    static HostInfo parse(const QByteArray &output);
    // "amd64"/"arm64" as Docker names it; empty if unknown.
    QString dockerArch() const;
    bool isValid() const { return !arch.isEmpty(); }
};

} // namespace gs::remote
