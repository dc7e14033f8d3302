#include "HostProbe.h"

#include "StepContext.h"
#include "plan/ShellQuote.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace gs::steps::HostProbe {

QString script(const StepContext &context)
{
    const QString runnerDir = shellQuote(context.config().runner.directory);
    const QString version = QStringLiteral("docker version --format '{{.Server.Version}}'");
    // Plain POSIX sh: the login shell may be dash. Every value is one "@@key=value" line.
    QStringList lines = {
        QStringLiteral("echo \"@@os=$(uname -s)\""),
        QStringLiteral("echo \"@@arch=$(uname -m)\""),
        QStringLiteral("echo \"@@hostname=$(uname -n)\""),
        QStringLiteral("echo \"@@user=$(id -un)\""),
        QStringLiteral("echo \"@@uid=$(id -u)\""),
        QStringLiteral("echo \"@@groups=$(id -nG)\""),
        QStringLiteral("sed -n 's/^ID=/@@distro=/p; s/^PRETTY_NAME=/@@distro_name=/p' "
                       "/etc/os-release 2>/dev/null | tr -d '\"'"),
        QStringLiteral("echo \"@@group_docker=$(getent group docker 2>/dev/null | cut -d: -f4)\""),
        QStringLiteral("command -v docker >/dev/null 2>&1 && echo @@docker_client=1"),
        QStringLiteral("command -v sudo >/dev/null 2>&1 && echo @@sudo=1"),
        QStringLiteral("command -v curl >/dev/null 2>&1 && echo @@curl=1"),
        QStringLiteral("v=$(%1 2>&1); echo \"@@docker_rc=$?\"; "
                       "echo \"@@docker_out=$(echo \"$v\" | tr '\\n' ' ')\"")
            .arg(version),
        QStringLiteral("if [ \"$(id -u)\" != 0 ] && command -v sudo >/dev/null 2>&1; then "
                       "sudo -n true 2>/dev/null && echo @@sudo_n=1; "
                       "v=$(sudo -n %1 2>&1); echo \"@@sudo_docker_rc=$?\"; "
                       "echo \"@@sudo_docker_out=$(echo \"$v\" | tr '\\n' ' ')\"; fi")
            .arg(version),
        QStringLiteral("d=/var/lib/docker; while [ ! -e \"$d\" ]; do d=$(dirname \"$d\"); done; "
                       "echo \"@@disk_docker=$(df -Pk \"$d\" 2>/dev/null | tail -n 1)\""),
        QStringLiteral("d=%1; while [ ! -e \"$d\" ]; do d=$(dirname \"$d\"); done; "
                       "echo \"@@disk_runner=$(df -Pk \"$d\" 2>/dev/null | tail -n 1)\"")
            .arg(runnerDir),
        // Written with sudo unless the user can create the directory, or write it and every
        // file in it (a pool.yaml an earlier run wrote with sudo is root's).
        QStringLiteral("[ -d %1 ] && echo @@runner_dir=1").arg(runnerDir),
        CommandBuilder::runnerDirectoryWritableTest(context.config().runner.directory) +
            QStringLiteral(" && echo @@runner_dir_writable=1"),
        QStringLiteral(
            "sed -n 's/^MemTotal: */@@mem_total=/p; s/^MemAvailable: */@@mem_available=/p' "
            "/proc/meminfo"),
        QStringLiteral("cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | grep -i ':0BB8 ' | "
                       "sed 's/^/@@tcp=/'"),
        // Tools for the runner's health check through its published port.
        QStringLiteral("command -v wget >/dev/null 2>&1 && echo @@wget=1"),
        QStringLiteral("command -v bash >/dev/null 2>&1 && echo @@bash=1"),
        QStringLiteral("true"),
    };
    return lines.join(QLatin1Char('\n'));
}

static qint64 dfAvailableKb(const QString &dfLine)
{
    // "Filesystem 1024-blocks Used Available Capacity Mounted-on"
    const QStringList fields = dfLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() < 4)
        return -1;
    bool ok = false;
    const qint64 value = fields.at(3).toLongLong(&ok);
    return ok ? value : -1;
}

