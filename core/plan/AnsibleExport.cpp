#include "AnsibleExport.h"

#include "GcloudSshCommand.h"
#include "util/AtomicFile.h"
#include "util/LocalPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gs::AnsibleExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::AnsibleExport", text);
}

// A YAML double-quoted scalar. Ansible templates every string it reads from variables, so a
// value that looks like Jinja ("{{", "{%", "{#") is tagged !unsafe: used as it is, never run.
QString yamlString(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    if (value.contains(QLatin1String("{{")) || value.contains(QLatin1String("{%")) ||
        value.contains(QLatin1String("{#")))
        return QStringLiteral("!unsafe ") + out;
    return out;
}

QString yamlBool(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString yamlList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted << yamlString(value);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// A comment line's text: one line, whatever the value holds.
QString commentText(const QString &value)
{
    QString line = value;
    line.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return line;
}

// The words of an OpenSSH option for Ansible's ssh_common_args, which Ansible splits like a
// shell (shlex): the value goes in double quotes, where only '"' and '\' need a backslash.
QString sshOption(const QString &option)
{
    QString escaped = option;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("-o \"") + escaped + QLatin1Char('"');
}

QString inventoryHost(const Host &host)
{
    const SshSettings &ssh = host.plan.config().ssh;
    QString s = QStringLiteral("        ") + host.name + QStringLiteral(":\n");
    const auto line = [&s](const QString &key, const QString &value) {
        s += QStringLiteral("          ") + key + QStringLiteral(": ") + value + QLatin1Char('\n');
    };
    GcloudSshCommand gcloud;
    QString ignored;
    if (!ssh.gcloudCommand.isEmpty() &&
        GcloudSshCommand::parse(ssh.gcloudCommand, &gcloud, &ignored)) {
        // Through Google's IAP tunnel: ssh talks to gcloud's stdin/stdout, not to an address.
        line(QStringLiteral("ansible_host"), yamlString(gcloud.instance));
        const QString user = ssh.user.isEmpty() ? gcloud.user : ssh.user;
        if (!user.isEmpty())
            line(QStringLiteral("ansible_user"), yamlString(user));
        QString key = ssh.identityFile;
        if (key.isEmpty())
            key = gcloud.sshKeyFile.isEmpty() ? QStringLiteral("~/.ssh/google_compute_engine")
                                              : gcloud.sshKeyFile;
        line(QStringLiteral("ansible_ssh_private_key_file"), yamlString(key));
        line(QStringLiteral("ansible_ssh_common_args"),
             yamlString(sshOption(QStringLiteral("ProxyCommand=") + gcloud.iapProxyCommand())));
        return s;
    }
    line(QStringLiteral("ansible_host"),
         yamlString(ssh.host.isEmpty() ? QStringLiteral("VM_ADDRESS") : ssh.host));
    line(QStringLiteral("ansible_port"), QString::number(ssh.port));
    if (!ssh.user.isEmpty())
        line(QStringLiteral("ansible_user"), yamlString(ssh.user));
    if (!ssh.identityFile.isEmpty())
        line(QStringLiteral("ansible_ssh_private_key_file"), yamlString(ssh.identityFile));
    return s;
}

} // namespace

QString hostName(const QString &suggestion, const QStringList &taken)
{
    QString name;
    for (const QChar c : suggestion) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           c == QLatin1Char('-') || c == QLatin1Char('_');
        name += plain ? c : QLatin1Char('-');
    }
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("runner-vm");
    QString unique = name;
    for (int n = 2; taken.contains(unique, Qt::CaseInsensitive); ++n)
        unique = name + QLatin1Char('-') + QString::number(n);
    return unique;
}

QString poolFilePath(const QString &hostName)
{
    return QStringLiteral("pools/") + hostName + QStringLiteral(".yaml");
}

