#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace gs {
class CommandBuilder;
}

namespace gs::steps {

// Whether a container that is already on the VM is the one the plan would start: what runs
// (`docker inspect`) against what the plan's own `docker run` asks for. Re-running with new
// answers (tags, token, CPUs, memory, manager, image…) must not keep the old container and call
// it done.
namespace ContainerDrift {

// What a planned `docker run` asks for, read back from the command's own words, so the check can
// never drift from the plan.
struct Wanted
{
    QString image;
    QString hostname;
    QString network;
    QString restart;
    QStringList ports; // "3000:3000"
    QStringList binds; // "/runner:/runner"
    QStringList env;   // "KEY=value", as given with -e
    // Labels are left out: they mark what uninstall may remove (adopted containers are recorded
    // instead, as a label cannot be added later), not how the container runs.
    QStringList command; // the words after the image
    QString cpus;
    QString memory;
    bool tokenOnStdin = false; // --env-file /dev/stdin: the delegate token
};
// Empty image when `script` is not a `docker run` the plan makes.
Wanted fromRunCommand(const QString &script);

// Probe lines for one container: "@@<key>=<json of what is compared>", with DELEGATE_TOKEN
// left out of the environment, and for a token-fed container "@@<key>-token=<sha256>" of the
// token it runs with (hashed on the VM: the value crosses no argv and no output).
QString inspectScript(const CommandBuilder &builder, const QString &container, const QString &key,
                      bool withTokenHash);

// What differs, in words ("DELEGATE_TAGS: gitspaces → gitspaces,gcp", "the token differs"),
// never a secret's value. Empty when the container is the one the plan would start, or when
// `json` could not be read (then nothing is claimed).
// `compareImage` false leaves the image to the caller (keep-or-replace weighs it with the pulls).
QStringList differences(const QString &json, const QString &tokenSha256, const Wanted &wanted,
                        QByteArrayView token, bool compareImage = true);
QStringList differences(const QString &json, const QString &tokenSha256, const Wanted &wanted,
                        const QString &token, bool compareImage = true);

} // namespace ContainerDrift

} // namespace gs::steps
