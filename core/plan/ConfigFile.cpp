#include "ConfigFile.h"
#include "util/AtomicFile.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

namespace gs {

namespace {

QString tr(const char *text)
{
    return translateIn({"gs::ConfigFile", "gs"}, text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// A load error that carries the node's position.
struct ConfigError
{
    YAML::Mark mark;
    QString message;
};

QString located(const QString &path, const YAML::Mark &mark, const QString &message)
{
    if (mark.is_null())
        return QStringLiteral("%1: %2").arg(path, message);
    return QStringLiteral("%1:%2:%3: %4")
        .arg(path)
        .arg(mark.line + 1)
        .arg(mark.column + 1)
        .arg(message);
}

void requireMap(const YAML::Node &node, const QString &where)
{
    if (!node.IsMap())
        throw ConfigError{node.Mark(),
                          tr("\"%1\" must be a mapping of keys to values.").arg(where)};
}

QString scalar(const YAML::Node &node, const QString &key)
{
    if (node.IsNull())
        return {};
    if (!node.IsScalar())
        throw ConfigError{node.Mark(), tr("\"%1\" must be a single value.").arg(key)};
    return qs(node.Scalar());
}

bool boolean(const YAML::Node &node, const QString &key)
{
    const QString v = scalar(node, key).toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no"))
        return false;
    throw ConfigError{node.Mark(), tr("\"%1\" must be true or false.").arg(key)};
}

int integer(const YAML::Node &node, const QString &key)
{
    bool ok = false;
    const int v = scalar(node, key).toInt(&ok);
    if (!ok)
        throw ConfigError{node.Mark(), tr("\"%1\" must be a whole number.").arg(key)};
    return v;
}

QStringList list(const YAML::Node &node, const QString &key)
{
    QStringList out;
    if (node.IsNull())
        return out;
    if (node.IsScalar()) { // "a, b" is accepted as the delegate itself accepts it
        for (const QString &part : qs(node.Scalar()).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
        return out;
    }
    if (!node.IsSequence())
        throw ConfigError{node.Mark(), tr("\"%1\" must be a list.").arg(key)};
    for (const YAML::Node &item : node)
        out << scalar(item, key);
    return out;
}

QString resolvePath(const QString &value, const QDir &base)
{
    if (value.isEmpty() || value.startsWith(QLatin1Char('~')) || QDir::isAbsolutePath(value))
        return value;
    return QDir::cleanPath(base.absoluteFilePath(value));
}

QString relativePath(const QString &value, const QDir &base)
{
    if (value.isEmpty() || !QDir::isAbsolutePath(value))
        return value;
    const QString relative = base.relativeFilePath(value);
    return relative.startsWith(QLatin1String("..")) ? value : relative;
}

// Walks one section, handing each known key to `apply` and refusing unknown ones: a typo in a
// key must not silently fall back to a default.
template<typename Apply>
void section(const YAML::Node &root, const char *name, const QStringList &known, Apply apply)
{
    const YAML::Node node = root[name];
    if (!node)
        return;
    const QString sectionName = QString::fromLatin1(name);
    requireMap(node, sectionName);
    for (const auto &entry : node) {
        const QString key = qs(entry.first.as<std::string>());
        if (!known.contains(key))
            throw ConfigError{entry.first.Mark(),
                              tr("Unknown key \"%1.%2\"; known keys are: %3.")
                                  .arg(sectionName, key, known.join(QStringLiteral(", ")))};
        apply(key, entry.second);
    }
}

void readSsh(const YAML::Node &root, const QDir &base, SetupConfig *c)
{
    section(root, "ssh",
            {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"),
             QStringLiteral("identity_file"), QStringLiteral("gcloud"), QStringLiteral("sudo")},
            [&](const QString &key, const YAML::Node &v) {
                if (key == QLatin1String("host"))
                    c->ssh.host = scalar(v, key);
                else if (key == QLatin1String("port"))
                    c->ssh.port = integer(v, key);
                else if (key == QLatin1String("user"))
                    c->ssh.user = scalar(v, key);
                else if (key == QLatin1String("identity_file"))
                    c->ssh.identityFile = resolvePath(scalar(v, key), base);
                else if (key == QLatin1String("gcloud"))
                    c->ssh.gcloudCommand = scalar(v, key);
                else
                    c->ssh.sudo = boolean(v, key);
            });
}

void readRunner(const YAML::Node &root, const QDir &base, SetupConfig *c)
{
    section(root, "runner",
            {QStringLiteral("pool_file"), QStringLiteral("service_account_key"),
             QStringLiteral("directory"), QStringLiteral("image")},
            [&](const QString &key, const YAML::Node &v) {
                if (key == QLatin1String("pool_file"))
                    c->runner.poolFile = resolvePath(scalar(v, key), base);
                else if (key == QLatin1String("service_account_key"))
                    c->runner.serviceAccountKey = resolvePath(scalar(v, key), base);
                else if (key == QLatin1String("directory"))
                    c->runner.directory = scalar(v, key);
                else
                    c->runner.image = scalar(v, key);
            });
}

} // namespace

ConfigFile::LoadResult ConfigFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {false, {}, tr("%1: cannot read the file: %2").arg(path, file.errorString())};
    if (file.size() > 1024 * 1024)
        return {false,
                {},
                tr("%1: the file is larger than 1 MiB; this is not a setup config.").arg(path)};
    return parse(file.readAll(), path);
}

ConfigFile::LoadResult ConfigFile::parse(const QByteArray &yaml, const QString &path)
{
    LoadResult result;
    const QDir base = QFileInfo(path).absoluteDir();
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull()) {
            result.error = tr("%1: the file is empty.").arg(path);
            return result;
        }
        requireMap(root, tr("the file"));
        const QStringList sections{QStringLiteral("ssh"), QStringLiteral("runner"),
                                   QStringLiteral("delegate")};
        for (const auto &entry : root) {
            const QString key = qs(entry.first.as<std::string>());
            if (!sections.contains(key))
                throw ConfigError{entry.first.Mark(),
                                  tr("Unknown section \"%1\"; the sections are ssh, runner and "
                                     "delegate.")
                                      .arg(key)};
        }
        SetupConfig &c = result.config;
        readSsh(root, base, &c);
        readRunner(root, base, &c);
        section(root, "delegate",
                {QStringLiteral("name"), QStringLiteral("account_id"), QStringLiteral("tags"),
                 QStringLiteral("manager"), QStringLiteral("image"), QStringLiteral("cpus"),
                 QStringLiteral("memory"), QStringLiteral("token")},
                [&](const QString &key, const YAML::Node &v) {
                    if (key == QLatin1String("name"))
                        c.delegate.name = scalar(v, key);
                    else if (key == QLatin1String("account_id"))
                        c.delegate.accountId = scalar(v, key);
                    else if (key == QLatin1String("tags"))
                        c.delegate.tags = list(v, key);
                    else if (key == QLatin1String("manager"))
                        c.delegate.manager = scalar(v, key);
                    else if (key == QLatin1String("image"))
                        c.delegate.image = scalar(v, key);
                    else if (key == QLatin1String("cpus"))
                        c.delegate.cpus = scalar(v, key);
                    else if (key == QLatin1String("memory"))
                        c.delegate.memory = scalar(v, key);
                    else // never echo the value: it is a secret in the wrong place
                        throw ConfigError{v.Mark(),
                                          tr("Remove \"delegate.token\": the config file never "
                                             "holds the token. Keep it in the keychain, or pass "
                                             "it in GITSPACES_DELEGATE_TOKEN or with "
                                             "--token-stdin.")};
                });
        result.ok = true;
    } catch (const ConfigError &e) {
        result.error = located(path, e.mark, e.message);
    } catch (const YAML::Exception &e) {
        result.error = located(path, e.mark, tr("YAML syntax error: %1").arg(qs(e.msg)));
    }
    if (!result.ok)
        result.config = {};
    return result;
}

QByteArray ConfigFile::serialize(const SetupConfig &c, const QString &path,
                                 const SaveOptions &options)
{
    const QDir base = QFileInfo(path).absoluteDir();
    const auto str = [](const QString &s) {
        return s.toStdString();
    };
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "ssh" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "host" << YAML::Value << str(c.ssh.host);
    out << YAML::Key << "port" << YAML::Value << c.ssh.port;
    out << YAML::Key << "user" << YAML::Value << str(c.ssh.user);
    out << YAML::Key << "identity_file" << YAML::Value
        << str(relativePath(c.ssh.identityFile, base));
    out << YAML::Key << "gcloud" << YAML::Value << str(c.ssh.gcloudCommand);
    out << YAML::Key << "sudo" << YAML::Value << c.ssh.sudo;
    out << YAML::EndMap;
    out << YAML::Key << "runner" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "pool_file" << YAML::Value << str(relativePath(c.runner.poolFile, base));
    out << YAML::Key << "service_account_key" << YAML::Value
        << str(relativePath(c.runner.serviceAccountKey, base));
    out << YAML::Key << "directory" << YAML::Value << str(c.runner.directory);
    out << YAML::Key << "image" << YAML::Value << str(c.runner.image);
    out << YAML::EndMap;
    out << YAML::Key << "delegate" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << str(c.delegate.name);
    if (options.includeAccountId)
        out << YAML::Key << "account_id" << YAML::Value << str(c.delegate.accountId);
    out << YAML::Key << "tags" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &tag : c.delegate.tags)
        out << str(tag);
    out << YAML::EndSeq;
    out << YAML::Key << "manager" << YAML::Value << str(c.delegate.manager);
    out << YAML::Key << "image" << YAML::Value << str(c.delegate.image);
    out << YAML::Key << "cpus" << YAML::Value << str(c.delegate.cpus);
    out << YAML::Key << "memory" << YAML::Value << str(c.delegate.memory);
    out << YAML::EndMap;
    out << YAML::EndMap;
    return QByteArray("# Gitspaces Host Setup answers. Holds no secret: the delegate token lives "
                      "in the keychain.\n") +
           QByteArray(out.c_str()) + '\n';
}

bool ConfigFile::save(const SetupConfig &config, const QString &path, const SaveOptions &options,
                      QString *error)
{
    QString why;
    if (!writeFileAtomically(path, serialize(config, path, options), &why)) {
        *error = tr("Cannot write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

} // namespace gs