QByteArray inventory(const QList<Host> &hosts)
{
    QString s = QStringLiteral("---\n"
                               "# Generated by gitspaces-setup export-ansible: one host per setup "
                               "config. Its settings are in\n"
                               "# host_vars/NAME.yml, its pool file in pools/NAME.yaml.\n"
                               "all:\n"
                               "  children:\n"
                               "    gitspaces_runners:\n"
                               "      hosts:\n");
    for (const Host &host : hosts)
        s += inventoryHost(host);
    return s.toUtf8();
}

QByteArray hostVariables(const Host &host)
{
    const SetupConfig &config = host.plan.config();
    const Privileges &privileges = host.plan.privileges();
    QString s = QStringLiteral("---\n# ") + host.name;
    if (!host.source.isEmpty())
        s += QStringLiteral(", from ") + commentText(host.source);
    s += QStringLiteral(
        ".\n"
        "# sudo (become) per kind of action, as gitspaces-setup decides it: docker commands, the "
        "runner\n# directory and its files, installing packages.\n");
    const auto line = [&s](const char *key, const QString &value) {
        s += QLatin1String(key) + QStringLiteral(": ") + value + QLatin1Char('\n');
    };
    line("gitspaces_become_docker", yamlBool(privileges.docker));
    line("gitspaces_become_files", yamlBool(privileges.files));
    line("gitspaces_become_system", yamlBool(privileges.system));
    line("gitspaces_runner_directory", yamlString(config.runner.directory));
    line("gitspaces_runner_image", yamlString(config.runner.image));
    s += QStringLiteral("# The service-account key on this computer (empty: none); copied to the "
                        "runner directory.\n");
    line("gitspaces_key_file", yamlString(host.plan.remoteKeyPath().isEmpty()
                                              ? QString()
                                              : expandHome(config.runner.serviceAccountKey)));
    line("gitspaces_delegate_name", yamlString(config.delegate.name));
    line("gitspaces_account_id", yamlString(config.delegate.accountId));
    line("gitspaces_delegate_tags", yamlList(config.delegate.tags));
    line("gitspaces_manager", yamlString(config.delegate.manager));
    line("gitspaces_delegate_image", yamlString(config.delegate.image));
    line("gitspaces_delegate_cpus", yamlString(config.delegate.cpus));
    line("gitspaces_delegate_memory", yamlString(config.delegate.memory));
    return s.toUtf8();
}

QList<File> files(const QList<Host> &hosts)
{
    QList<File> out;
    out << File{QStringLiteral("README.md"), readme(hosts)};
    out << File{QStringLiteral("ansible.cfg"), ansibleConfig()};
    out << File{QStringLiteral(".ansible-lint"), lintConfig()};
    out << File{QStringLiteral("inventory.yml"), inventory(hosts)};
    out << File{QStringLiteral("site.yml"), playbook()};
    for (const Host &host : hosts) {
        out << File{QStringLiteral("host_vars/") + host.name + QStringLiteral(".yml"),
                    hostVariables(host)};
        // The bytes the engine uploads: json_path already points at the key in the container.
        QByteArray pool;
        for (const PlannedCommand &command : host.plan.runner().commands)
            if (command.id == QLatin1String("runner.pool"))
                pool = command.stdinContent;
        out << File{poolFilePath(host.name), pool};
    }
    return out;
}

bool write(const QList<File> &files, const QString &directory, QString *error)
{
    const QDir root(directory);
    for (const File &file : files) {
        const QString path = root.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = tr("Cannot create the folder %1").arg(QFileInfo(path).path());
            return false;
        }
        // The pool files name the cloud project and VM settings: for the admin's eyes only.
        std::optional<QFileDevice::Permissions> permissions;
        if (file.path.startsWith(QLatin1String("pools/")))
            permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QString why;
        if (!writeFileAtomically(path, file.content, &why, permissions)) {
            *error = tr("Cannot write %1: %2").arg(path, why);
            return false;
        }
    }
    return true;
}

} // namespace gs::AnsibleExport
