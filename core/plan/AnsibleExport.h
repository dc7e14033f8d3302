#pragma once

#include "CommandBuilder.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gs {

// Many runner VMs: the plan the engine runs, handed to Ansible instead (`export-ansible`, the
// Summary page's "Export for Ansible…"). One inventory host per setup config; one playbook whose
// tasks are the engine's steps with the engine's names and values; per-host variables; the pool
// files as they go up; a README. Never a secret: the token is read when the playbook runs, and
// the service-account key is copied from where it is on the admin's computer.
namespace AnsibleExport {

struct Host
{
    QString name;        // the inventory name (see hostName())
    CommandBuilder plan; // from steps::effectivePlan: pool.yaml as it goes up, the privileges
    QString source;      // where the answers came from, for a comment ("vm-a.yaml")
};

struct File
{
    QString path; // relative to the export folder, '/'-separated
    QByteArray content;
};

// An inventory name from `suggestion` (a config file's base name, a host): letters, digits, '-'
// and '_' only, never one of `taken` ("-2", "-3"… appended).
QString hostName(const QString &suggestion, const QStringList &taken);

// Every file of the export. Pure: no I/O.
QList<File> files(const QList<Host> &hosts);
QByteArray inventory(const QList<Host> &hosts);
QByteArray hostVariables(const Host &host);
QByteArray playbook();
QByteArray readme(const QList<Host> &hosts);
QByteArray ansibleConfig();
QByteArray lintConfig();

// Where a host's pool file goes in the export folder.
QString poolFilePath(const QString &hostName);

// Writes `files` under `directory` (created when missing; existing files replaced atomically,
// others kept). False with `error` set when something cannot be written.
bool write(const QList<File> &files, const QString &directory, QString *error);

} // namespace AnsibleExport

} // namespace gs
