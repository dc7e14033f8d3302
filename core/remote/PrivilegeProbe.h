#pragma once

#include "RemoteSession.h"

#include <QPointer>

namespace gs::remote {

// How commands that need root (docker, writing /runner) can run for the logged-in user.
struct PrivilegeInfo
{
    enum class Mode {
        AsUser,         // root, or docker works without sudo (docker group)
        SudoNoPassword, // sudo -n works
        SudoPassword,   // sudo exists but wants a password: feed it through stdin (sudo -S)
        Unavailable     // no sudo and not root
    };
    Mode mode = Mode::Unavailable;
    bool isRoot = false;
    bool dockerInstalled = false;
    bool dockerWorksAsUser = false; // `docker info` succeeded as the user
    bool inDockerGroup = false;
    bool sudoInstalled = false;
    bool sudoWithoutPassword = false;
    QString error; // set when the probe itself failed

    // Read-only probe; its output is parsed by parse().
    static QString command();
    static PrivilegeInfo parse(const CommandResult &result);

    // `command` run as root in `mode`. SudoPassword needs stdinForRoot() as its stdin: the
    // password goes to sudo through stdin, never on a command line or into a log.
    static QString wrapForRoot(const QString &command, Mode mode);
    static QByteArray stdinForRoot(Mode mode, const QByteArray &sudoPassword,
                                   const QByteArray &stdinData = {});
    // A command that succeeds only if the password given through stdinForRoot() is right.
    static QString verifyPasswordCommand();
    // Writes its stdin to `remotePath` atomically (mkdir -p of the folder, a temporary file
    // with `mode` in the same folder, then mv) and removes the temporary on any failure. For
    // files root must own (/runner/pool.yaml): wrapForRoot() it and give the content through
    // stdinForRoot(). RemoteSession::upload is the SFTP path for what the user may write.
    static QString atomicWriteCommand(const QString &remotePath, int mode = 0600);
};

// Runs PrivilegeInfo::command() on a session and reports the parsed result.
class PrivilegeProbe : public QObject
{
    Q_OBJECT
public:
    explicit PrivilegeProbe(RemoteSession *session, QObject *parent = nullptr);
    void start();
    void cancel();

Q_SIGNALS:
    void finished(const gs::remote::PrivilegeInfo &info);

private:
    QPointer<RemoteSession> m_session;
    QPointer<CommandJob> m_job;
};

} // namespace gs::remote

Q_DECLARE_METATYPE(gs::remote::PrivilegeInfo)
