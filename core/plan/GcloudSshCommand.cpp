#include "GcloudSshCommand.h"

#include "ShellQuote.h"

#include <QCoreApplication>

namespace gs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::GcloudSshCommand", text);
}

// Takes the value of "--flag value" or "--flag=value"; advances i past what it used.
bool takeFlagValue(const QStringList &words, qsizetype &i, const QString &flag, QString *value)
{
    const QString &word = words.at(i);
    if (word == flag) {
        if (i + 1 >= words.size())
            return false;
        *value = words.at(++i);
        return true;
    }
    const QString prefix = flag + QLatin1Char('=');
    if (word.startsWith(prefix)) {
        *value = word.mid(prefix.size());
        return true;
    }
    return false;
}

// gcloud flags that take a value: "--flag value" is one flag, not a flag and an instance name.
bool takesValue(const QString &flag)
{
    static const QStringList flags{
        QStringLiteral("--access-token-file"),
        QStringLiteral("--account"),
        QStringLiteral("--billing-project"),
        QStringLiteral("--command"),
        QStringLiteral("--configuration"),
        QStringLiteral("--container"),
        QStringLiteral("--dest-group"),
        QStringLiteral("--flags-file"),
        QStringLiteral("--flatten"),
        QStringLiteral("--format"),
        QStringLiteral("--impersonate-service-account"),
        QStringLiteral("--network"),
        QStringLiteral("--region"),
        QStringLiteral("--ssh-flag"),
        QStringLiteral("--ssh-key-expiration"),
        QStringLiteral("--ssh-key-expire-after"),
        QStringLiteral("--ssh-key-file"),
        QStringLiteral("--strict-host-key-checking"),
        QStringLiteral("--trace-token"),
        QStringLiteral("--verbosity"),
    };
    return flags.contains(flag);
}

// "-p 2222" or "-p2222" among the words of an --ssh-flag value; 0 when there is none.
int portFromSshFlag(const QString &value, bool *bad)
{
    const QStringList parts = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QString port;
        if (parts.at(i) == QLatin1String("-p"))
            port = parts.value(i + 1);
        else if (parts.at(i).startsWith(QLatin1String("-p")))
            port = parts.at(i).mid(2);
        else
            continue;
        bool ok = false;
        const int n = port.toInt(&ok);
        if (!ok || n < 1 || n > 65535) {
            *bad = true;
            return 0;
        }
        return n;
    }
    return 0;
}

} // namespace

bool GcloudSshCommand::parse(const QString &text, GcloudSshCommand *out, QString *error)
{
    QStringList words;
    if (!shellSplit(text.trimmed(), &words)) {
        *error = tr("A quote is not closed; paste the whole command again.");
        return false;
    }
    qsizetype i = 0;
    if (!skipCommandName(words, &i, error))
        return false;

    GcloudSshCommand result;
    for (; i < words.size(); ++i) {
        if (!result.takeWord(words, i, error))
            return false;
    }
    if (!result.checkComplete(error))
        return false;
    *out = result;
    error->clear();
    return true;
}

bool GcloudSshCommand::skipCommandName(const QStringList &words, qsizetype *i, QString *error)
{
    if (*i < words.size() && (words.at(*i) == QLatin1String("gcloud") ||
                              words.at(*i).endsWith(QLatin1String("/gcloud"))))
        ++*i;
    if (*i < words.size() &&
        (words.at(*i) == QLatin1String("beta") || words.at(*i) == QLatin1String("alpha")))
        ++*i;
    if (words.mid(*i, 2) != QStringList{QStringLiteral("compute"), QStringLiteral("ssh")}) {
        *error = tr("This is not a \"gcloud compute ssh\" command. In the Cloud Console, open the "
                    "VM, click SSH → View gcloud command, and paste that.");
        return false;
    }
    *i += 2;
    return true;
}

