#pragma once

// A RemoteSession for unit tests of the step logic: answers each command from rules the test
// sets (first matching rule wins), records every command with its stdin, and finishes jobs on
// the next event-loop turn like the real session does.
//
// It is strict: a command that no rule answers fails the running test function (QTest::qFail)
// and is answered with exit code 127, so a test cannot pass on commands it did not foresee. A
// test that means to accept anything says so with a rule, e.g. on(".", ...).

#include "remote/RemoteSession.h"

#include <QList>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

namespace gs::test {

class FakeCommandJob : public remote::CommandJob
{
    Q_OBJECT
public:
    using remote::CommandJob::CommandJob;
    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        remote::CommandResult result;
        result.status = remote::CommandResult::Status::Cancelled;
        QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
    }
    void finishWith(const remote::CommandResult &result, int delayMs)
    {
        QTimer::singleShot(delayMs, this, [this, result] {
            if (m_done)
                return;
            m_done = true;
            if (!result.stdOut.isEmpty())
                Q_EMIT stdoutReceived(result.stdOut);
            Q_EMIT finished(result);
        });
    }

private:
    bool m_done = false;
};

class FakeRemoteSession : public remote::RemoteSession
{
    Q_OBJECT
public:
    struct Call
    {
        QString command;
        QByteArray stdinData;
    };
    using Handler =
        std::function<remote::CommandResult(const QString &command, const QByteArray &stdinData)>;

    using remote::RemoteSession::RemoteSession;

    bool connected = true;
    int delayMs = 0;          // how long each command "runs"
    bool hangForever = false; // commands never finish unless cancelled
    bool recordStdin = true;  // false: `calls` keeps no stdin (as the real session keeps none)
    QList<Call> calls;
    QStringList unmatched; // commands no rule answered (each also failed the running test)

    bool isConnected() const override { return connected; }

    // Commands containing `pattern` (a regular expression) get what `handler` returns.
    void on(const QString &pattern, Handler handler)
    {
        m_rules.append({QRegularExpression(pattern), std::move(handler)});
    }
    // Like on(), but ahead of every rule set so far.
    void prepend(const QString &pattern, Handler handler)
    {
        m_rules.prepend({QRegularExpression(pattern), std::move(handler)});
    }
    void onOutput(const QString &pattern, const QByteArray &out, int exitCode = 0,
                  const QByteArray &err = {})
    {
        on(pattern, [out, exitCode, err](const QString &, const QByteArray &) {
            return exited(exitCode, out, err);
        });
    }
    void clearRules() { m_rules.clear(); }

    static remote::CommandResult exited(int code, const QByteArray &out = {},
                                        const QByteArray &err = {})
    {
        remote::CommandResult result;
        result.status = remote::CommandResult::Status::Exited;
        result.exitCode = code;
        result.stdOut = out;
        result.stdErr = err;
        return result;
    }
    static remote::CommandResult lost()
    {
        remote::CommandResult result;
        result.status = remote::CommandResult::Status::ConnectionLost;
        result.errorMessage = QStringLiteral("Connection reset by peer");
        return result;
    }

    remote::CommandJob *run(const QString &command, const QByteArray &stdinData = {}) override
    {
        calls.append({command, recordStdin ? stdinData : QByteArray()});
        auto *job = new FakeCommandJob(this);
        if (hangForever)
            return job;
        std::optional<remote::CommandResult> result;
        for (const Rule &rule : m_rules) {
            if (rule.pattern.match(command).hasMatch()) {
                result = rule.handler(command, stdinData);
                break;
            }
        }
        if (!result) {
            reportUnmatched(command);
            result = exited(127, {}, "FakeRemoteSession: no rule answers this command\n");
        }
        job->finishWith(*result, delayMs);
        return job;
    }

    remote::UploadJob *upload(const QByteArray &, const QString &, int) override
    {
        return nullptr; // the steps upload through the plan's commands, never this
    }

    QStringList commands() const
    {
        QStringList list;
        for (const Call &call : calls)
            list << call.command;
        return list;
    }
    int indexOf(const QString &script) const { return int(commands().indexOf(script)); }

private:
    void reportUnmatched(const QString &command)
    {
        unmatched << command;
        const QByteArray message =
            "FakeRemoteSession: no rule answers the command: " + command.left(400).toUtf8();
        if (QTest::currentTestFunction())
            QTest::qFail(message.constData(), __FILE__, __LINE__);
        else
            qCritical("%s", message.constData());
    }

    struct Rule
    {
        QRegularExpression pattern;
        Handler handler;
    };
    QList<Rule> m_rules;
};

} // namespace gs::test
