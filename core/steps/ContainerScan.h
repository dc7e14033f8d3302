#pragma once

#include "StepTypes.h"
#include "plan/CommandBuilder.h"
#include "plan/SetupConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gs::steps {

// Finds the runner and the delegate an admin started by hand with the documented commands
// (seed page: no --name, so Docker picks a random name). One round trip: `docker ps -a` and one
// `docker inspect` of every container, with a template that prints no secret (of the
// environment only DELEGATE_NAME, RUNNER_URL, MANAGER_HOST_AND_PORT and DELEGATE_TAGS; never
// DELEGATE_TOKEN or ACCOUNT_ID). Recognised by image, command and environment:
//   runner:   drone/drone-runner-aws (or the configured runner image, any tag) running the
//             `delegate` command, not named vm-runner;
//   delegate: a Harness delegate image (or the configured one) whose DELEGATE_NAME is the
//             configured name, under another container name.
namespace ContainerScan {

// The probe, for a step's script: prints one "@@container=…" line per container.
QString script(const CommandBuilder &builder);
// Every container the probe printed, in its order.
QList<FoundContainer> parse(const QByteArray &output);

// "docker.io/drone/drone-runner-aws:latest" → "drone/drone-runner-aws" (no registry default,
// tag or digest).
QString imageRepository(const QString &reference);

bool isRunner(const FoundContainer &container, const SetupConfig &config);
bool isDelegateOf(const FoundContainer &container, const SetupConfig &config);

// Started by hand, best to keep first (running, then healthy, then the newest).
QList<FoundContainer> handStartedRunners(const QList<FoundContainer> &containers,
                                         const SetupConfig &config);
QList<FoundContainer> handStartedDelegates(const QList<FoundContainer> &containers,
                                           const SetupConfig &config);
// Fills facts->foundRunners and facts->foundDelegates from a probe's output.
void record(const QByteArray &output, const SetupConfig &config, HostFacts *facts);

// The `--pool` file the runner reads (inside the container).
QString poolPath(const FoundContainer &runner);
// Why keeping it would not give the setup this config describes (translated; empty: nothing).
QStringList runnerConcerns(const FoundContainer &runner, const SetupConfig &config);
QStringList delegateConcerns(const FoundContainer &delegate, const SetupConfig &config);

// One line for a decision or a report: "eager_turing (3f2a1b0c9d8e), running".
QString describe(const FoundContainer &container);

} // namespace ContainerScan

} // namespace gs::steps