bool GcloudSshCommand::takeWord(const QStringList &words, qsizetype &i, QString *error)
{
    const QString &word = words.at(i);
    const QString flag = word.section(QLatin1Char('='), 0, 0);
    QString value;
    if (takeFlagValue(words, i, QStringLiteral("--zone"), &value)) {
        zone = value;
    } else if (takeFlagValue(words, i, QStringLiteral("--project"), &value)) {
        project = value;
    } else if (word == QLatin1String("--tunnel-through-iap")) {
        tunnelThroughIap = true;
    } else if (word == QLatin1String("--internal-ip")) {
        internalIp = true;
    } else if (word == QLatin1String("--zone") || word == QLatin1String("--project") ||
               (word == flag && takesValue(flag) && i + 1 >= words.size())) {
        *error = tr("\"%1\" needs a value.").arg(word);
        return false;
    } else if (word == QLatin1String("--") || flag == QLatin1String("--command")) {
        *error = tr("Remove the remote command (\"%1\"): the wizard runs its own.").arg(flag);
        return false;
    } else if (takesValue(flag) && takeFlagValue(words, i, flag, &value)) {
        return takeFlag(flag, value, error);
    } else if (word.startsWith(QLatin1Char('-'))) {
        otherFlags << word;
    } else {
        return takeInstance(word, error);
    }
    return true;
}

// A flag with a value that is not one of the command's essentials: kept, and read where it
// changes how to connect (the key, the port).
bool GcloudSshCommand::takeFlag(const QString &flag, const QString &value, QString *error)
{
    if (flag == QLatin1String("--ssh-key-file")) {
        sshKeyFile = value;
        return true;
    }
    if (flag == QLatin1String("--ssh-flag")) {
        bool bad = false;
        if (const int n = portFromSshFlag(value, &bad); n > 0)
            port = n;
        if (bad) {
            *error = tr("\"%1\" does not name a valid port.").arg(value);
            return false;
        }
    }
    otherFlags << flag + QLatin1Char('=') + value;
    return true;
}

bool GcloudSshCommand::takeInstance(const QString &word, QString *error)
{
    if (!instance.isEmpty()) {
        *error = tr("Unexpected \"%1\": the command names one VM instance.").arg(word);
        return false;
    }
    const qsizetype at = word.indexOf(QLatin1Char('@'));
    // "instance" or "user@instance"; an empty user or a second '@' names nothing that
    // could print back as the same command.
    if (at == 0 || word.indexOf(QLatin1Char('@'), at + 1) >= 0) {
        *error = tr("Unexpected \"%1\": the command names one VM instance.").arg(word);
        return false;
    }
    if (at > 0) {
        user = word.left(at);
        instance = word.mid(at + 1);
    } else {
        instance = word;
    }
    return true;
}

bool GcloudSshCommand::checkComplete(QString *error) const
{
    if (instance.isEmpty()) {
        *error = tr("The command names no VM instance.");
        return false;
    }
    if (zone.isEmpty()) {
        *error = tr("The command has no --zone; copy it from the Cloud Console, which always "
                    "adds it.");
        return false;
    }
    if (tunnelThroughIap && internalIp) {
        *error = tr("--tunnel-through-iap and --internal-ip exclude each other; keep one.");
        return false;
    }
    return true;
}

QString GcloudSshCommand::toCommandLine() const
{
    QStringList words{QStringLiteral("gcloud"),
                      QStringLiteral("compute"),
                      QStringLiteral("ssh"),
                      QStringLiteral("--zone"),
                      zone,
                      user.isEmpty() ? instance : user + QLatin1Char('@') + instance};
    if (tunnelThroughIap)
        words << QStringLiteral("--tunnel-through-iap");
    if (internalIp)
        words << QStringLiteral("--internal-ip");
    if (!project.isEmpty())
        words << QStringLiteral("--project") << project;
    if (!sshKeyFile.isEmpty())
        words << QStringLiteral("--ssh-key-file") << sshKeyFile;
    words << otherFlags;
    return shellJoin(words);
}

QStringList GcloudSshCommand::accountFlags() const
{
    QStringList out;
    for (const QString &flag : otherFlags) {
        const QString name = flag.section(QLatin1Char('='), 0, 0);
        if (name == QLatin1String("--account") || name == QLatin1String("--configuration") ||
            name == QLatin1String("--impersonate-service-account"))
            out << flag;
    }
    return out;
}

QString GcloudSshCommand::iapProxyCommand(int remotePort) const
{
    QStringList words{QStringLiteral("gcloud"),
                      QStringLiteral("compute"),
                      QStringLiteral("start-iap-tunnel"),
                      instance,
                      QString::number(remotePort > 0 ? remotePort : port),
                      QStringLiteral("--listen-on-stdin"),
                      QStringLiteral("--zone"),
                      zone};
    if (!project.isEmpty())
        words << QStringLiteral("--project") << project;
    words << accountFlags();
    return shellJoin(words);
}

} // namespace gs
