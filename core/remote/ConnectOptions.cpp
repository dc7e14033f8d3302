#include "ConnectOptions.h"

#include "SshConfig.h"
#include "plan/GcloudSshCommand.h"
#include "plan/SetupConfig.h"
#include "util/LocalPaths.h"

#include <QDir>
#include <QFileInfo>

#include <pwd.h>
#include <unistd.h>

namespace gs::remote {

namespace {

QString localUserName()
{
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace

ConnectOptions ConnectOptions::fromSshConfig(const QString &hostOrAlias, const QString &configFile)
{
    ConnectOptions o;
    SshConfig config;
    config.load(configFile.isEmpty() ? SshConfig::defaultPath() : configFile);
    const SshConfig::HostConfig hc = config.resolve(hostOrAlias);
    o.host = hc.hostName.isEmpty() ? hostOrAlias : hc.hostName;
    o.user = hc.user;
    if (hc.port > 0)
        o.port = hc.port;
    o.identityFiles = hc.identityFiles;
    o.proxyCommand = hc.proxyCommand;
    o.proxyJump = hc.proxyJump;
    o.knownHostsFile = hc.userKnownHostsFile;
    return o;
}

ConnectOptions ConnectOptions::fromSetup(const gs::SshSettings &ssh, const QString &configFile)
{
    if (!ssh.gcloudCommand.trimmed().isEmpty()) {
        GcloudSshCommand command;
        QString error;
        if (GcloudSshCommand::parse(ssh.gcloudCommand, &command, &error))
            return fromGcloud(command);
    }
    ConnectOptions options = fromSshConfig(ssh.host.trimmed(), configFile);
    if (ssh.port != 22 || options.port <= 0)
        options.port = ssh.port;
    if (!ssh.user.trimmed().isEmpty())
        options.user = ssh.user.trimmed();
    // Like ssh -i: first, and the config file's keys stay as fallbacks.
    const QString identity = expandHome(ssh.identityFile.trimmed());
    if (!identity.isEmpty()) {
        options.identityFiles.removeAll(identity);
        options.identityFiles.prepend(identity);
    }
    return options;
}

ConnectOptions ConnectOptions::fromGcloud(const gs::GcloudSshCommand &command)
{
    ConnectOptions o;
    o.host = command.instance;
    o.port = 22;
    // gcloud logs in as the local user (or the user@ given) with its own key.
    o.user = command.user.isEmpty() ? localUserName() : command.user;
    o.identityFiles = {QDir::homePath() + QStringLiteral("/.ssh/google_compute_engine")};
    o.proxyCommand = command.iapProxyCommand(22);
    o.viaGcloud = true;
    // gcloud itself keys the VM as compute.<instance-id> in google_compute_known_hosts; the id
    // is not in the command, so the key is kept under the instance name instead.
    o.hostKeyAlias = command.instance;
    return o;
}

QString ConnectOptions::displayName() const
{
    const QString name = hostKeyAlias.isEmpty() ? host : hostKeyAlias;
    QString out = effectiveUser() + QLatin1Char('@') + name;
    if (viaGcloud)
        return out + QStringLiteral(" (IAP)");
    if (port != 22)
        out += QLatin1Char(':') + QString::number(port);
    return out;
}

QString ConnectOptions::knownHostsName() const
{
    if (!hostKeyAlias.isEmpty())
        return hostKeyAlias;
    if (port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QStringList ConnectOptions::effectiveIdentityFiles() const
{
    if (!identityFiles.isEmpty())
        return identityFiles;
    QStringList out;
    for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        const QString path = QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
        if (QFileInfo::exists(path))
            out << path;
    }
    return out;
}

QString ConnectOptions::effectiveKnownHostsFile() const
{
    return knownHostsFile.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                    : knownHostsFile;
}

QString ConnectOptions::effectiveUser() const
{
    return user.isEmpty() ? localUserName() : user;
}

QString HostKeyInfo::sshKeygenLine() const
{
    return QStringLiteral("%1 %2 %3 (%4)").arg(bits).arg(fingerprint, knownHostsName, keyType);
}

} // namespace gs::remote
