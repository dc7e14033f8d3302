#pragma once

#include <QString>
#include <QStringList>

namespace gs {
class CommandBuilder;
}

namespace gs::manage {

// The delegate container as it runs: what an upgrade (or the upgrader) keeps. Holds no secret;
// the token is read by its own command (tokenScript), whose output never reaches a log.
struct RunningDelegate
{
    bool present = false;
    QString state; // running, exited, …
    QString image;
    QString name;          // DELEGATE_NAME
    QString accountId;     // ACCOUNT_ID
    QString manager;       // MANAGER_HOST_AND_PORT
    QStringList tags;      // DELEGATE_TAGS, split at commas
    bool hasToken = false; // DELEGATE_TOKEN is set (its value is not read here)
};

namespace RunningDelegateProbe {

// "@@delegate.<key>=…" lines for the container `container`: image, state and the environment
// values above (never DELEGATE_TOKEN's value).
QString inspectScript(const CommandBuilder &builder, const QString &container);
RunningDelegate parse(const QByteArray &output);
// Prints DELEGATE_TOKEN's value and nothing else; the filter runs on the VM, behind a pipe.
QString tokenScript(const CommandBuilder &builder, const QString &container);

} // namespace RunningDelegateProbe

} // namespace gs::manage
