#include "StepContext.h"

#include "EffectivePlan.h"
#include "HostProbe.h"
#include "Transcript.h"
#include "remote/RemoteSession.h"

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
    return effectivePlan(m_config, privileges(), m_pool);
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

void StepContext::setToken(const QString &token)
{
    m_token = token;
    if (m_transcript)
        m_transcript->addSecret(token);
}

void StepContext::setSudoPassword(const QByteArray &password)
{
    m_sudoPassword = password;
    if (m_transcript)
        m_transcript->addSecret(QString::fromUtf8(password));
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
    return m_sudoPassword + '\n' + stdinData;
}

} // namespace gs::steps