static qint64 kbValue(const QString &text)
{
    bool ok = false;
    const qint64 value = text.section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    return ok ? value : -1;
}

bool parse(const QByteArray &output, HostFacts *facts)
{
    QHash<QString, QString> v;
    QStringList tcp;
    for (const QByteArray &raw : output.split('\n')) {
        if (!raw.startsWith("@@"))
            continue;
        const int eq = raw.indexOf('=');
        if (eq < 0)
            continue;
        const QString key = QString::fromUtf8(raw.mid(2, eq - 2));
        const QString value = QString::fromUtf8(raw.mid(eq + 1)).trimmed();
        if (key == QLatin1String("tcp"))
            tcp << value;
        else if (!v.contains(key))
            v.insert(key, value);
    }
    bool uidShown = false;
    v.value(QStringLiteral("uid")).toUInt(&uidShown);
    if (!uidShown)
        return false;
    facts->os = v.value(QStringLiteral("os"));
    facts->arch = v.value(QStringLiteral("arch"));
    facts->hostname = v.value(QStringLiteral("hostname"));
    facts->user = v.value(QStringLiteral("user"));
    facts->root = v.value(QStringLiteral("uid")) == QLatin1String("0");
    facts->distroId = v.value(QStringLiteral("distro"));
    facts->distroName = v.value(QStringLiteral("distro_name"));
    facts->dockerClient = v.contains(QStringLiteral("docker_client"));
    facts->sudoInstalled = v.contains(QStringLiteral("sudo"));
    facts->hasCurl = v.contains(QStringLiteral("curl"));
    facts->sudoNoPassword = v.contains(QStringLiteral("sudo_n"));
    facts->sudoPasswordAccepted = false;
    facts->runnerDirExists = v.contains(QStringLiteral("runner_dir"));
    facts->runnerDirWritable = v.contains(QStringLiteral("runner_dir_writable"));
    const QStringList groups = v.value(QStringLiteral("groups")).split(QLatin1Char(' '));
    facts->inDockerGroupSession = groups.contains(QStringLiteral("docker"));
    const QStringList members =
        v.value(QStringLiteral("group_docker")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    facts->inDockerGroupFile = members.contains(facts->user);
    facts->dockerDiskFreeKb = dfAvailableKb(v.value(QStringLiteral("disk_docker")));
    facts->runnerDiskFreeKb = dfAvailableKb(v.value(QStringLiteral("disk_runner")));
    facts->memTotalKb = kbValue(v.value(QStringLiteral("mem_total")));
    facts->memAvailableKb = kbValue(v.value(QStringLiteral("mem_available")));

    facts->port3000Listening = false;
    for (const QString &line : tcp) {
        // "sl local_address rem_address st …": 0A is LISTEN.
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() > 3 &&
            fields.at(1).endsWith(QLatin1String(":0BB8"), Qt::CaseInsensitive) &&
            fields.at(3) == QLatin1String("0A"))
            facts->port3000Listening = true;
    }

    // Which way to Docker works; the raw results stay for decideAccess().
    const bool direct = v.value(QStringLiteral("docker_rc")) == QLatin1String("0");
    const bool viaSudo = v.value(QStringLiteral("sudo_docker_rc")) == QLatin1String("0");
    facts->dockerDaemon = direct || viaSudo;
    facts->dockerVersion = direct
                               ? v.value(QStringLiteral("docker_out"))
                               : (viaSudo ? v.value(QStringLiteral("sudo_docker_out")) : QString());
    facts->access = DockerAccess::Unknown;
    if (direct)
        facts->access = DockerAccess::Direct;
    else if (viaSudo || v.contains(QStringLiteral("sudo_n")))
        facts->access = DockerAccess::SudoNoPassword;
    // Remember whether Docker refused us for permissions (group) rather than being absent.
    const QString out = v.value(QStringLiteral("docker_out"));
    if (facts->access == DockerAccess::Unknown && facts->root)
        facts->access = DockerAccess::Direct; // root needs no sudo, Docker may just be missing
    if (facts->access == DockerAccess::Unknown &&
        out.contains(QLatin1String("permission denied"), Qt::CaseInsensitive))
        facts->access = DockerAccess::None;

    facts->hasWget = v.contains(QStringLiteral("wget"));
    facts->hasBash = v.contains(QStringLiteral("bash"));
    return true;
}

