#include "StepContext.h"

#include "Transcript.h"
#include "remote/RemoteSession.h"

#include <QRegularExpression>

namespace gs::steps {

StepContext::StepContext(remote::RemoteSession *session, SetupConfig config, Transcript *transcript)
    : m_session(session)
    , m_config(std::move(config))
    , m_transcript(transcript)
{}

SetupConfig StepContext::effectiveConfig() const
{
    SetupConfig config = m_config;
    if (m_factsKnown) {
        switch (m_facts.access) {
        case DockerAccess::Direct:
            config.ssh.sudo = false;
            break;
        case DockerAccess::SudoNoPassword:
        case DockerAccess::SudoPassword:
            config.ssh.sudo = true;
            break;
        case DockerAccess::Unknown:
        case DockerAccess::GroupPending:
        case DockerAccess::None:
            break;
        }
    }
    // A key found through json_path is uploaded like a configured one.
    if (config.runner.serviceAccountKey.isEmpty() && m_pool.prepared && !m_pool.keyFile.isEmpty())
        config.runner.serviceAccountKey = m_pool.keyFile;
    // Containers started by hand: the plan keeps or removes them (ContainerScan).
    config.found = {};
    for (const FoundContainer &runner : m_facts.foundRunners)
        config.found.runners << runner.shortId();
    for (const FoundContainer &delegate : m_facts.foundDelegates)
        config.found.delegates << delegate.shortId();
    return config;
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
    return !m_sudoPassword.isEmpty() && m_factsKnown &&
           m_facts.access == DockerAccess::SudoPassword;
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
