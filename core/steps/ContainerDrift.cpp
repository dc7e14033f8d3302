#include "ContainerDrift.h"

#include "util/Secret.h"

#include "HostProbe.h"
#include "plan/CommandBuilder.h"
#include "plan/ShellQuote.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gs::steps::ContainerDrift {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::steps::ContainerDrift", text);
}

// `docker run` options that take a value as the next word (the ones the plan writes, and the
// usual others, so an unknown one does not shift the image).
bool takesValue(const QString &option)
{
    static const QStringList options = {
        QStringLiteral("--name"),     QStringLiteral("--restart"), QStringLiteral("--network"),
        QStringLiteral("--hostname"), QStringLiteral("-v"),        QStringLiteral("--volume"),
        QStringLiteral("-p"),         QStringLiteral("--publish"), QStringLiteral("--platform"),
        QStringLiteral("-e"),         QStringLiteral("--env"),     QStringLiteral("--env-file"),
        QStringLiteral("--label"),    QStringLiteral("-l"),        QStringLiteral("--cpus"),
        QStringLiteral("--memory"),   QStringLiteral("-m"),        QStringLiteral("--entrypoint"),
        QStringLiteral("--user"),     QStringLiteral("-u"),        QStringLiteral("--workdir"),
        QStringLiteral("-w")};
    return options.contains(option);
}

// "--cpus=1" → {"--cpus", "1"}; "-d" → {"-d", ""}.
std::pair<QString, QString> splitOption(const QString &word)
{
    const qsizetype eq = word.indexOf(QLatin1Char('='));
    if (word.startsWith(QLatin1String("--")) && eq > 0)
        return {word.left(eq), word.mid(eq + 1)};
    return {word, QString()};
}

QString nanoCpus(const QString &cpus)
{
    bool ok = false;
    const double value = cpus.toDouble(&ok);
    return ok ? QString::number(qint64(value * 1e9 + 0.5)) : QString();
}

QString memoryBytes(const QString &memory)
{
    const qint64 kb = HostProbe::memoryToKb(memory);
    return kb < 0 ? QString() : QString::number(kb * 1024);
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out << item.toString();
    return out;
}

} // namespace

Wanted fromRunCommand(const QString &script)
{
    Wanted wanted;
    QStringList words;
    if (!shellSplit(script, &words))
        return wanted;
    // Past any sudo (or the script's $SUDO_DOCKER) to `docker run`.
    const qsizetype run = words.indexOf(QStringLiteral("run"));
    if (run < 1 || words.at(run - 1) != QLatin1String("docker"))
        return wanted;
    qsizetype i = run + 1;
    for (; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!word.startsWith(QLatin1Char('-')))
            break;
        auto [option, value] = splitOption(word);
        if (value.isEmpty() && takesValue(option) && i + 1 < words.size())
            value = words.at(++i);
        if (option == QLatin1String("--hostname"))
            wanted.hostname = value;
        else if (option == QLatin1String("--network"))
            wanted.network = value;
        else if (option == QLatin1String("--restart"))
            wanted.restart = value;
        else if (option == QLatin1String("-p") || option == QLatin1String("--publish"))
            wanted.ports << value;
        else if (option == QLatin1String("-v") || option == QLatin1String("--volume"))
            wanted.binds << value;
        else if (option == QLatin1String("-e") || option == QLatin1String("--env"))
            wanted.env << value;
        else if (option == QLatin1String("--cpus"))
            wanted.cpus = value;
        else if (option == QLatin1String("--memory") || option == QLatin1String("-m"))
            wanted.memory = value;
        else if (option == QLatin1String("--env-file") && value == QLatin1String("/dev/stdin"))
            wanted.tokenOnStdin = true;
    }
    if (i < words.size()) {
        wanted.image = words.at(i);
        wanted.command = words.mid(i + 1);
    }
    return wanted;
}

QString inspectScript(const CommandBuilder &builder, const QString &container, const QString &key,
                      bool withTokenHash)
{
    // Of the environment everything but the token; the token only as a hash, made on the VM.
    static const char *const format =
        "{\"Image\":{{json .Config.Image}},\"Hostname\":{{json .Config.Hostname}},"
        "\"Network\":{{json .HostConfig.NetworkMode}},"
        "\"Restart\":{{json .HostConfig.RestartPolicy.Name}},"
        "\"Ports\":{{json .HostConfig.PortBindings}},\"Binds\":{{json .HostConfig.Binds}},"
        "\"Cmd\":{{json .Config.Cmd}},\"NanoCpus\":{{json .HostConfig.NanoCpus}},"
        "\"Memory\":{{json .HostConfig.Memory}},"
        "\"Env\":[{{range .Config.Env}}{{if ne (index (split . \"=\") 0) \"DELEGATE_TOKEN\"}}"
        "{{json .}},{{end}}{{end}}\"\"]}";
    const QString name = shellQuote(container);
    QString script =
        builder.dockerCommand(QStringLiteral("docker inspect -f ") +
                              shellQuote(QString::fromLatin1(format)) + QLatin1Char(' ') + name) +
        QStringLiteral(" 2>/dev/null | sed 's/^/@@%1=/'").arg(key);
    if (withTokenHash)
        script +=
            QLatin1Char('\n') +
            builder.dockerCommand(
                QStringLiteral("docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' ") +
                name) +
            QStringLiteral(" 2>/dev/null | sed -n 's/^DELEGATE_TOKEN=//p' | tr -d '\\n' | "
                           "sha256sum | cut -c1-64 | sed 's/^/@@%1-token=/'")
                .arg(key);
    return script;
}