void decideAccess(HostFacts *facts)
{
    if (facts->access == DockerAccess::Direct || facts->access == DockerAccess::SudoNoPassword)
        return;
    // The docker group reaches the daemon directly, but only in a session that started after
    // the user joined it.
    if (facts->inDockerGroupFile && !facts->inDockerGroupSession) {
        facts->access = DockerAccess::GroupPending;
        return;
    }
    if (facts->access == DockerAccess::Unknown && facts->inDockerGroupSession) {
        // In the group, Docker just not running or not installed yet: the group will do.
        facts->access = DockerAccess::Direct;
        return;
    }
    facts->access = DockerAccess::None;
}

bool sudoUsable(const HostFacts &facts)
{
    return facts.root || facts.sudoNoPassword || facts.sudoPasswordAccepted;
}

bool filesNeedSudo(const HostFacts &facts)
{
    return !facts.root && !facts.runnerDirWritable;
}

bool sudoPasswordWanted(const HostFacts &facts)
{
    return !facts.root && facts.sudoInstalled && !facts.sudoNoPassword &&
           (facts.access == DockerAccess::None || filesNeedSudo(facts));
}

QString runnerDirectoryProblem(const HostFacts &facts, const QString &directory,
                               bool sudoPasswordGiven)
{
    if (!filesNeedSudo(facts) || sudoUsable(facts))
        return {};
    const QString makeOnce = QStringLiteral("sudo install -d -o %1 %2")
                                 .arg(shellQuote(facts.user), shellQuote(directory));
    const QString what =
        facts.runnerDirExists
            ? QCoreApplication::translate("HostProbe", "%1 cannot write the runner directory %2")
            : QCoreApplication::translate("HostProbe", "%1 cannot create the runner directory %2");
    if (facts.sudoInstalled && !sudoPasswordGiven)
        return what.arg(facts.user, directory) + QLatin1Char(' ') +
               QCoreApplication::translate(
                   "HostProbe",
                   "and sudo asks for a password. Nothing was changed. Enter the sudo password "
                   "and run again. If %1 may not use sudo, have the directory made for %1 once "
                   "by someone who can: %2, or connect as a user who can use sudo.")
                   .arg(facts.user, makeOnce);
    return what.arg(facts.user, directory) + QLatin1Char(' ') +
           QCoreApplication::translate(
               "HostProbe",
               "and cannot use sudo. Nothing was changed. Either have the directory made for %1 "
               "once by someone who can use sudo: %2, or connect as a user who can use sudo.")
               .arg(facts.user, makeOnce);
}

QString sudoPasswordScript()
{
    return QStringLiteral("sudo -k; sudo -S -p '' true");
}

QByteArray sudoPasswordStdin(const StepContext &context)
{
    // wireStdin() adds the password only once access is known; this check decides that.
    return context.sudoPasswordLine();
}

qint64 memoryToKb(const QString &value)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([bkmgt]?)b?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(value);
    if (!m.hasMatch())
        return -1;
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double kb = number / 1024.0; // bytes
    if (unit == QLatin1String("k"))
        kb = number;
    else if (unit == QLatin1String("m"))
        kb = number * 1024.0;
    else if (unit == QLatin1String("g"))
        kb = number * 1024.0 * 1024.0;
    else if (unit == QLatin1String("t"))
        kb = number * 1024.0 * 1024.0 * 1024.0;
    // Beyond any machine: converting it to qint64 would overflow (and callers multiply by 1024).
    if (!(kb < 9007199254740992.0)) // 2^53
        return -1;
    return qint64(kb);
}

} // namespace gs::steps::HostProbe
