#include "SshWorker.h"

// Commands: one exec channel each. runCommand() streams stdout and stderr as they come, feeds
// stdin as the window allows, signals a cancelled command and notices a silent server.

#include "SshWorkerSupport.h"
#include "util/LoggingCategories.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace gs::remote::detail {

namespace {

void exitSignalCallback(ssh_session, ssh_channel, const char *signal, int, const char *,
                        const char *, void *userdata)
{
    *static_cast<QString *>(userdata) = QString::fromLatin1(signal);
}

} // namespace

// One command while its channel is open.
struct SshWorker::RunningCommand
{
    RunningCommand(quint64 commandId, const QString &text, QByteArray &input, ssh_channel open,
                   CommandResult &out)
        : id(commandId)
        , command(text)
        , stdinData(input)
        , channel(open)
        , result(out)
    {}

    const quint64 id;
    const QString &command;
    QByteArray &stdinData; // released once all of it is written
    const ssh_channel channel;
    CommandResult &result;
    QString exitSignal; // set by the exit-signal callback
    ssh_channel_callbacks_struct callbacks{};
    qsizetype written = 0;
    bool eofSent = false;
    bool cancelled = false;
    QElapsedTimer sinceData;
    QElapsedTimer sinceCancel;
    char buf[16384];
};

// A channel freed before the server closed it stays in libssh's list until the close arrives;
// what arrives meanwhile (the exit signal of a command we stopped) would reach callbacks that
// lived on the stack of the command that is over. So they go before the channel does.
void SshWorker::releaseChannel(ssh_channel channel, ssh_channel_callbacks callbacks)
{
    libssh().ssh_remove_channel_callbacks(channel, callbacks);
    libssh().ssh_channel_close(channel);
    libssh().ssh_channel_free(channel);
}

bool SshWorker::execChannel(const QString &command, ssh_channel *channel, QString *error)
{
    ssh_channel ch = libssh().ssh_channel_new(m_session);
    if (!ch) {
        *error = sshError(m_session);
        return false;
    }
    if (libssh().ssh_channel_open_session(ch) != SSH_OK ||
        libssh().ssh_channel_request_exec(ch, command.toUtf8().constData()) != SSH_OK) {
        *error = sshError(m_session);
        libssh().ssh_channel_free(ch);
        return false;
    }
    *channel = ch;
    return true;
}

void SshWorker::runCommand(quint64 id, const QString &command, QByteArray stdinData)
{
    CommandResult result;
    auto finish = [&] {
        release(stdinData);
        Q_EMIT commandFinished(id, result);
    };
    if (isCancelled(id)) {
        result.status = CommandResult::Status::Cancelled;
        result.errorMessage = tr("Cancelled before it started.");
        finish();
        return;
    }
    if (!m_connected || !m_session) {
        result.status = CommandResult::Status::Failed;
        result.errorMessage = tr("Not connected: “%1” was not run.").arg(command);
        finish();
        return;
    }
    qCDebug(lcRemote).noquote() << "run:" << command;
    if (m_keepalive)
        m_keepalive->stop();
    ssh_channel ch = nullptr;
    QString error;
    if (!execChannel(command, &ch, &error)) {
        if (!libssh().ssh_is_connected(m_session)) {
            result.status = CommandResult::Status::ConnectionLost;
            result.errorMessage =
                tr("The connection was lost before “%1” could start: %2").arg(command, error);
            // Lost first: whoever handles the result finds the session already disconnected.
            markLost(result.errorMessage);
            finish();
            return;
        }
        result.status = CommandResult::Status::Failed;
        result.errorMessage = tr("Could not start “%1”: %2").arg(command, error);
        finish();
        restartKeepalive();
        return;
    }

    RunningCommand run(id, command, stdinData, ch, result);
    run.callbacks.userdata = &run.exitSignal;
    run.callbacks.channel_exit_signal_function = exitSignalCallback;
    ssh_callbacks_init(&run.callbacks);
    libssh().ssh_set_channel_callbacks(ch, &run.callbacks);

    if (pumpCommand(run) == CommandEnd::Lost) {
        commandLost(run);
        finish();
        return;
    }
    commandEnded(run);
    finish();
    restartKeepalive();
}

// The exec loop: until the command ends, is cancelled (and had its chance to stop), or the
// connection is lost.
SshWorker::CommandEnd SshWorker::pumpCommand(RunningCommand &run)
{
    run.sinceData.start();
    for (;;) {
        if (!run.eofSent && !run.cancelled && !feedStdin(run))
            return CommandEnd::Lost;
        const int n =
            libssh().ssh_channel_read_timeout(run.channel, run.buf, sizeof run.buf, 0, kPollMs);
        if (n == SSH_ERROR)
            return CommandEnd::Lost;
        if (n > 0) {
            takeOutput(run, n, false);
            run.sinceData.restart();
        }
        const int m = readStderr(run);
        if (m == SSH_ERROR)
            return CommandEnd::Lost;
        if (n == 0 && m <= 0 &&
            (libssh().ssh_channel_is_eof(run.channel) ||
             libssh().ssh_channel_is_closed(run.channel))) {
            // Drain what may still sit in the stdout buffer.
            int r;
            while ((r = libssh().ssh_channel_read_nonblocking(run.channel, run.buf, sizeof run.buf,
                                                              0)) > 0)
                takeOutput(run, r, false);
            return CommandEnd::Ended;
        }
        if (m_abort || !libssh().ssh_is_connected(m_session))
            return CommandEnd::Lost;
        if (!run.cancelled && isCancelled(run.id)) {
            run.cancelled = true;
            libssh().ssh_channel_request_send_signal(run.channel, "TERM");
            run.sinceCancel.start();
        }
        // It ignores TERM: closing the channel is all we can do without a PTY.
        if (run.cancelled && run.sinceCancel.elapsed() > 500)
            return CommandEnd::Ended;
        if (m_options.keepaliveIntervalMs > 0 &&
            run.sinceData.elapsed() > m_options.keepaliveIntervalMs) {
            // Silence: make sure the server is still there (bounded by the silence timeout).
            if (!probeAlive())
                return CommandEnd::Lost;
            run.sinceData.restart();
        }
    }
}