QStringList differences(const QString &json, const QString &tokenSha256, const Wanted &wanted,
                        const QString &token, bool compareImage)
{
    QByteArray utf8 = token.toUtf8();
    const QStringList out =
        differences(json, tokenSha256, wanted, QByteArrayView(utf8), compareImage);
    wipe(utf8);
    return out;
}

QStringList differences(const QString &json, const QString &tokenSha256, const Wanted &wanted,
                        QByteArrayView token, bool compareImage)
{
    QStringList out;
    const QJsonObject running = QJsonDocument::fromJson(json.toUtf8()).object();
    if (running.isEmpty() || wanted.image.isEmpty())
        return out;
    const auto differ = [&out](const QString &what, const QString &was, const QString &wants) {
        out << tr("%1: %2 → %3")
                   .arg(what, was.isEmpty() ? tr("(none)") : was,
                        wants.isEmpty() ? tr("(none)") : wants);
    };
    const QString image = running.value(QStringLiteral("Image")).toString();
    if (compareImage && image != wanted.image)
        differ(tr("image"), image, wanted.image);
    if (!wanted.hostname.isEmpty() &&
        running.value(QStringLiteral("Hostname")).toString() != wanted.hostname)
        differ(tr("host name"), running.value(QStringLiteral("Hostname")).toString(),
               wanted.hostname);
    if (!wanted.network.isEmpty() &&
        running.value(QStringLiteral("Network")).toString() != wanted.network)
        differ(tr("network"), running.value(QStringLiteral("Network")).toString(), wanted.network);
    if (!wanted.restart.isEmpty() &&
        running.value(QStringLiteral("Restart")).toString() != wanted.restart)
        differ(tr("restart policy"), running.value(QStringLiteral("Restart")).toString(),
               wanted.restart);

    // Ports as "host:container", from {"3000/tcp":[{"HostIp":"","HostPort":"3000"}]}.
    QStringList ports;
    const QJsonObject bindings = running.value(QStringLiteral("Ports")).toObject();
    for (auto it = bindings.begin(); it != bindings.end(); ++it)
        for (const QJsonValue &binding : it.value().toArray())
            ports << binding.toObject().value(QStringLiteral("HostPort")).toString() +
                         QLatin1Char(':') + it.key().section(QLatin1Char('/'), 0, 0);
    for (const QString &port : wanted.ports)
        if (!ports.contains(port))
            differ(tr("published port"), ports.join(QStringLiteral(", ")), port);
    const QStringList binds = strings(running.value(QStringLiteral("Binds")));
    for (const QString &bind : wanted.binds)
        if (!binds.contains(bind))
            differ(tr("mounted folder"), binds.join(QStringLiteral(", ")), bind);
    if (!wanted.command.isEmpty() &&
        strings(running.value(QStringLiteral("Cmd"))) != wanted.command)
        differ(tr("command"), strings(running.value(QStringLiteral("Cmd"))).join(QLatin1Char(' ')),
               wanted.command.join(QLatin1Char(' ')));
    if (!wanted.cpus.isEmpty()) {
        const QString now = QString::number(running.value(QStringLiteral("NanoCpus")).toInteger());
        if (now != nanoCpus(wanted.cpus))
            differ(tr("CPUs"), QString::number(now.toDouble() / 1e9), wanted.cpus);
    }
    if (!wanted.memory.isEmpty()) {
        const qint64 now = running.value(QStringLiteral("Memory")).toInteger();
        if (QString::number(now) != memoryBytes(wanted.memory))
            differ(tr("memory"),
                   now > 0 ? QStringLiteral("%1m").arg(now / (1024 * 1024)) : QString(),
                   wanted.memory);
    }

    // Environment: every variable the plan sets, with its value (others, from the image, stay).
    QHash<QString, QString> env;
    for (const QString &pair : strings(running.value(QStringLiteral("Env"))))
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    for (const QString &pair : wanted.env) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        const QString value = pair.section(QLatin1Char('='), 1);
        if (env.value(name) != value || !env.contains(name))
            differ(name, env.value(name), value);
    }
    // The token: compared by hash, named, never shown.
    if (wanted.tokenOnStdin && !token.isEmpty() && !tokenSha256.isEmpty() &&
        tokenSha256 != sha256Hex(token))
        out << tr("the delegate token differs");
    return out;
}

} // namespace gs::steps::ContainerDrift
