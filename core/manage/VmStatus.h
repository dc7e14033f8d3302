#pragma once

#include "harness/DelegateImage.h"
#include "steps/LogDiagnosis.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gs::manage {

// The runner, the delegate or the upgrader, as `docker inspect` shows it.
struct ContainerStatus
{
    QString name;         // the container name asked for
    bool present = false; // a container of that name exists
    QString state;        // .State.Status: running, exited, restarting, created, …
    QString health;       // .State.Health.Status; empty without a health check
    QString image;        // .Config.Image
    QString imageId;      // .Image (sha256:…)
    QString digest;       // the image's repository digest ("repo@sha256:…"), when it has one
    QString imageCreated; // when the image was built (RFC 3339)
    QString startedAt;    // .State.StartedAt (RFC 3339)
    int restarts = 0;     // .RestartCount: restarts by Docker's restart policy
    QString label;        // our io.harness.gitspaces-setup label: runner|delegate|upgrader

    bool isRunning() const { return state == QLatin1String("running"); }
};

// What `status` found on the VM, and in Harness when an API key was given. One probe, one round
// trip (StatusJob); the CLI prints it, --json serialises it, the Manage page shows it.
struct VmStatus
{
    QString dockerProblem; // why Docker could not be asked; empty when it answered

    ContainerStatus runner;
    QString runnerHealth; // what GET /healthz on port 3000 answered ("OK"); empty: no answer
    QList<steps::LogFinding> runnerFindings; // known failure lines in its recent log

    ContainerStatus delegate;
    bool delegateRegistered = false; // "Delegate registered with id …" in its log
    QString delegateId;
    QList<steps::LogFinding> delegateFindings;
    harness::ImageTagCheck delegateImage; // the tag's age (or against Harness's latest version)

    ContainerStatus upgrader; // Harness's upgrader container, when it was installed

    bool networkPresent = false;
    QStringList networkContainers; // attached to the harness network

    QString poolPath;            // on the VM
    bool poolOnVmRead = false;   // the file could be read
    QString poolOnVmError;       // why not
    QByteArray poolOnVm;         // its content
    bool poolLocalKnown = false; // the config names a local pool file that could be prepared
    QByteArray poolLocal;        // what `apply` would upload (json_path rewritten)
    QStringList poolDiff;        // unified diff VM → local; empty when they are equal

    enum class HarnessCheck { NotAsked, Connected, NotConnected, Failed };
    HarnessCheck harness = HarnessCheck::NotAsked;
    QString harnessMessage; // what Harness said (or why it could not be asked)

    bool runnerHealthy() const;
    bool delegateHealthy() const;
    // What is down, one translated line each; empty when everything that was asked is fine.
    QStringList problems() const;
    // Warnings that do not make the VM unhealthy: an old image, a pool file that differs, …
    QStringList warnings() const;
    // `status`'s exit code: 0 all healthy, 1 something is down.
    int exitCode() const { return problems().isEmpty() ? 0 : 1; }

    // The report, as the CLI prints it (translated lines).
    QStringList lines() const;
    // The same for `status --json`: stable keys, no secret.
    QJsonObject toJson() const;
};

// "3 days ago" / "2026-11-29 10:02 UTC": when an RFC 3339 time was, relative to `now`.
QString describeTime(const QString &rfc3339, const QDateTime &now);

} // namespace gs::manage
