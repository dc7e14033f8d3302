#include "PrivilegeProbe.h"

#include <QCoreApplication>

namespace gs::remote {

namespace {

QString quote(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace

QString PrivilegeInfo::command()
{
    return QStringLiteral(
        "r=0; d=0; u=0; g=0; s=0; n=0; [ \"$(id -u)\" = 0 ] && r=1; "
        "command -v docker >/dev/null 2>&1 && d=1; "
        "[ $d = 1 ] && docker info >/dev/null 2>&1 && u=1; "
        "id -nG 2>/dev/null | tr ' ' '\\n' | grep -qx docker && g=1; "
        "if command -v sudo >/dev/null 2>&1; then s=1; sudo -n true >/dev/null 2>&1 && n=1; fi; "
        "echo \"root=$r docker=$d dockeruser=$u dockergroup=$g sudo=$s nopasswd=$n\"");
}

PrivilegeInfo PrivilegeInfo::parse(const CommandResult &result)
{
    PrivilegeInfo info;
    if (!result.succeeded()) {
        info.error = result.errorMessage.isEmpty()
                         ? QCoreApplication::translate("gs::remote::PrivilegeProbe",
                                                       "The privilege check failed: %1")
                               .arg(QString::fromUtf8(result.stdErr).trimmed())
                         : result.errorMessage;
        return info;
    }
    const QString line = QString::fromUtf8(result.stdOut).trimmed().section(QLatin1Char('\n'), -1);
    auto flag = [&](const char *name) {
        return line.contains(QLatin1String(name) + QLatin1String("=1"));
    };
    info.isRoot = flag("root");
    info.dockerInstalled = flag("docker");
    info.dockerWorksAsUser = flag("dockeruser");
    info.inDockerGroup = flag("dockergroup");
    info.sudoInstalled = flag("sudo");
    info.sudoWithoutPassword = flag("nopasswd");
    if (info.isRoot || info.dockerWorksAsUser)
        info.mode = Mode::AsUser;
    else if (info.sudoInstalled && info.sudoWithoutPassword)
        info.mode = Mode::SudoNoPassword;
    else if (info.sudoInstalled)
        info.mode = Mode::SudoPassword;
    else
        info.mode = Mode::Unavailable;
    return info;
}

QString PrivilegeInfo::wrapForRoot(const QString &command, Mode mode)
{
    switch (mode) {
    case Mode::AsUser:
    case Mode::Unavailable:
        return command;
    case Mode::SudoNoPassword:
        return QStringLiteral("sudo -n -- sh -c %1").arg(quote(command));
    case Mode::SudoPassword:
        // -k: always read the password line, so it never becomes the command's stdin;
        // -p '': no prompt mixed into stderr.
        return QStringLiteral("sudo -k -S -p '' -- sh -c %1").arg(quote(command));
    }
    return command;
}

QByteArray PrivilegeInfo::stdinForRoot(Mode mode, const QByteArray &sudoPassword,
                                       const QByteArray &stdinData)
{
    if (mode != Mode::SudoPassword)
        return stdinData;
    return sudoPassword + '\n' + stdinData;
}

QString PrivilegeInfo::verifyPasswordCommand()
{
    return wrapForRoot(QStringLiteral("true"), Mode::SudoPassword);
}

QString PrivilegeInfo::atomicWriteCommand(const QString &remotePath, int mode)
{
    const qsizetype slash = remotePath.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash > 0 ? remotePath.left(slash)
                                  : (slash == 0 ? QStringLiteral("/") : QStringLiteral("."));
    const QString name = remotePath.mid(slash + 1);
    // umask 077 until the chmod: the content is never readable by others, not even briefly.
    return QStringLiteral("umask 077 && mkdir -p -- %1 && t=$(mktemp %2) && "
                          "{ cat > \"$t\" && chmod %3 \"$t\" && mv -f -- \"$t\" %4; } "
                          "|| { rm -f -- \"$t\"; exit 1; }")
        .arg(quote(dir), quote(dir + QStringLiteral("/.") + name + QStringLiteral(".XXXXXX")),
             QString::number(mode, 8), quote(remotePath));
}

PrivilegeProbe::PrivilegeProbe(RemoteSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

void PrivilegeProbe::start()
{
    if (!m_session) {
        PrivilegeInfo info;
        info.error = QCoreApplication::translate("gs::remote::PrivilegeProbe", "Not connected.");
        Q_EMIT finished(info);
        return;
    }
    m_job = m_session->run(PrivilegeInfo::command());
    connect(m_job, &CommandJob::finished, this, [this](const CommandResult &result) {
        if (m_job)
            m_job->deleteLater();
        Q_EMIT finished(PrivilegeInfo::parse(result));
    });
}

void PrivilegeProbe::cancel()
{
    if (m_job)
        m_job->cancel();
}

} // namespace gs::remote