// Stdin only as far as the window allows, so a command that writes before it reads can never
// deadlock us. EOF follows the last byte. False: the connection is lost.
bool SshWorker::feedStdin(RunningCommand &run)
{
    if (run.written < run.stdinData.size()) {
        const uint32_t window = libssh().ssh_channel_window_size(run.channel);
        const qsizetype n =
            std::min({qsizetype(window), run.stdinData.size() - run.written, qsizetype(kChunk)});
        if (n > 0) {
            const int w = libssh().ssh_channel_write(
                run.channel, run.stdinData.constData() + run.written, uint32_t(n));
            if (w == SSH_ERROR && !libssh().ssh_is_connected(m_session))
                return false;
            if (w == SSH_ERROR) {
                // This channel only (the command stopped reading and exited): its exit
                // status still comes, and the connection stays.
                qCDebug(lcRemote) << "stdin not taken:" << sshError(m_session);
                run.written = run.stdinData.size();
            } else {
                run.written += w;
            }
        }
    }
    if (run.written >= run.stdinData.size()) {
        libssh().ssh_channel_send_eof(run.channel);
        run.eofSent = true;
        release(run.stdinData);
    }
    return true;
}

// All the stderr there is now; returns the last read's result (SSH_ERROR: connection lost).
int SshWorker::readStderr(RunningCommand &run)
{
    int m = 0;
    do {
        m = libssh().ssh_channel_read_nonblocking(run.channel, run.buf, sizeof run.buf, 1);
        if (m > 0) {
            takeOutput(run, m, true);
            run.sinceData.restart();
        }
    } while (m > 0);
    return m;
}

void SshWorker::takeOutput(RunningCommand &run, int size, bool isStderr)
{
    // A followed log can stream for hours: past a bound only the newer part is kept for the
    // result (it was all streamed). What the engine parses whole is far smaller.
    constexpr qsizetype KeptOutput = 16 * 1024 * 1024;
    QByteArray &kept = isStderr ? run.result.stdErr : run.result.stdOut;
    kept.append(run.buf, size);
    if (kept.size() > KeptOutput)
        kept.remove(0, kept.size() - KeptOutput / 2);
    Q_EMIT commandOutput(run.id, QByteArray(run.buf, size), isStderr);
}

void SshWorker::commandLost(RunningCommand &run)
{
    CommandResult &result = run.result;
    result.status = CommandResult::Status::ConnectionLost;
    result.errorMessage =
        tr("The connection to %1 was lost while “%2” was running (%3 bytes of output "
           "received). It may or may not have completed on the VM.")
            .arg(m_options.displayName(), run.command)
            .arg(result.stdOut.size() + result.stdErr.size());
    if (isCancelled(run.id)) {
        // The cancel had to close a connection that was not answering.
        result.status = CommandResult::Status::Cancelled;
        result.errorMessage = tr("“%1” was cancelled; the connection, which was not "
                                 "answering, was closed.")
                                  .arg(run.command);
    }
    libssh().ssh_remove_channel_callbacks(run.channel, &run.callbacks);
    libssh().ssh_channel_free(run.channel);
    // Lost before the result: whoever handles it finds the session already disconnected.
    markLost(result.errorMessage);
}

void SshWorker::commandEnded(RunningCommand &run)
{
    CommandResult &result = run.result;
    if (run.cancelled) {
        result.status = CommandResult::Status::Cancelled;
        result.exitSignal = run.exitSignal;
        result.errorMessage = tr("“%1” was cancelled.").arg(run.command);
        releaseChannel(run.channel, &run.callbacks);
        return;
    }
    const int code = libssh().ssh_channel_get_exit_status(run.channel);
    if (!run.exitSignal.isEmpty()) {
        result.status = CommandResult::Status::Signalled;
        result.exitSignal = run.exitSignal;
    } else if (code >= 0) {
        result.status = CommandResult::Status::Exited;
        result.exitCode = code;
    } else {
        result.status = CommandResult::Status::Failed;
        result.errorMessage = tr("“%1” ended without an exit status.").arg(run.command);
    }
    releaseChannel(run.channel, &run.callbacks);
    qCDebug(lcRemote) << "exit" << result.exitCode << result.exitSignal;
}

bool SshWorker::runSimple(const QString &command, QByteArray *out, QString *error)
{
    ssh_channel ch = nullptr;
    if (!execChannel(command, &ch, error))
        return false;
    libssh().ssh_channel_send_eof(ch);
    char buf[4096];
    QByteArray err;
    for (;;) {
        const int n = libssh().ssh_channel_read_timeout(ch, buf, sizeof buf, 0, kPollMs);
        if (n == SSH_ERROR)
            break;
        if (n > 0 && out)
            out->append(buf, n);
        int m;
        while ((m = libssh().ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1)) > 0)
            err.append(buf, m);
        if (n == 0 && m <= 0 &&
            (libssh().ssh_channel_is_eof(ch) || libssh().ssh_channel_is_closed(ch)))
            break;
        if (m_abort || !libssh().ssh_is_connected(m_session))
            break;
    }
    const int code = libssh().ssh_channel_get_exit_status(ch);
    libssh().ssh_channel_close(ch);
    libssh().ssh_channel_free(ch);
    if (code != 0)
        *error = QString::fromUtf8(err).trimmed();
    return code == 0;
}

} // namespace gs::remote::detail
