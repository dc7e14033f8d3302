#include "LocalEnvironment.h"

#include "util/LoggingCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThreadPool>

namespace gs {

namespace {

// gcloud's own key first: the Cloud Console flow puts it there.
const char *const KeyNames[] = {"google_compute_engine", "id_ed25519", "id_ecdsa", "id_rsa",
                                "id_ed25519_sk",         "id_ecdsa_sk"};

} // namespace

QStringList LocalEnvironment::parseHostAliases(const QString &sshConfig)
{
    QStringList aliases;
    static const QRegularExpression hostLine(QStringLiteral("^\\s*Host\\s*[=\\s]\\s*(.+)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (const QString &line : sshConfig.split(QLatin1Char('\n'))) {
        const auto match = hostLine.match(line);
        if (!match.hasMatch())
            continue;
        // Words separated by blanks; a double-quoted word may contain blanks (ssh_config(5)).
        QStringList names;
        QString word;
        bool quoted = false;
        bool inWord = false;
        for (const QChar c : match.captured(1)) {
            if (c == QLatin1Char('"')) {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && c == QLatin1Char('#')) {
                break;
            } else if (!quoted && c.isSpace()) {
                if (inWord)
                    names.append(word);
                word.clear();
                inWord = false;
            } else {
                word += c;
                inWord = true;
            }
        }
        if (inWord)
            names.append(word);
        for (const QString &name : std::as_const(names)) {
            if (name.isEmpty() || name.startsWith(QLatin1Char('!')) ||
                name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?')))
                continue;
            if (!aliases.contains(name))
                aliases.append(name);
        }
    }
    return aliases;
}

LocalEnvironment LocalEnvironment::scan(const QString &home, const QString &agentSocket)
{
    LocalEnvironment env;
    env.home = home;
    env.scanned = true;
    const QDir sshDir(home + QStringLiteral("/.ssh"));
    for (const char *name : KeyNames) {
        const QString path = sshDir.filePath(QLatin1String(name));
        if (QFileInfo(path).isFile())
            env.sshKeys.append(path);
    }
    if (!agentSocket.isEmpty() && QFileInfo::exists(agentSocket))
        env.agentSocket = agentSocket;
    env.gcloudPath = QStandardPaths::findExecutable(QStringLiteral("gcloud"));

    QFile config(sshDir.filePath(QStringLiteral("config")));
    // A config bigger than this is not one a person wrote; do not read it whole.
    if (config.size() < 1024 * 1024 && config.open(QIODevice::ReadOnly))
        env.hostAliases = parseHostAliases(QString::fromUtf8(config.readAll()));
    qCDebug(lcWizard) << "local environment:" << env.sshKeys.size() << "keys, agent"
                      << !env.agentSocket.isEmpty() << "gcloud" << !env.gcloudPath.isEmpty()
                      << env.hostAliases.size() << "host aliases";
    return env;
}

void LocalEnvironment::scanAsync(QObject *context,
                                 std::function<void(const LocalEnvironment &)> done)
{
    const QString home = QDir::homePath();
    const QString agent = qEnvironmentVariable("SSH_AUTH_SOCK");
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([home, agent, guard, done = std::move(done)] {
        const LocalEnvironment env = scan(home, agent);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, env, done] {
                if (guard)
                    done(env);
            },
            Qt::QueuedConnection);
    });
}

} // namespace gs
