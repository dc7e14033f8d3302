#include "GcloudSshCommand.h"

#include "ShellQuote.h"

#include <QCoreApplication>

namespace gs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GcloudSshCommand", text);
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

} // namespace

bool GcloudSshCommand::parse(const QString &text, GcloudSshCommand *out, QString *error)
{
    QStringList words;
    if (!shellSplit(text.trimmed(), &words)) {
        *error = tr("A quote is not closed; paste the whole command again.");
        return false;
    }
    qsizetype i = 0;
    if (i < words.size() &&
        (words.at(i) == QLatin1String("gcloud") || words.at(i).endsWith(QLatin1String("/gcloud"))))
        ++i;
    if (i < words.size() &&
        (words.at(i) == QLatin1String("beta") || words.at(i) == QLatin1String("alpha")))
        ++i;
    if (words.mid(i, 2) != QStringList{QStringLiteral("compute"), QStringLiteral("ssh")}) {
        *error = tr("This is not a \"gcloud compute ssh\" command. In the Cloud Console, open the "
                    "VM, click SSH → View gcloud command, and paste that.");
        return false;
    }
    i += 2;

    GcloudSshCommand result;
    for (; i < words.size(); ++i) {
        const QString &word = words.at(i);
        QString value;
        if (takeFlagValue(words, i, QStringLiteral("--zone"), &value)) {
            result.zone = value;
        } else if (takeFlagValue(words, i, QStringLiteral("--project"), &value)) {
            result.project = value;
        } else if (word == QLatin1String("--tunnel-through-iap")) {
            result.tunnelThroughIap = true;
        } else if (word == QLatin1String("--zone") || word == QLatin1String("--project")) {
            *error = tr("\"%1\" needs a value.").arg(word);
            return false;
        } else if (word == QLatin1String("--")) {
            *error = tr("Remove the remote command after \"--\": the wizard runs its own.");
            return false;
        } else if (word.startsWith(QLatin1Char('-'))) {
            result.otherFlags << word;
        } else if (result.instance.isEmpty()) {
            const qsizetype at = word.indexOf(QLatin1Char('@'));
            if (at >= 0) {
                result.user = word.left(at);
                result.instance = word.mid(at + 1);
            } else {
                result.instance = word;
            }
        } else {
            *error = tr("Unexpected \"%1\": the command names one VM instance.").arg(word);
            return false;
        }
    }
    if (result.instance.isEmpty()) {
        *error = tr("The command names no VM instance.");
        return false;
    }
    if (result.zone.isEmpty()) {
        *error = tr("The command has no --zone; copy it from the Cloud Console, which always "
                    "adds it.");
        return false;
    }
    *out = result;
    error->clear();
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
    if (!project.isEmpty())
        words << QStringLiteral("--project") << project;
    words << otherFlags;
    return shellJoin(words);
}

QString GcloudSshCommand::iapProxyCommand(int remotePort) const
{
    QStringList words{QStringLiteral("gcloud"),           QStringLiteral("compute"),
                      QStringLiteral("start-iap-tunnel"), instance,
                      QString::number(remotePort),        QStringLiteral("--listen-on-stdin"),
                      QStringLiteral("--zone"),           zone};
    if (!project.isEmpty())
        words << QStringLiteral("--project") << project;
    return shellJoin(words);
}

} // namespace gs
