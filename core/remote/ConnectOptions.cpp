#include "ConnectOptions.h"
#include "util/Translate.h"

#include "GcloudLookup.h"
#include "SshConfig.h"
#include "plan/GcloudSshCommand.h"
#include "plan/SetupConfig.h"
#include "util/LocalPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

QString tr(const char *text)
{
    return translateIn({"gs::remote::ConnectOptions", "gs::remote"}, text);
}

// "~/.ssh/google_compute_engine" rather than "/home/jane/.ssh/google_compute_engine": shorter,
// and it works as typed in a terminal.
QString tildePath(const QString &path)
{
    const QString home = QDir::homePath() + QLatin1Char('/');
    return path.startsWith(home) ? QStringLiteral("~/") + path.mid(home.size()) : path;
}

// "type base64" of a public key file's first key; empty when it cannot be read.
QString publicKeyId(const QString &pubFile)
{
    QFile f(pubFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList parts =
        QString::fromUtf8(f.readLine(64 * 1024)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(0) + QLatin1Char(' ') + parts.at(1).trimmed() : QString();
}

// gcloud's choice among the profile's POSIX accounts: the requested name when it is one of
// them, else the primary one, else the first. Accounts of other projects only when none is of
// this project.
QString pickPosixUser(const QList<GcloudPosixAccount> &all, const QString &project,
                      const QString &requested)
{
    QList<GcloudPosixAccount> accounts;
    for (const GcloudPosixAccount &a : all)
        if (!project.isEmpty() && a.accountId == project)
            accounts << a;
    if (accounts.isEmpty())
        accounts = all;
    QString chosen;
    for (const GcloudPosixAccount &a : std::as_const(accounts)) {
        if (chosen.isEmpty())
            chosen = a.username;
        if (a.username == requested)
            return requested;
        if (a.primary)
            chosen = a.username;
    }
    return chosen;
}

QString failureText(const GcloudFacts &facts)
{
    switch (facts.status) {
    case GcloudFacts::Status::NotAsked:
        return tr("gcloud was not asked");
    case GcloudFacts::Status::Ok:
        return {};
    default:
        return facts.error;
    }
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
    return fromSetup(ssh, configFile, GcloudFacts{});
}

bool ConnectOptions::needsGcloudLookup(const gs::SshSettings &ssh)
{
    GcloudSshCommand command;
    QString error;
    return !ssh.gcloudCommand.trimmed().isEmpty() &&
           GcloudSshCommand::parse(ssh.gcloudCommand, &command, &error);
}

ConnectOptions ConnectOptions::fromSetup(const gs::SshSettings &ssh, const QString &configFile,
                                         const GcloudFacts &facts)
{
    if (!ssh.gcloudCommand.trimmed().isEmpty()) {
        GcloudSshCommand command;
        QString error;
        if (GcloudSshCommand::parse(ssh.gcloudCommand, &command, &error))
            return fromGcloud(command, facts, ssh.user.trimmed(),
                              expandHome(ssh.identityFile.trimmed()));
        if (ssh.host.trimmed().isEmpty()) {
            ConnectOptions options;
            options.problem = tr("The gcloud command cannot be used: %1").arg(error);
            return options;
        }
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
    return fromGcloud(command, GcloudFacts{});
}

ConnectOptions ConnectOptions::fromGcloud(const gs::GcloudSshCommand &command,
                                          const GcloudFacts &facts, const QString &explicitUser,
                                          const QString &explicitKey)
{
    ConnectOptions o;
    o.gcloudCommand = command.toCommandLine();
    o.port = command.port;
    // gcloud itself keys the VM as compute.<instance-id> in google_compute_known_hosts; the key is
    // kept under the instance name instead, the same through IAP and to an address.
    o.hostKeyAlias = command.instance;
    if (facts.ok() && facts.osLoginError.isEmpty())
        o.gcloudOsLogin = facts.osLogin.value_or(false);
    else if (facts.ok())
        o.gcloudOsLogin = facts.osLogin;

    QString keyWhy;
    const QString key = gcloudKey(command, explicitKey, &keyWhy);
    o.identityFiles = {key};
    QString userWhy;
    QStringList warnings;
    const QString user = gcloudUser(command, facts, explicitUser, key, &userWhy, &warnings);
    o.user = user;
    const QString route = setGcloudRoute(command, facts, &o);

    o.notes << tr("User: %1 (%2).").arg(user, userWhy)
            << tr("Key: %1 (%2).").arg(tildePath(key), keyWhy);
    if (!route.isEmpty())
        o.notes << route;
    if (!QFileInfo::exists(key))
        warnings << tr("%1 does not exist yet. Run the gcloud command once in a terminal: it "
                       "creates the key and publishes it.")
                        .arg(tildePath(key));
    o.notes << warnings;
    return o;
}

// The key, as gcloud picks it.
QString ConnectOptions::gcloudKey(const gs::GcloudSshCommand &command, const QString &explicitKey,
                                  QString *why)
{
    if (!command.sshKeyFile.isEmpty()) {
        *why = tr("from --ssh-key-file");
        return expandHome(command.sshKeyFile);
    }
    if (!explicitKey.isEmpty()) {
        *why = tr("from the answers");
        return explicitKey;
    }
    *why = tr("gcloud's key");
    return QDir::homePath() + QStringLiteral("/.ssh/google_compute_engine");
}

// The user gcloud asks for before OS Login has its say.
QString ConnectOptions::gcloudRequestedUser(const gs::GcloudSshCommand &command,
                                            const GcloudFacts &facts, const QString &explicitUser,
                                            QString *why, QStringList *warnings)
{
    const QString loginName =
        gcloudLocalLoginName(QProcessEnvironment::systemEnvironment(), passwdUserName());
    if (!command.user.isEmpty()) {
        *why = tr("named in the command");
        return command.user;
    }
    if (!explicitUser.isEmpty()) {
        *why = tr("from the answers");
        return explicitUser;
    }
    if (gcloudUsableUserName(loginName)) {
        *why = tr("the local user name, as gcloud takes it");
        return loginName;
    }
    if (!gcloudAccountUserName(facts.account).isEmpty()) {
        *why = tr("from the account %1: gcloud does not use the local user name “%2”")
                   .arg(facts.account, loginName);
        return gcloudAccountUserName(facts.account);
    }
    *why = tr("the local user name");
    *warnings << tr("gcloud does not use the local user name “%1” (not ASCII, or a space) "
                    "but your account's name, which is not known here.")
                     .arg(loginName);
    return loginName;
}

// The user, as gcloud picks it: the requested one, or with OS Login on the profile's.
QString ConnectOptions::gcloudUser(const gs::GcloudSshCommand &command, const GcloudFacts &facts,
                                   const QString &explicitUser, const QString &key, QString *why,
                                   QStringList *warnings)
{
    const QString requested = gcloudRequestedUser(command, facts, explicitUser, why, warnings);
    if (!facts.ok()) {
        if (facts.status != GcloudFacts::Status::NotAsked)
            *warnings << tr("gcloud could not be asked whether OS Login is on (%1). Logging in as "
                            "%2, as gcloud does without OS Login.")
                             .arg(failureText(facts), requested);
    } else if (facts.osLogin == true) {
        return gcloudOsLoginUser(command, facts, explicitUser, requested, key, why, warnings);
    } else if (!facts.osLoginError.isEmpty()) {
        *why += tr("; whether OS Login is on is not known");
        *warnings << tr("Whether OS Login is on could not be read from the project (%1); "
                        "assuming it is off.")
                         .arg(facts.osLoginError);
    } else {
        *why += tr("; OS Login is off");
    }
    return requested;
}

// With OS Login on, gcloud logs in as a POSIX user of the profile, and only with its keys.
QString ConnectOptions::gcloudOsLoginUser(const gs::GcloudSshCommand &command,
                                          const GcloudFacts &facts, const QString &explicitUser,
                                          const QString &requested, const QString &key,
                                          QString *why, QStringList *warnings)
{
    const QString requestedWhy = *why;
    *why += tr("; OS Login is on");
    if (!facts.profileRead) {
        *warnings << tr("OS Login is on, but your OS Login profile could not be read (%1). "
                        "Trying %2.")
                         .arg(facts.profileError, requested);
        return requested;
    }
    if (facts.posixAccounts.isEmpty()) {
        *warnings << tr("OS Login is on, but your Google account has no OS Login user yet. "
                        "Run the gcloud command once in a terminal: it creates the user and "
                        "registers your key. Trying %1.")
                         .arg(requested);
        return requested;
    }
    const bool requestedGiven = !command.user.isEmpty() || !explicitUser.isEmpty();
    const QString user = pickPosixUser(facts.posixAccounts, command.project, requested);
    *why = user == requested && requestedGiven ? requestedWhy + tr("; your OS Login user")
                                               : tr("your OS Login user");
    if (user != requested && requestedGiven)
        *why = tr("your OS Login user, instead of the requested %1, as gcloud does").arg(requested);
    const QString keyId = publicKeyId(key + QStringLiteral(".pub"));
    if (!keyId.isEmpty() && !facts.profileKeys.contains(keyId))
        *warnings << tr("The key %1 is not in your OS Login profile yet, so the VM will "
                        "refuse it. Run the gcloud command once in a terminal, or: "
                        "gcloud compute os-login ssh-keys add --key-file %1.pub")
                         .arg(tildePath(key));
    return user;
}

// The route: sets host (or the IAP proxy command), or `problem` when there is none. Returns the
// note that says which.
QString ConnectOptions::setGcloudRoute(const gs::GcloudSshCommand &command,
                                       const GcloudFacts &facts, ConnectOptions *o)
{
    if (command.tunnelThroughIap) {
        o->host = command.instance;
        o->proxyCommand = command.iapProxyCommand();
        o->viaGcloud = true;
        return tr("Route: through IAP (gcloud compute start-iap-tunnel).");
    }
    if (command.internalIp) {
        if (facts.ok() && !facts.internalIp.isEmpty()) {
            o->host = facts.internalIp;
            return tr("Route: the internal address %1 (--internal-ip).").arg(facts.internalIp);
        }
        o->problem = facts.ok()
                         ? tr("gcloud reports no internal address for %1.").arg(command.instance)
                         : tr("The internal address of %1 could not be found: %2")
                               .arg(command.instance, failureText(facts));
        return {};
    }
    if (facts.ok() && !facts.externalIp.isEmpty()) {
        o->host = facts.externalIp;
        return tr("Route: the external address %1 (the command has no --tunnel-through-iap).")
            .arg(facts.externalIp);
    }
    if (facts.ok()) {
        o->problem = tr("%1 has no external IP address, so it cannot be reached without IAP. Add "
                        "--tunnel-through-iap to the gcloud command: the runner VM that "
                        "Terraform creates has no external address, and SSH reaches it only "
                        "through IAP.")
                         .arg(command.instance);
        return {};
    }
    o->problem = tr("The external address of %1 could not be found: %2\nWithout "
                    "--tunnel-through-iap the connection goes to the VM's external address, "
                    "which gcloud has to tell. Make gcloud work here, or add "
                    "--tunnel-through-iap to the command (the runner VM that Terraform "
                    "creates has no external address).")
                     .arg(command.instance, failureText(facts));
    return {};
}

QString ConnectOptions::gcloudKeyMessage(bool missing) const
{
    if (gcloudCommand.isEmpty())
        return {};
    const QString key = tildePath(identityFiles.value(0));
    QString message =
        missing ? tr("The key %1 does not exist, so there is nothing to log in with.").arg(key)
                : tr("The VM did not accept the key %1 for %2: the key is not published for "
                     "that user.")
                      .arg(key, effectiveUser());
    message += QLatin1Char('\n') + tr("Any one of these publishes it; then connect again:") +
               QLatin1Char('\n') +
               tr("• Run the gcloud command once in a terminal. It creates the key if needed "
                  "and publishes it:\n  %1")
                   .arg(gcloudCommand);
    const QString osLogin =
        tr("• OS Login%1: gcloud compute os-login ssh-keys add --key-file %2.pub")
            .arg(gcloudOsLogin == true ? tr(" (on for this VM)") : QString(), key);
    const QString metadata =
        tr("• Metadata SSH keys%1: in the Cloud Console, Compute Engine → Metadata → SSH keys "
           "(or the VM's own SSH keys), add the contents of %2.pub with its last word (the "
           "comment) changed to %3: the Console takes the user name from it.")
            .arg(gcloudOsLogin == false ? tr(" (OS Login is off for this VM)") : QString(), key,
                 effectiveUser());
    if (gcloudOsLogin != false)
        message += QLatin1Char('\n') + osLogin;
    if (gcloudOsLogin != true)
        message += QLatin1Char('\n') + metadata;
    return message;
}

QString ConnectOptions::displayName() const
{
    const QString name = hostKeyAlias.isEmpty() ? host : hostKeyAlias;
    QString out = effectiveUser() + QLatin1Char('@') + name;
    if (viaGcloud)
        return out + QStringLiteral(" (IAP)");
    if (!gcloudCommand.isEmpty() && !host.isEmpty() && host != name)
        return out + QStringLiteral(" (%1)").arg(
                         port == 22 ? host : host + QLatin1Char(':') + QString::number(port));
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
