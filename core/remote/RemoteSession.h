#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace gs::remote {

// What finished a command: its exit code, or the signal that killed it, or a transport error.
struct CommandResult
{
    enum class Status {
        Exited,    // exitCode is valid
        Signalled, // exitSignal names the signal ("TERM")
        Cancelled, // the caller cancelled; the remote process was signalled
        ConnectionLost,
        Failed // could not start (no session, channel refused); errorMessage says why
    };
    Status status = Status::Failed;
    int exitCode = -1;
    QString exitSignal;
    QByteArray stdOut; // everything the command wrote, also streamed while it ran
    QByteArray stdErr;
    QString errorMessage; // translated, for Failed/ConnectionLost

    bool succeeded() const { return status == Status::Exited && exitCode == 0; }
};

struct UploadResult
{
    bool ok = false;
    bool cancelled = false; // the caller cancelled; nothing was changed on the VM
    QString errorMessage;
};

// A running command. Owned by the caller (deleteLater after finished).
class CommandJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

Q_SIGNALS:
    void stdoutReceived(const QByteArray &chunk);
    void stderrReceived(const QByteArray &chunk);
    void finished(const gs::remote::CommandResult &result);
};

// A running upload. Owned by the caller.
class UploadJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void finished(const gs::remote::UploadResult &result);
};

// A connected shell on the runner VM. The steps and the wizard talk only to this interface; the
// libssh implementation lives on its own thread, and unit tests use fakes.
class RemoteSession : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~RemoteSession() override = default;

    virtual bool isConnected() const = 0;

    // Runs `command` through the remote user's shell. `stdinData` is written to the command's
    // standard input, then EOF is sent: the way secrets reach a command without touching argv.
    virtual CommandJob *run(const QString &command, const QByteArray &stdinData = {}) = 0;

    // Writes `content` to `remotePath` atomically (temporary name, then rename) with `mode`.
    virtual UploadJob *upload(const QByteArray &content, const QString &remotePath,
                              int mode = 0600) = 0;
};

} // namespace gs::remote

Q_DECLARE_METATYPE(gs::remote::CommandResult)
Q_DECLARE_METATYPE(gs::remote::UploadResult)
