#include "StepContext.h"

#include "EffectivePlan.h"
#include "HostProbe.h"
#include "Transcript.h"
#include "remote/RemoteSession.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gs::steps {

StepContext::StepContext(remote::RemoteSession *session, SetupConfig config, Transcript *transcript)
    : m_session(session)
    , m_config(std::move(config))
    , m_transcript(transcript)
{}

void StepContext::setConfig(const SetupConfig &config)
{
    if (config.runner.directory != m_config.runner.directory)
        m_factsKnown = false;
    m_config = config;
}

SetupConfig StepContext::effectiveConfig() const
{
    return builder().config();
}

CommandBuilder StepContext::builder() const
{
    // Containers started by hand: the plan keeps or removes them (ContainerScan).
    SetupConfig answers = m_config;
    answers.found = {};
    for (const FoundContainer &runner : m_facts.foundRunners)
        answers.found.runners << runner.shortId();
    for (const FoundContainer &delegate : m_facts.foundDelegates)
        answers.found.delegates << delegate.shortId();
    return effectivePlan(answers, privileges(), m_pool);
}

Privileges StepContext::privileges() const
{
    Privileges privileges = Privileges::fromAnswer(m_config.ssh.sudo);
    if (!m_factsKnown)
        return privileges;
    switch (m_facts.access) {
    case DockerAccess::Direct:
        privileges.docker = false;
        break;
    case DockerAccess::SudoNoPassword:
    case DockerAccess::SudoPassword:
        privileges.docker = true;
        break;
    case DockerAccess::Unknown:
    case DockerAccess::GroupPending:
    case DockerAccess::None:
        break;
    }
    privileges.files = HostProbe::filesNeedSudo(m_facts);
    privileges.system = !m_facts.root;
    return privileges;
}

QString secretSourceText(SecretSource source)
{
    switch (source) {
    case SecretSource::Typed:
        return QCoreApplication::translate("StepContext", "typed in the wizard");
    case SecretSource::Keychain:
        return QCoreApplication::translate("StepContext", "from the keychain");
    case SecretSource::Environment:
        return QCoreApplication::translate("StepContext", "from the environment");
    case SecretSource::StandardInput:
        return QCoreApplication::translate("StepContext", "from standard input");
    case SecretSource::RunningContainer:
        return QCoreApplication::translate("StepContext", "read from the running delegate");
    case SecretSource::Unknown:
        break;
    }
    return QCoreApplication::translate("StepContext", "given to this run");
}

void StepContext::setToken(Secret token, SecretSource source)
{
    m_token = std::move(token);
    m_tokenSource = m_token.isEmpty() ? SecretSource::Unknown : source;
    if (m_transcript && !m_token.isEmpty()) {
        QString text = m_token.toString();
        m_transcript->addSecret(text);
        wipe(text);
    }
}

void StepContext::setToken(const QString &token, SecretSource source)
{
    QByteArray utf8 = token.toUtf8();
    setToken(Secret::take(utf8), source);
}

void StepContext::setSudoPassword(Secret password)
{
    m_sudoPassword = std::move(password);
    if (m_transcript && !m_sudoPassword.isEmpty()) {
        QString text = m_sudoPassword.toString();
        m_transcript->addSecret(text);
        wipe(text);
    }
}

void StepContext::setSudoPassword(const QByteArray &password)
{
    setSudoPassword(Secret::fromBytes(password));
}

QByteArray StepContext::sudoPasswordLine() const
{
    QByteArray line;
    line.reserve(m_sudoPassword.size() + 1); // one buffer, no reallocation to leave a copy
    line.append(m_sudoPassword.view()).append('\n');
    return line;
}

bool StepContext::usesSudoPassword() const
{
    return !m_sudoPassword.isEmpty() && m_factsKnown && m_facts.sudoPasswordAccepted &&
           !m_facts.sudoNoPassword;
}

// `sudo` where a command starts: at the beginning, after a separator, or in $( ).
static const QRegularExpression &sudoWord()
{
    static const QRegularExpression re(QStringLiteral("(^|&& |\\|\\| |; |\\| |\\$\\(|\\n)sudo "));
    return re;
}

QString StepContext::wireScript(const QString &script) const
{
    if (!usesSudoPassword() || !script.contains(QLatin1String("sudo ")))
        return script;
    // `sudo -k` first: the first `sudo -S` then always reads the password line, and the later
    // ones in the same shell use the credentials it cached, so no line is left over for the
    // command's own input.
    QString wired = script;
    wired.replace(sudoWord(), QStringLiteral("\\1sudo -S -p '' "));
    return QStringLiteral("sudo -k; ") + wired;
}

QByteArray StepContext::wireStdin(const QString &script, const QByteArray &stdinData) const
{
    if (!usesSudoPassword() || !script.contains(QLatin1String("sudo ")))
        return stdinData;
    QByteArray wired;
    wired.reserve(m_sudoPassword.size() + 1 + stdinData.size()); // one buffer, no reallocation
    wired.append(m_sudoPassword.view()).append('\n').append(stdinData);
    return wired;
}

} // namespace gs::steps
