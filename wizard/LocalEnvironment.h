#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace gs {

// What this machine brings for the SSH step: keys, an agent, gcloud, ~/.ssh/config aliases.
struct LocalEnvironment
{
    QString home;
    QStringList sshKeys;     // private keys found in ~/.ssh, most likely first
    QString agentSocket;     // $SSH_AUTH_SOCK when it points at a socket
    QString gcloudPath;      // gcloud on PATH
    QStringList hostAliases; // concrete Host names from ~/.ssh/config (no patterns)
    bool scanned = false;

    // Reads the files; cheap, but still I/O: call it off the GUI thread (scanAsync).
    static LocalEnvironment scan(const QString &home, const QString &agentSocket);
    // The Host names of an ssh_config text, without wildcard patterns and negations.
    static QStringList parseHostAliases(const QString &sshConfig);

    // Scans on the thread pool and calls `done` on `context`'s thread, unless context died.
    static void scanAsync(QObject *context, std::function<void(const LocalEnvironment &)> done);
};

} // namespace gs

Q_DECLARE_METATYPE(gs::LocalEnvironment)
