// Integration tests of the libssh remote layer against real OpenSSH sshd instances (TestSshd),
// a real ssh-agent, real proxy commands and a stand-in gcloud. Needs root (private mount
// namespaces); skipped otherwise.

#include "FakeGcloud.h"
#include "RealParts.h"
#include "TestSshd.h"

#include "plan/GcloudSshCommand.h"
#include "remote/HostInfo.h"
#include "remote/KnownHosts.h"
#include "remote/ResolveConnectJob.h"
#include "remote/SshSession.h"
#include "util/EnvironmentSecrets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace gs::remote;
using gs::test::FakeGcloud;
using gs::test::TestSshd;

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previousHandler && qEnvironmentVariableIsSet("GS_TEST_SHOW_LOG"))
        g_previousHandler(type, context, message);
}

QString capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log.join(QLatin1Char('\n'));
}

void writeFile(const QString &path, const QByteArray &data, QFile::Permissions perms = {})
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
    f.close();
    if (perms)
        f.setPermissions(perms);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The local user name gcloud sees (LOGNAME first), for as long as this object lives.
class LocalUser
{
public:
    explicit LocalUser(const QString &name)
        : m_logname(qgetenv("LOGNAME"))
        , m_hadLogname(qEnvironmentVariableIsSet("LOGNAME"))
    {
        qputenv("LOGNAME", name.toUtf8());
    }
    ~LocalUser()
    {
        if (m_hadLogname)
            qputenv("LOGNAME", m_logname);
        else
            qunsetenv("LOGNAME");
    }
    LocalUser(const LocalUser &) = delete;
    LocalUser &operator=(const LocalUser &) = delete;

private:
    QByteArray m_logname;
    bool m_hadLogname;
};

// Answers the connect job's questions from a script, and records them.
struct Answers
{
    bool acceptHostKey = true;
    QList<QByteArray> credentials; // given in order; when empty, the request is declined
    QList<HostKeyInfo> hostKeyQuestions;
    QList<CredentialRequest> credentialQuestions;
    std::function<void(ConnectJob *)> onHostKey;    // overrides acceptHostKey
    std::function<void(ConnectJob *)> onCredential; // overrides credentials
    std::function<void(ConnectJob *, ConnectPhase)> onProgress;
};

ConnectResult connectAndWait(SshSession &session, const ConnectOptions &options,
                             Answers *answers = nullptr, int timeoutMs = 30000)
{
    Answers local;
    Answers *a = answers ? answers : &local;
    ConnectJob *job = session.connectToHost(options);
    QObject::connect(job, &ConnectJob::hostKeyDecisionRequested, job,
                     [job, a](const HostKeyInfo &key) {
                         a->hostKeyQuestions << key;
                         if (a->onHostKey)
                             a->onHostKey(job);
                         else if (a->acceptHostKey)
                             job->acceptHostKey();
                         else
                             job->rejectHostKey();
                     });
    QObject::connect(job, &ConnectJob::credentialRequested, job,
                     [job, a](const CredentialRequest &request) {
                         a->credentialQuestions << request;
                         if (a->onCredential)
                             a->onCredential(job);
                         else if (a->credentials.isEmpty())
                             job->declineCredential();
                         else
                             job->provideCredential(a->credentials.takeFirst());
                     });
    QObject::connect(job, &ConnectJob::progress, job,
                     [job, a](ConnectPhase phase, const QString &) {
                         if (a->onProgress)
                             a->onProgress(job, phase);
                     });
    QSignalSpy spy(job, &ConnectJob::finished);
    if (!spy.wait(timeoutMs)) {
        ConnectResult r;
        r.message = QStringLiteral("test: no finished() within %1 ms").arg(timeoutMs);
        return r;
    }
    return spy.at(0).at(0).value<ConnectResult>();
}

struct RunOutcome
{
    CommandResult result;
    int stdoutChunks = 0;
    int stderrChunks = 0;
    QByteArray streamedOut;
    QByteArray streamedErr;
};

RunOutcome runAndWait(SshSession &session, const QString &command, const QByteArray &in = {},
                      int timeoutMs = 60000)
{
    RunOutcome o;
    CommandJob *job = session.run(command, in);
    QObject::connect(job, &CommandJob::stdoutReceived, job, [&o](const QByteArray &c) {
        ++o.stdoutChunks;
        o.streamedOut += c;
    });
    QObject::connect(job, &CommandJob::stderrReceived, job, [&o](const QByteArray &c) {
        ++o.stderrChunks;
        o.streamedErr += c;
    });
    QSignalSpy spy(job, &CommandJob::finished);
    if (spy.wait(timeoutMs))
        o.result = spy.at(0).at(0).value<CommandResult>();
    else
        o.result.errorMessage = QStringLiteral("test: timed out");
    job->deleteLater();
    return o;
}

UploadResult uploadAndWait(SshSession &session, const QByteArray &content, const QString &path,
                           int mode = 0600)
{
    UploadJob *job = session.upload(content, path, mode);
    QSignalSpy spy(job, &UploadJob::finished);
    UploadResult r;
    if (spy.wait(60000))
        r = spy.at(0).at(0).value<UploadResult>();
    else
        r.errorMessage = QStringLiteral("test: timed out");
    job->deleteLater();
    return r;
}

} // namespace

