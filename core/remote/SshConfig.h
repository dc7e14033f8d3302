#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gs::remote {

// A small reader for the parts of OpenSSH's ~/.ssh/config this tool honours: Host blocks with
// HostName, User, Port, IdentityFile, ProxyCommand, ProxyJump, UserKnownHostsFile and Include.
// Our own parser rather than libssh's: libssh 0.10 runs `Match exec` commands while parsing and
// fails the whole connect on an unknown Match keyword. Match blocks are skipped here.
class SshConfig
{
public:
    struct HostConfig
    {
        QString hostName; // empty: the name itself
        QString user;
        int port = 0;              // 0: not set
        QStringList identityFiles; // ~ expanded
        QString proxyCommand;      // "none" is returned as empty
        QString proxyJump;
        QString userKnownHostsFile;
    };

    static QString defaultPath(); // ~/.ssh/config

    // Reads `path` (and its Includes). A missing file is an empty config, not an error.
    bool load(const QString &path, QString *error = nullptr);
    // Concrete names from Host lines (no wildcards, no negations), in file order: what the UI
    // offers as aliases.
    QStringList hostAliases() const;
    // First value wins, as in OpenSSH; IdentityFile accumulates.
    HostConfig resolve(const QString &host) const;

private:
    struct Line
    {
        QString keyword; // lower case
        QString value;
    };
    struct Block
    {
        QStringList patterns; // empty for the part before the first Host; "!" for Match
        QList<Line> lines;
    };
    bool loadFile(const QString &path, int depth, QString *error);
    QList<Block> m_blocks;
    int m_filesRead = 0; // by this load(), Includes counted
};

} // namespace gs::remote