class TestSshIntegration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestSshd> m_sshd;
    QTemporaryDir m_home;
    QString m_knownHosts;

    ConnectOptions baseOptions(const TestSshd &sshd) const
    {
        ConnectOptions o;
        o.host = sshd.host();
        o.port = sshd.port();
        o.user = sshd.user();
        o.identityFiles = {sshd.clientKey(TestSshd::PlainKey)};
        o.knownHostsFile = m_knownHosts;
        o.useAgent = false;
        o.allowPassword = false;
        o.allowKeyboardInteractive = false;
        o.connectTimeoutMs = 10000;
        return o;
    }
    void trust(const TestSshd &sshd)
    {
        QFile f(m_knownHosts);
        QVERIFY(f.open(QIODevice::Append));
        f.write(sshd.knownHostsLine().toUtf8() + '\n');
    }
    // A connected session to the shared sshd.
    void connectShared(SshSession &session)
    {
        const ConnectResult r = connectAndWait(session, baseOptions(*m_sshd));
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    // gcloud's key, ~/.ssh/google_compute_engine (and .pub), as one of the test keys.
    void installGcloudKey(TestSshd::ClientKey key) const
    {
        const QString target = m_home.path() + QStringLiteral("/.ssh/google_compute_engine");
        for (const QString &suffix : {QString(), QStringLiteral(".pub")}) {
            QFile::remove(target + suffix);
            QFile::copy(m_sshd->clientKey(key) + suffix, target + suffix);
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    // The answers turned into options, as the wizard and the CLI do it.
    static ConnectOptions resolveAndWait(const gs::SshSettings &ssh,
                                         QStringList *progress = nullptr,
                                         int gcloudTimeoutMs = 20000)
    {
        ResolveConnectJob job(ssh);
        job.setTimeout(gcloudTimeoutMs);
        QStringList seen;
        QObject::connect(&job, &ResolveConnectJob::progress,
                         [&seen](const QString &text) { seen << text; });
        QSignalSpy spy(&job, &ResolveConnectJob::finished);
        job.start();
        if (spy.isEmpty() && !spy.wait(gcloudTimeoutMs + 10000)) {
            ConnectOptions none;
            none.problem = QStringLiteral("test: no finished()");
            return none;
        }
        if (progress)
            *progress = seen;
        return spy.at(0).at(0).value<ConnectOptions>();
    }
    std::unique_ptr<TestSshd> startSshd(const TestSshd::Options &options = {})
    {
        auto sshd = std::make_unique<TestSshd>(options);
        QString error;
        if (!sshd->start(&error))
            qWarning("sshd: %s", qPrintable(error));
        return sshd;
    }

private Q_SLOTS:
    void initTestCase()
    {
        GS_REQUIRE_REAL_PART(geteuid() == 0, "TestSshd needs root (private mount namespaces)");
        // Nothing here may touch the real ~/.ssh or use the real agent.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qunsetenv("SSH_AUTH_SOCK");
        QDir().mkpath(m_home.path() + QStringLiteral("/.ssh"));
        m_knownHosts = m_home.path() + QStringLiteral("/.ssh/known_hosts");
        m_sshd = std::make_unique<TestSshd>();
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        trust(*m_sshd);
        // The canary test needs the remote log on, whatever QT_LOGGING_RULES says.
        QLoggingCategory::setFilterRules(QStringLiteral("gs.remote.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureMessages);
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        m_sshd.reset();
    }

    // --- host keys -----------------------------------------------------------------------

    void unknownHostKeyIsAskedAndRemembered()
    {
        TestSshd::Options so;
        auto sshd = startSshd(so);
        QVERIFY(sshd->isRunning());
        ConnectOptions o = baseOptions(*sshd);
        o.knownHostsFile = m_home.filePath(QStringLiteral("kh-unknown"));
        Answers a;
        SshSession session;
        ConnectResult r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(a.hostKeyQuestions.size(), 1);
        const HostKeyInfo key = a.hostKeyQuestions.first();
        // Exactly what ssh-keygen -lf prints: bits, fingerprint, and type.
        const QStringList keygen = sshd->sshKeygenFingerprintLine().split(QLatin1Char(' '));
        QCOMPARE(key.fingerprint, keygen.value(1));
        QCOMPARE(QString::number(key.bits), keygen.value(0));
        QCOMPARE(QStringLiteral("(%1)").arg(key.keyType), keygen.last());
        QCOMPARE(key.knownHostsName, QStringLiteral("[127.0.0.1]:%1").arg(sshd->port()));
        QVERIFY(key.sshKeygenLine().startsWith(keygen.value(0) + ' ' + keygen.value(1) + ' '));
        // Written in OpenSSH's format: ssh-keygen -F finds it.
        QProcess find;
        find.start(QStringLiteral("ssh-keygen"),
                   {"-F", key.knownHostsName, "-f", o.knownHostsFile});
        find.waitForFinished();
        QCOMPARE(find.exitCode(), 0);
        QVERIFY(
            find.readAllStandardOutput().contains(sshd->knownHostsLine().section(' ', 2).toUtf8()));
        // Known now: no second question.
        session.disconnectFromHost();
        Answers again;
        r = connectAndWait(session, o, &again);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(again.hostKeyQuestions.size(), 0);
    }

    // Issue 11: what the app makes for the first host key is private, as ssh wants it: the
    // missing directories 0700, known_hosts 0600.
    void firstHostKeyFileIsPrivate()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        const QString top = m_home.filePath(QStringLiteral("fresh-home"));
        o.knownHostsFile = top + QStringLiteral("/.ssh/known_hosts");
        QVERIFY(!QFileInfo::exists(top));
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        const auto owner = QFile::ReadOwner | QFile::WriteOwner;
        const auto ownerDir = owner | QFile::ExeOwner;
        const auto all = QFile::Permissions(0x7777);
        QCOMPARE(QFileInfo(top).permissions() & all,
                 ownerDir | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        QCOMPARE(QFileInfo(top + QStringLiteral("/.ssh")).permissions() & all,
                 ownerDir | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        QCOMPARE(QFileInfo(o.knownHostsFile).permissions() & all,
                 owner | QFile::ReadUser | QFile::WriteUser);
        QVERIFY(QFileInfo(o.knownHostsFile).size() > 0);
    }

    void unknownHostKeyRejected()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.knownHostsFile = m_home.filePath(QStringLiteral("kh-reject"));
        Answers a;
        a.acceptHostKey = false;
        SshSession session;
        const ConnectResult r = connectAndWait(session, o, &a);
        QCOMPARE(r.error, ConnectError::HostKeyRejected);
        QVERIFY(!session.isConnected());
        QVERIFY(!QFile::exists(o.knownHostsFile) || readFile(o.knownHostsFile).isEmpty());
    }

    void unknownHostKeyWithoutAskingIsRefusedUnlessPinned()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.knownHostsFile = m_home.filePath(QStringLiteral("kh-pin"));
        o.interactive = false;
        SshSession session;
        ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::HostKeyUnknown);
        QVERIFY(r.message.contains(m_sshd->hostKeyFingerprint()));

        o.pinnedFingerprint = QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::HostKeyPinMismatch);

        o.pinnedFingerprint = m_sshd->hostKeyFingerprint();
        r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
    }

    void changedHostKeyStopsAndCanBeReplaced()
    {
        auto other = startSshd();
        QVERIFY(other->isRunning());
        // The shared server's key recorded under the other server's name: a changed key.
        const QString file = m_home.filePath(QStringLiteral("kh-changed"));
        const QString oldLine = QStringLiteral("[127.0.0.1]:%1 ").arg(other->port()) +
                                m_sshd->knownHostsLine().section(' ', 1);
        writeFile(file, oldLine.toUtf8() + '\n');
        QProcess hash; // hashed entry, as HashKnownHosts writes them
        hash.start(QStringLiteral("ssh-keygen"), {"-q", "-H", "-f", file});
        QVERIFY(hash.waitForFinished());
        QVERIFY(readFile(file).startsWith("|1|"));

        ConnectOptions o = baseOptions(*other);
        o.knownHostsFile = file;
        Answers a;
        SshSession session;
        ConnectResult r = connectAndWait(session, o, &a);
        QCOMPARE(r.error, ConnectError::HostKeyChanged);
        QCOMPARE(a.hostKeyQuestions.size(), 0); // never offered as a simple "accept?"
        QCOMPARE(r.hostKey.oldFingerprint, m_sshd->hostKeyFingerprint());
        QCOMPARE(r.hostKey.fingerprint, other->hostKeyFingerprint());
        QVERIFY(r.message.contains(m_sshd->hostKeyFingerprint()));
        QVERIFY(r.message.contains(other->hostKeyFingerprint()));
        QVERIFY(!other->log().contains(QStringLiteral("Accepted publickey"))); // no credential sent

        const gs::Result replaced = KnownHosts::replaceHostKey(r.hostKey);
        QVERIFY2(replaced.ok, qPrintable(replaced.message));
        r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(a.hostKeyQuestions.size(), 0);
    }

    // --- authentication ------------------------------------------------------------------

    void plainKey()
    {
        SshSession session;
        connectShared(session);
        QVERIFY(session.isConnected());
        const RunOutcome o = runAndWait(session, QStringLiteral("id -un"));
        QCOMPARE(o.result.stdOut.trimmed(), m_sshd->user().toUtf8());
    }

    void encryptedKeyAsksForThePassphrase()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.identityFiles = {m_sshd->clientKey(TestSshd::EncryptedKey)};
        Answers a;
        a.credentials = {"wrong passphrase", TestSshd::encryptedKeyPassphrase()};
        SshSession session;
        const ConnectResult r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(a.credentialQuestions.size(), 2);
        QCOMPARE(a.credentialQuestions.at(0).kind, CredentialRequest::Kind::Passphrase);
        QCOMPARE(a.credentialQuestions.at(0).keyFile, o.identityFiles.first());
        QVERIFY(!a.credentialQuestions.at(0).retry);
        QVERIFY(a.credentialQuestions.at(1).retry); // "wrong passphrase, try again"
    }

    void wrongPassphraseIsToldApartFromRejectedKey()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.identityFiles = {m_sshd->clientKey(TestSshd::EncryptedKey)};
        o.interactive = false;
        o.passphrase = "not the passphrase";
        SshSession session;
        ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::WrongPassphrase);

        o.passphrase = TestSshd::encryptedKeyPassphrase();
        r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));

        o.identityFiles = {m_sshd->clientKey(TestSshd::OtherKey)};
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::KeyNotAccepted);
        QVERIFY(r.message.contains(m_sshd->clientKey(TestSshd::OtherKey)));
    }

    void passwordAskedAndRejected()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.identityFiles = {m_sshd->clientKey(TestSshd::OtherKey)};
        o.allowPassword = true;
        Answers a;
        a.credentials = {m_sshd->password()};
        SshSession session;
        ConnectResult r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(a.credentialQuestions.size(), 1);
        QCOMPARE(a.credentialQuestions.at(0).kind, CredentialRequest::Kind::Password);

        o.interactive = false;
        o.password = "wrong-password";
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::PasswordRejected);
        QVERIFY(r.message.contains(QStringLiteral("not accepted"))); // the key's fate is told too
    }

    void keyboardInteractiveShowsTheServersPrompt()
    {
        TestSshd::Options so;
        so.keyboardInteractive = true;
        auto sshd = startSshd(so);
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        ConnectOptions o = baseOptions(*sshd);
        o.identityFiles = {};
        o.allowKeyboardInteractive = true;
        o.allowPassword = true;
        Answers a;
        a.credentials = {sshd->password()};
        SshSession session;
        const ConnectResult r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message + sshd->log()));
        QCOMPARE(a.credentialQuestions.size(), 1);
        QCOMPARE(a.credentialQuestions.at(0).kind, CredentialRequest::Kind::KeyboardInteractive);
        QVERIFY2(a.credentialQuestions.at(0).prompt.contains(QStringLiteral("assword")),
                 qPrintable(a.credentialQuestions.at(0).prompt));
        QVERIFY(!a.credentialQuestions.at(0).echo);
    }

    void agent()
    {
        QTemporaryDir dir;
        const QString sock = dir.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), {"-D", "-a", sock});
        QVERIFY(agent.waitForStarted());
        for (int i = 0; i < 100 && !QFile::exists(sock); ++i)
            QTest::qWait(20);
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), {m_sshd->clientKey(TestSshd::PlainKey)});
        QVERIFY(add.waitForFinished());
        QCOMPARE(add.exitCode(), 0);

        ConnectOptions o = baseOptions(*m_sshd);
        o.identityFiles = {m_sshd->clientKey(TestSshd::OtherKey)}; // would be refused
        o.useAgent = true;
        o.agentSocket = sock;
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        agent.kill(); // by PID: the agent we started
        agent.waitForFinished();
    }

    // --- where to connect ------------------------------------------------------------------

    void sshConfigAliasAndProxyCommand()
    {
        const QString cfg = m_home.filePath(QStringLiteral("ssh_config"));
        const QString busybox = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        QVERIFY2(!busybox.isEmpty(), "busybox (busybox-static) is needed for nc");
        writeFile(cfg, QStringLiteral("Host testalias\n  HostName 127.0.0.1\n  Port %1\n  User %2\n"
                                      "  IdentityFile %3\n"
                                      "Host viaproxy\n  HostName 127.0.0.1\n  Port %1\n  User %2\n"
                                      "  IdentityFile %3\n  ProxyCommand %4 nc %h %p\n")
                           .arg(m_sshd->port())
                           .arg(m_sshd->user(), m_sshd->clientKey(TestSshd::PlainKey), busybox)
                           .toUtf8());
        for (const QString &alias : {QStringLiteral("testalias"), QStringLiteral("viaproxy")}) {
            ConnectOptions o = ConnectOptions::fromSshConfig(alias, cfg);
            QCOMPARE(o.port, m_sshd->port());
            o.knownHostsFile = m_knownHosts;
            o.useAgent = false;
            SshSession session;
            const ConnectResult r = connectAndWait(session, o);
            QVERIFY2(r.ok(), qPrintable(alias + ": " + r.message));
            QCOMPARE(runAndWait(session, QStringLiteral("echo ok")).result.stdOut,
                     QByteArray("ok\n"));
        }
    }

    // Issue 11: the token and the API key, taken out of the environment as main() does, reach no
    // ProxyCommand. The command writes its environment to a file, then bridges to sshd.
    void proxyCommandInheritsNoSecret()
    {
        const QString busybox = QStandardPaths::findExecutable(QStringLiteral("busybox"));
        QVERIFY2(!busybox.isEmpty(), "busybox (busybox-static) is needed for nc");
        const QByteArray token = "tokEN-" + QByteArray::number(::getpid()) + "-x7Qw";
        const QByteArray apiKey = "pat.apiKEY." + QByteArray::number(::getpid());
        qputenv(gs::EnvironmentSecrets::DelegateToken, token);
        qputenv(gs::EnvironmentSecrets::HarnessApiKey, " " + apiKey + "\n");
        qputenv("GS_CANARY_PLAIN", "visible");
        gs::EnvironmentSecrets::takeAll();
        QVERIFY(!qEnvironmentVariableIsSet(gs::EnvironmentSecrets::DelegateToken));
        QVERIFY(!qEnvironmentVariableIsSet(gs::EnvironmentSecrets::HarnessApiKey));
        QVERIFY(gs::EnvironmentSecrets::take(gs::EnvironmentSecrets::DelegateToken).equals(token));
        QVERIFY(gs::EnvironmentSecrets::take(gs::EnvironmentSecrets::HarnessApiKey).equals(apiKey));
        QVERIFY(
            gs::EnvironmentSecrets::take(gs::EnvironmentSecrets::DelegateToken).isEmpty()); // once

        const QString envFile = m_home.filePath(QStringLiteral("proxy-environment"));
        ConnectOptions o = baseOptions(*m_sshd);
        // The app runs it as `exec <command>`: a shell of its own writes the file first.
        o.proxyCommand = QStringLiteral("/bin/sh -c 'env > \"$0\"; exec \"$1\" nc %h %p' '%1' '%2'")
                             .arg(envFile, busybox);
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QFile f(envFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray environment = f.readAll();
        QVERIFY(environment.contains("GS_CANARY_PLAIN=visible"));
        QVERIFY(!environment.contains("GITSPACES_DELEGATE_TOKEN"));
        QVERIFY(!environment.contains("GITSPACES_HARNESS_API_KEY"));
        QVERIFY(!environment.contains(token));
        QVERIFY(!environment.contains(apiKey));
        qunsetenv("GS_CANARY_PLAIN");
    }

    void failingProxyCommandSaysWhy()
    {
        ConnectOptions o = baseOptions(*m_sshd);
        o.proxyCommand = QStringLiteral("echo 'proxy: no route to bastion' >&2; exit 3");
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::ProxyFailed);
        QVERIFY2(r.message.contains(QStringLiteral("no route to bastion")), qPrintable(r.message));
    }

    // ProxyJump becomes `ssh -W` through the bastion, as OpenSSH does it. The OpenSSH client reads
    // its config from the passwd home, which a test must not touch: a shim on PATH gives it one
    // of the test's own (-F) and records its arguments; everything else is real.
    void proxyJumpThroughABastion()
    {
        TestSshd::Options bastionOptions;
        bastionOptions.tcpForwarding = true;
        auto bastion = startSshd(bastionOptions);
        QVERIFY(bastion->isRunning());
        QTemporaryDir bin;
        const QString argsFile = bin.filePath(QStringLiteral("args"));
        const QString clientConfig = bin.filePath(QStringLiteral("ssh_config"));
        const QString bastionKnownHosts = bin.filePath(QStringLiteral("known_hosts"));
        writeFile(clientConfig, QStringLiteral("Host 127.0.0.1\n"
                                               "  IdentityFile %1\n"
                                               "  IdentitiesOnly yes\n"
                                               "  UserKnownHostsFile %2\n"
                                               "  GlobalKnownHostsFile /dev/null\n"
                                               "  StrictHostKeyChecking yes\n"
                                               "  BatchMode yes\n")
                                    .arg(bastion->clientKey(TestSshd::PlainKey), bastionKnownHosts)
                                    .toUtf8());
        const QString realSsh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
        QVERIFY2(!realSsh.isEmpty(), "the OpenSSH client is needed (openssh-client)");
        writeFile(bin.filePath(QStringLiteral("ssh")),
                  QStringLiteral("#!/bin/sh\necho \"$@\" > %1\nexec %2 -F %3 \"$@\"\n")
                      .arg(argsFile, realSsh, clientConfig)
                      .toUtf8(),
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin.path()) + ':' + oldPath);
        auto restore = qScopeGuard([&] { qputenv("PATH", oldPath); });

        ConnectOptions o = baseOptions(*m_sshd);
        o.proxyJump = QStringLiteral("%1@127.0.0.1:%2").arg(bastion->user()).arg(bastion->port());

        // A bastion whose host key the client does not know: refused, and the message says why.
        {
            SshSession session;
            const ConnectResult r = connectAndWait(session, o);
            QCOMPARE(r.error, ConnectError::ProxyFailed);
            QVERIFY2(r.message.contains(QLatin1String("Host key verification failed")),
                     qPrintable(r.message));
        }

        writeFile(bastionKnownHosts, bastion->knownHostsLine().toUtf8() + '\n');
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(readFile(argsFile).trimmed(),
                 QStringLiteral("-l %1 -p %2 -W [127.0.0.1]:%3 127.0.0.1")
                     .arg(bastion->user())
                     .arg(bastion->port())
                     .arg(m_sshd->port())
                     .toUtf8());
        QCOMPARE(runAndWait(session, QStringLiteral("echo through the bastion")).result.stdOut,
                 QByteArray("through the bastion\n"));
        // The target's host key is checked by us, under the target's name, not the bastion's.
        QCOMPARE(r.hostKey.fingerprint, m_sshd->hostKeyFingerprint());
        QVERIFY(bastion->log().contains(QLatin1String("Accepted publickey for")));
    }

    void iapThroughStandInGcloud()
    {
        FakeGcloud gcloud(m_sshd->port());
        gs::GcloudSshCommand cmd;
        QString error;
        QVERIFY2(gs::GcloudSshCommand::parse(
                     QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" \"%1@gs-runner-vm\" "
                                    "--tunnel-through-iap --project \"my-proj\"")
                         .arg(m_sshd->user()),
                     &cmd, &error),
                 qPrintable(error));
        ConnectOptions o = ConnectOptions::fromGcloud(cmd);
        QCOMPARE(o.user, m_sshd->user());
        QCOMPARE(o.identityFiles,
                 QStringList{m_home.path() + QStringLiteral("/.ssh/google_compute_engine")});
        // gcloud's key is where gcloud keeps it.
        installGcloudKey(TestSshd::PlainKey);
        o.useAgent = false;
        Answers a;
        SshSession session;
        ConnectResult r = connectAndWait(session, o, &a);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(gcloud.read(QStringLiteral("iap-args")).trimmed(),
                 QByteArray("compute start-iap-tunnel gs-runner-vm 22 --listen-on-stdin --zone "
                            "us-west1-a --project my-proj"));
        QVERIFY(a.hostKeyQuestions.size() <= 1); // asked once, under the instance's name
        if (!a.hostKeyQuestions.isEmpty())
            QCOMPARE(a.hostKeyQuestions.first().knownHostsName, QStringLiteral("gs-runner-vm"));
        QVERIFY(o.displayName().endsWith(QStringLiteral("(IAP)")));
        QCOMPARE(runAndWait(session, QStringLiteral("echo iap")).result.stdOut,
                 QByteArray("iap\n"));
        session.disconnectFromHost();

        gcloud.answer(QStringLiteral("iap-fail"), "");
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::ProxyFailed);
        QVERIFY2(r.message.contains(QStringLiteral("4033: 'not authorized'")),
                 qPrintable(r.message));

        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        r = connectAndWait(session, o);
        qputenv("PATH", path);
        QCOMPARE(r.error, ConnectError::GcloudMissing);
    }

    // A pasted gcloud command as the wizard and the CLI take it (ResolveConnectJob): OS Login on
    // for the project, so gcloud's user is the OS Login POSIX user, not the local name, and the
    // connection goes through the IAP tunnel as that user with gcloud's key.
    void gcloudPathThroughIapAsTheOsLoginUser()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"), FakeGcloud::instanceJson({}, {}));
        gcloud.answer(QStringLiteral("project.json"),
                      FakeGcloud::projectJson(QStringLiteral("TRUE")));
        const QByteArray pub = readFile(m_sshd->clientKey(TestSshd::PlainKey) + ".pub");
        gcloud.answer(QStringLiteral("profile.json"),
                      FakeGcloud::profileJson(m_sshd->user(), QStringLiteral("jane_legacy"), pub));
        LocalUser local(QStringLiteral("jane"));
        installGcloudKey(TestSshd::PlainKey);

        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone \"us-west1-a\" "
                                           "\"gs-runner-vm\" --tunnel-through-iap --project "
                                           "\"my-proj\"");
        QStringList progress;
        ConnectOptions o = resolveAndWait(ssh, &progress);
        QVERIFY2(o.problem.isEmpty(), qPrintable(o.problem));
        QCOMPARE(o.user, m_sshd->user());
        QCOMPARE(o.identityFiles,
                 QStringList{m_home.path() + QStringLiteral("/.ssh/google_compute_engine")});
        QVERIFY(o.viaGcloud);
        QCOMPARE(o.gcloudOsLogin, std::optional<bool>(true));
        const QString notes = o.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("User: %1 (your OS Login user").arg(m_sshd->user())),
                 qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("~/.ssh/google_compute_engine")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("IAP")), qPrintable(notes));
        QVERIFY2(!notes.contains(QLatin1String("not in your OS Login profile")), qPrintable(notes));
        QVERIFY(!progress.isEmpty());
        // What gcloud was asked, prompts off, and nothing more.
        const QByteArray calls = gcloud.calls();
        QVERIFY2(calls.contains("compute instances describe gs-runner-vm --zone us-west1-a "
                                "--project my-proj --format=json [prompts=1]"),
                 calls.constData());
        QVERIFY2(calls.contains("compute project-info describe --project my-proj --format=json"),
                 calls.constData());
        QVERIFY2(calls.contains("compute os-login describe-profile"), calls.constData());
        QVERIFY2(!calls.contains("start-iap-tunnel"), calls.constData());

        o.allowPassword = o.allowKeyboardInteractive = false;
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(runAndWait(session, QStringLiteral("id -un")).result.stdOut,
                 m_sshd->user().toUtf8() + '\n');
        QVERIFY(gcloud.read(QStringLiteral("iap-args")).startsWith("compute start-iap-tunnel"));
    }

    // Without --tunnel-through-iap gcloud connects to the external address; so do we. The port
    // from --ssh-flag="-p N" is honoured as gcloud passes it on to ssh.
    void gcloudPathToTheExternalAddress()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson({}, QStringLiteral("127.0.0.1")));
        gcloud.answer(QStringLiteral("project.json"),
                      FakeGcloud::projectJson(QStringLiteral("FALSE")));
        LocalUser local(m_sshd->user());
        installGcloudKey(TestSshd::PlainKey);

        gs::SshSettings ssh;
        ssh.gcloudCommand =
            QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm --project my-proj "
                           "--ssh-flag=\"-p %1\"")
                .arg(m_sshd->port());
        ConnectOptions o = resolveAndWait(ssh);
        QVERIFY2(o.problem.isEmpty(), qPrintable(o.problem));
        QCOMPARE(o.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(o.port, m_sshd->port());
        QVERIFY(o.proxyCommand.isEmpty());
        QVERIFY(!o.viaGcloud);
        QCOMPARE(o.user, m_sshd->user()); // LOGNAME, as gcloud takes it
        QCOMPARE(o.gcloudOsLogin, std::optional<bool>(false));
        QCOMPARE(o.knownHostsName(), QStringLiteral("gs-runner-vm"));
        QVERIFY2(o.notes.join(QLatin1Char('\n')).contains(QLatin1String("127.0.0.1")),
                 qPrintable(o.notes.join(QLatin1Char('\n'))));
        QVERIFY(!gcloud.calls().contains("describe-profile")); // OS Login off: not asked
        QCOMPARE(o.displayName(), QStringLiteral("%1@gs-runner-vm (127.0.0.1:%2)")
                                      .arg(m_sshd->user())
                                      .arg(m_sshd->port()));

        o.allowPassword = o.allowKeyboardInteractive = false;
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(runAndWait(session, QStringLiteral("echo direct")).result.stdOut,
                 QByteArray("direct\n"));
        QVERIFY(!QFile::exists(gcloud.path(QStringLiteral("iap-args"))));
    }

    // Terraform's runner VM has no external address: without IAP there is no way in, and the
    // message says what to add.
    void gcloudPathWithoutExternalAddressAsksForIap()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("false"), {}));
        LocalUser local(m_sshd->user());
        gs::SshSettings ssh;
        ssh.gcloudCommand =
            QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm --project my-proj");
        const ConnectOptions o = resolveAndWait(ssh);
        QVERIFY2(o.problem.contains(QLatin1String("--tunnel-through-iap")), qPrintable(o.problem));
        QVERIFY2(o.problem.contains(QLatin1String("no external IP")), qPrintable(o.problem));
        QVERIFY(!gcloud.calls().contains("project-info")); // the instance's own setting decides
        SshSession session;
        const ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::InvalidOptions);
        QCOMPARE(r.message, o.problem);
    }

    // gcloud's key not published for the user: the message is about publishing it (gcloud once,
    // OS Login, metadata keys), never about authorized_keys on a VM the admin cannot reach.
    void gcloudPathRefusedKeySaysHowToPublishIt()
    {
        FakeGcloud gcloud(m_sshd->port());
        gcloud.answer(QStringLiteral("instance.json"),
                      FakeGcloud::instanceJson(QStringLiteral("TRUE"), {}));
        gcloud.answer(QStringLiteral("profile.json"), FakeGcloud::profileJson(m_sshd->user()));
        LocalUser local(QStringLiteral("jane"));
        installGcloudKey(TestSshd::OtherKey); // not authorized on the VM

        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                           "--tunnel-through-iap --project my-proj");
        ConnectOptions o = resolveAndWait(ssh);
        QVERIFY2(o.problem.isEmpty(), qPrintable(o.problem));
        // Known before connecting: the key is not in the OS Login profile.
        QVERIFY2(
            o.notes.join(QLatin1Char('\n')).contains(QLatin1String("not in your OS Login profile")),
            qPrintable(o.notes.join(QLatin1Char('\n'))));
        o.allowPassword = o.allowKeyboardInteractive = false;
        SshSession session;
        ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::KeyNotAccepted);
        QVERIFY2(r.message.contains(QLatin1String("gcloud compute os-login ssh-keys add --key-file "
                                                  "~/.ssh/google_compute_engine.pub")),
                 qPrintable(r.message));
        QVERIFY2(
            r.message.contains(QLatin1String("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                             "--tunnel-through-iap --project my-proj")),
            qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("terminal")), qPrintable(r.message));
        QVERIFY2(!r.message.contains(QLatin1String("authorized_keys")), qPrintable(r.message));

        // No key at all yet (gcloud never ran here): the same advice, for a missing key.
        QFile::remove(o.identityFiles.first());
        r = connectAndWait(session, o);
        QVERIFY2(r.message.contains(QLatin1String("does not exist")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("terminal")), qPrintable(r.message));
        QVERIFY2(!r.message.contains(QLatin1String("authorized_keys")), qPrintable(r.message));
    }

    // gcloud missing, failing or silent: the local user name, said so, and never a hang.
    void gcloudPathWhenGcloudCannotBeAsked()
    {
        LocalUser local(QStringLiteral("jane"));
        gs::SshSettings ssh;
        ssh.gcloudCommand = QStringLiteral("gcloud compute ssh --zone us-west1-a gs-runner-vm "
                                           "--tunnel-through-iap --project my-proj");
        {
            const QByteArray path = qgetenv("PATH");
            qputenv("PATH", "/nonexistent");
            const ConnectOptions o = resolveAndWait(ssh);
            qputenv("PATH", path);
            QCOMPARE(o.user, QStringLiteral("jane"));
            QVERIFY(o.viaGcloud);
            QVERIFY2(o.notes.join(QLatin1Char('\n')).contains(QLatin1String("not installed")),
                     qPrintable(o.notes.join(QLatin1Char('\n'))));
        }
        FakeGcloud gcloud(m_sshd->port());
        {
            // No such instance (or not logged in): gcloud's words are passed on.
            const ConnectOptions o = resolveAndWait(ssh);
            QCOMPARE(o.user, QStringLiteral("jane"));
            QVERIFY2(o.notes.join(QLatin1Char('\n')).contains(QLatin1String("was not found")),
                     qPrintable(o.notes.join(QLatin1Char('\n'))));
        }
        gcloud.answer(QStringLiteral("hang"), "");
        QElapsedTimer clock;
        clock.start();
        const ConnectOptions o = resolveAndWait(ssh, nullptr, 1500);
        QVERIFY(clock.elapsed() < 10000);
        QCOMPARE(o.user, QStringLiteral("jane"));
        QVERIFY2(o.notes.join(QLatin1Char('\n')).contains(QLatin1String("did not answer")),
                 qPrintable(o.notes.join(QLatin1Char('\n'))));
    }

    // --- commands ----------------------------------------------------------------------------

    void stdoutAndStderrSeparatedWithMegabytes()
    {
        SshSession session;
        connectShared(session);
        // Both streams at once, 3 MB each: neither may stall the other.
        const RunOutcome o = runAndWait(
            session,
            QStringLiteral("(yes out | head -c 3000000) & (yes err | head -c 3000000 >&2); "
                           "wait; exit 3"));
        QCOMPARE(o.result.status, CommandResult::Status::Exited);
        QCOMPARE(o.result.exitCode, 3);
        QCOMPARE(o.result.stdOut.size(), 3000000);
        QCOMPARE(o.result.stdErr.size(), 3000000);
        QCOMPARE(o.result.stdOut.count("out\n"), 750000);
        QCOMPARE(o.result.stdErr.count("err\n"), 750000);
        QCOMPARE(o.streamedOut, o.result.stdOut);
        QCOMPARE(o.streamedErr, o.result.stdErr);
        QVERIFY(o.stdoutChunks > 10); // streamed as it arrived, not at the end
        QVERIFY(o.stderrChunks > 10);
    }

    void exitStatusAndSignals()
    {
        SshSession session;
        connectShared(session);
        RunOutcome o = runAndWait(session, QStringLiteral("exit 42"));
        QCOMPARE(o.result.status, CommandResult::Status::Exited);
        QCOMPARE(o.result.exitCode, 42);
        o = runAndWait(session, QStringLiteral("echo before; kill -TERM $$"));
        QCOMPARE(o.result.status, CommandResult::Status::Signalled);
        QCOMPARE(o.result.exitSignal, QStringLiteral("TERM"));
        QCOMPARE(o.result.stdOut, QByteArray("before\n"));
        // One connection for all of it.
        o = runAndWait(session, QStringLiteral("true"));
        QVERIFY(o.result.succeeded());
    }

    void stdinCarriesSecretsAndBigData()
    {
        SshSession session;
        connectShared(session);
        const QByteArray secret = "stdin-canary-8d1f";
        RunOutcome o =
            runAndWait(session,
                       QStringLiteral("IFS= read -r s; printf '%s' \"$s\" | sha256sum; "
                                      "ps -eo args | grep -c 'stdin-canary-8d1[f]' || true"),
                       secret + '\n');
        QVERIFY(o.result.succeeded());
        const QByteArray expected =
            QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
        QVERIFY(o.result.stdOut.startsWith(expected));
        QCOMPARE(o.result.stdOut.split('\n').value(1), QByteArray("0")); // on no command line
        // A command that writes megabytes before it reads its megabytes of stdin.
        const QByteArray big(4 * 1024 * 1024, 'x');
        o = runAndWait(session, QStringLiteral("head -c 2000000 /dev/zero; wc -c"), big);
        QVERIFY(o.result.succeeded());
        QCOMPARE(o.result.stdOut.size(), 2000000 + QByteArray::number(big.size()).size() + 1);
        QVERIFY(o.result.stdOut.endsWith(QByteArray::number(big.size()) + '\n'));
        // Empty stdin still gets EOF.
        o = runAndWait(session, QStringLiteral("cat; echo done"));
        QCOMPARE(o.result.stdOut, QByteArray("done\n"));
    }

    void hostInfo()
    {
        SshSession session;
        connectShared(session);
        const RunOutcome o = runAndWait(session, HostInfo::command());
        const HostInfo info = HostInfo::parse(o.result.stdOut);
        QVERIFY(info.isValid());
        QCOMPARE(info.arch, QSysInfo::currentCpuArchitecture() == QLatin1String("x86_64")
                                ? QStringLiteral("x86_64")
                                : info.arch);
        QCOMPARE(info.hostname, QSysInfo::machineHostName());
        QVERIFY(!info.osName.isEmpty());
    }

    // --- upload ------------------------------------------------------------------------------

    void uploadIsAtomicAnd0600()
    {
        SshSession session;
        connectShared(session);
        const QString dir = m_sshd->homeDir() + QStringLiteral("/runner/deep");
        const QString path = dir + QStringLiteral("/pool.yaml");
        QByteArray first(300 * 1024, 'a'); // several chunks
        UploadResult r = uploadAndWait(session, first, path);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(readFile(path), first);
        QCOMPARE(QFileInfo(path).permissions() & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QCOMPARE(QFileInfo(path).ownerId(), uint(4242));
        // Replace: the new content in place, no temporary left behind.
        r = uploadAndWait(session, "second version\n", path);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QCOMPARE(readFile(path), QByteArray("second version\n"));
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("pool.yaml")});
    }

    void uploadFailuresLeaveNothingHalfWritten()
    {
        TestSshd::Options so;
        so.tmpfs = {{QStringLiteral("small"), QStringLiteral("64k")}};
        auto sshd = startSshd(so);
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        SshSession session;
        ConnectResult c = connectAndWait(session, baseOptions(*sshd));
        QVERIFY2(c.ok(), qPrintable(c.message));
        // The tmpfs is mounted only in sshd's namespace: look through the session.
        const QString path = sshd->homeDir() + QStringLiteral("/small/pool.yaml");
        UploadResult r = uploadAndWait(session, "old: content\n", path);
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        r = uploadAndWait(session, QByteArray(512 * 1024, 'b'), path); // disk full
        QVERIFY(!r.ok);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("full")), qPrintable(r.errorMessage));
        RunOutcome o = runAndWait(session, QStringLiteral("cat small/pool.yaml; ls -A small"));
        QCOMPARE(o.result.stdOut, QByteArray("old: content\npool.yaml\n"));

        r = uploadAndWait(session, "x: 1\n", QStringLiteral("/etc/gs-test-denied.yaml"));
        QVERIFY(!r.ok);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("permission denied")),
                 qPrintable(r.errorMessage));
        QVERIFY(!QFile::exists(QStringLiteral("/etc/gs-test-denied.yaml")));
        QVERIFY(session.isConnected());
    }

    // An SFTP server that refuses to set permissions: the file must not go live with the
    // umask's mode instead of 0600.
    void uploadWhosePermissionsCannotBeSetIsRefused()
    {
        TestSshd::Options so;
        so.sftpServerFlags = QStringLiteral("-P setstat,fsetstat");
        auto sshd = startSshd(so);
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        SshSession session;
        ConnectResult c = connectAndWait(session, baseOptions(*sshd));
        QVERIFY2(c.ok(), qPrintable(c.message));
        const QString path = sshd->homeDir() + QStringLiteral("/keys/sa.json");
        const UploadResult r = uploadAndWait(session, "{}\n", path);
        QVERIFY(!r.ok);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("permissions")),
                 qPrintable(r.errorMessage));
        RunOutcome o = runAndWait(session, QStringLiteral("ls -A keys"));
        QCOMPARE(o.result.stdOut, QByteArray()); // neither the file nor its temporary
        QVERIFY(session.isConnected());
    }

    // --- cancel and faults -------------------------------------------------------------------

    // A command that exits without reading all its stdin: its exit status, and the connection
    // stays (the write error is this channel's, not the session's).
    void commandThatStopsReadingStdinIsNoLostConnection()
    {
        SshSession session;
        connectShared(session);
        for (int i = 0; i < 5; ++i) {
            const RunOutcome o = runAndWait(session, QStringLiteral("echo read-nothing; exit 3"),
                                            QByteArray(8 * 1024 * 1024, 's'));
            QVERIFY2(o.result.status == CommandResult::Status::Exited,
                     qPrintable(o.result.errorMessage));
            QCOMPARE(o.result.exitCode, 3);
            QCOMPARE(o.result.stdOut, QByteArray("read-nothing\n"));
            QVERIFY(session.isConnected());
        }
    }

    void cancelEachConnectPhaseWithinOneSecond_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::newRow("handshake (silent port)") << "handshake";
        QTest::newRow("proxy command") << "proxy";
        QTest::newRow("host key question") << "hostkey";
        QTest::newRow("password question") << "password";
    }
    void cancelEachConnectPhaseWithinOneSecond()
    {
        QFETCH(QString, phase);
        QTcpServer silent; // accepts and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ConnectOptions o = baseOptions(*m_sshd);
        o.connectTimeoutMs = 30000;
        Answers a;
        QElapsedTimer clock;
        SshSession session;
        auto cancelLater = [&clock](ConnectJob *job) {
            QTimer::singleShot(300, job, [job, &clock] {
                clock.start();
                job->cancel();
            });
        };
        if (phase == QLatin1String("handshake")) {
            o.port = silent.serverPort();
            a.onProgress = [&](ConnectJob *job, ConnectPhase p) {
                if (p == ConnectPhase::Handshake)
                    cancelLater(job);
            };
        } else if (phase == QLatin1String("proxy")) {
            o.proxyCommand = QStringLiteral("sleep 30");
            a.onProgress = [&](ConnectJob *job, ConnectPhase p) {
                if (p == ConnectPhase::Handshake)
                    cancelLater(job);
            };
        } else if (phase == QLatin1String("hostkey")) {
            o.knownHostsFile = m_home.filePath(QStringLiteral("kh-cancel"));
            a.onHostKey = cancelLater;
        } else {
            o.identityFiles = {};
            o.allowPassword = true;
            a.onCredential = cancelLater;
        }
        const ConnectResult r = connectAndWait(session, o, &a);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(r.error, ConnectError::Cancelled);
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        QVERIFY(!session.isConnected());
        // The session is reusable after a cancel.
        const ConnectResult again = connectAndWait(session, baseOptions(*m_sshd));
        QVERIFY2(again.ok(), qPrintable(again.message));
    }

    void cancelRunningCommandsAndUploadsWithinOneSecond_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("sleep") << "sleep 30";
        QTest::newRow("ignores TERM") << "trap '' TERM; sleep 5";
        QTest::newRow("upload") << "";
    }
    void cancelRunningCommandsAndUploadsWithinOneSecond()
    {
        QFETCH(QString, command);
        SshSession session;
        connectShared(session);
        QElapsedTimer clock;
        if (command.isEmpty()) {
            const QString path = m_sshd->homeDir() + QStringLiteral("/cancelled.bin");
            UploadJob *job = session.upload(QByteArray(64 * 1024 * 1024, 'c'), path);
            QSignalSpy finished(job, &UploadJob::finished);
            bool cancelled = false;
            connect(job, &UploadJob::progress, job, [&](qint64 sent, qint64) {
                if (sent > 1024 * 1024 && !cancelled) {
                    cancelled = true;
                    clock.start();
                    job->cancel();
                }
            });
            QVERIFY(finished.wait(60000));
            const qint64 elapsed = clock.elapsed();
            const UploadResult r = finished.at(0).at(0).value<UploadResult>();
            QVERIFY(r.cancelled);
            QVERIFY(!r.ok);
            QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
            QVERIFY(!QFile::exists(path));
            QCOMPARE(QDir(m_sshd->homeDir())
                         .entryList({QStringLiteral(".cancelled*")}, QDir::Files | QDir::Hidden),
                     QStringList());
        } else {
            CommandJob *job = session.run(command);
            QSignalSpy finished(job, &CommandJob::finished);
            QTimer::singleShot(500, job, [&] {
                clock.start();
                job->cancel();
            });
            QVERIFY(finished.wait(60000));
            const qint64 elapsed = clock.elapsed();
            QCOMPARE(finished.at(0).at(0).value<CommandResult>().status,
                     CommandResult::Status::Cancelled);
            QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        }
        QVERIFY(session.isConnected());
        QCOMPARE(runAndWait(session, QStringLiteral("echo still")).result.stdOut,
                 QByteArray("still\n"));
    }

    void serverKilledMidCommand()
    {
        auto sshd = startSshd();
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        SshSession session;
        ConnectResult c = connectAndWait(session, baseOptions(*sshd));
        QVERIFY2(c.ok(), qPrintable(c.message));
        QSignalSpy lost(&session, &SshSession::connectionLost);
        CommandJob *job = session.run(QStringLiteral("echo started; sleep 30"));
        QSignalSpy finished(job, &CommandJob::finished);
        QSignalSpy out(job, &CommandJob::stdoutReceived);
        QVERIFY(out.wait(10000));
        sshd->killAll();
        QVERIFY(finished.wait(30000));
        const CommandResult r = finished.at(0).at(0).value<CommandResult>();
        QCOMPARE(r.status, CommandResult::Status::ConnectionLost);
        QVERIFY2(r.errorMessage.contains(QStringLiteral("sleep 30")), qPrintable(r.errorMessage));
        QCOMPARE(r.stdOut, QByteArray("started\n"));
        QVERIFY(lost.size() == 1 || lost.wait(5000));
        QVERIFY(!session.isConnected());
        const RunOutcome after = runAndWait(session, QStringLiteral("true"));
        QCOMPARE(after.result.status, CommandResult::Status::Failed);
    }

    void serverThatStopsAnsweringIsDetected()
    {
        auto sshd = startSshd();
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        ConnectOptions o = baseOptions(*sshd);
        // Short enough for a test, with room for keepalive answers delayed by a loaded machine.
        o.keepaliveIntervalMs = 500;
        o.silenceTimeoutMs = 3000;
        SshSession session;
        ConnectResult c = connectAndWait(session, o);
        QVERIFY2(c.ok(), qPrintable(c.message));
        // A command that is quiet on purpose is not mistaken for a dead server.
        RunOutcome quiet = runAndWait(session, QStringLiteral("sleep 4; echo awake"));
        QCOMPARE(quiet.result.stdOut, QByteArray("awake\n"));

        CommandJob *job = session.run(QStringLiteral("echo started; sleep 30"));
        QSignalSpy finished(job, &CommandJob::finished);
        QSignalSpy out(job, &CommandJob::stdoutReceived);
        QVERIFY(out.wait(10000));
        sshd->freeze();
        QVERIFY(finished.wait(15000));
        const CommandResult r = finished.at(0).at(0).value<CommandResult>();
        QCOMPARE(r.status, CommandResult::Status::ConnectionLost);
        QVERIFY(!session.isConnected());
        sshd->killAll();
    }

    void idleKeepaliveNoticesAVanishedServer()
    {
        auto sshd = startSshd();
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        ConnectOptions o = baseOptions(*sshd);
        o.keepaliveIntervalMs = 300;
        o.silenceTimeoutMs = 1500;
        SshSession session;
        QSignalSpy lost(&session, &SshSession::connectionLost);
        ConnectResult c = connectAndWait(session, o);
        QVERIFY2(c.ok(), qPrintable(c.message));
        QTest::qWait(1000);
        QCOMPARE(lost.size(), 0); // answered keepalives keep it up
        sshd->freeze();
        QVERIFY(lost.wait(10000));
        QVERIFY(!session.isConnected());
        sshd->killAll();
    }

    void silentPortTimesOutAndClosedPortIsRefused()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ConnectOptions o = baseOptions(*m_sshd);
        o.port = silent.serverPort();
        o.connectTimeoutMs = 1500;
        SshSession session;
        ConnectResult r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::Timeout);

        const quint16 closedPort = silent.serverPort();
        silent.close();
        o.port = closedPort;
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::ConnectionRefused);

        o = baseOptions(*m_sshd);
        o.host = QStringLiteral("no-such-host.invalid");
        r = connectAndWait(session, o);
        QCOMPARE(r.error, ConnectError::ResolveFailed);
    }

    void canaryPasswordAndPassphraseNeverReachTheLog()
    {
        const QByteArray password = "Canary-Pw-51f0c2e";
        const QByteArray passphrase = "Canary-Pp-9a77d1b";
        TestSshd::Options so;
        so.password = password;
        auto sshd = startSshd(so);
        QVERIFY(sshd->isRunning());
        trust(*sshd);
        // A key of our own, encrypted with the canary passphrase, authorized for the user.
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("canary_key"));
        QCOMPARE(QProcess::execute(
                     QStringLiteral("ssh-keygen"),
                     {"-q", "-t", "ed25519", "-N", QString::fromLatin1(passphrase), "-f", key}),
                 0);
        QFile auth(sshd->homeDir() + QStringLiteral("/.ssh/authorized_keys"));
        QVERIFY(auth.open(QIODevice::Append));
        auth.write(readFile(key + ".pub"));
        auth.close();

        qputenv("GS_SSH_TRACE", "1"); // libssh at its most talkative
        auto restore = qScopeGuard([] { qunsetenv("GS_SSH_TRACE"); });
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        {
            SshSession session;
            ConnectOptions o = baseOptions(*sshd);
            o.identityFiles = {key};
            Answers a;
            a.credentials = {passphrase};
            ConnectResult r = connectAndWait(session, o, &a);
            QVERIFY2(r.ok(), qPrintable(r.message));
            const RunOutcome ro =
                runAndWait(session, QStringLiteral("cat >/dev/null; echo ok"), password);
            QVERIFY(ro.result.succeeded());

            o.identityFiles = {};
            o.allowPassword = true;
            a.credentials = {"Canary-Pw-wrong-1", password};
            r = connectAndWait(session, o, &a);
            QVERIFY2(r.ok(), qPrintable(r.message));
        }
        const QString log = capturedLog();
        QVERIFY2(log.contains(QStringLiteral("libssh:")), "libssh logging was not captured");
        QVERIFY(log.contains(QStringLiteral("ssh_userauth")) ||
                log.contains(QStringLiteral("auth")));
        QVERIFY(!log.contains(QString::fromLatin1(password)));
        QVERIFY(!log.contains(QString::fromLatin1(passphrase)));
        QVERIFY(!log.contains(QStringLiteral("Canary-Pw-wrong-1")));
    }
};

QTEST_GUILESS_MAIN(TestSshIntegration)
#include "tst_SshIntegration.moc"
