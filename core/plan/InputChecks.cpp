#include "InputChecks.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace gs {

namespace {

QString tr(const char *text)
{
    return translateIn({"gs::InputChecks", "gs"}, text);
}

bool matches(const QString &value, const char *pattern)
{
    static thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(
                                       QString::fromLatin1(pattern))));
    return it->match(value).hasMatch();
}

bool hasWhitespace(const QString &value)
{
    for (QChar c : value)
        if (c.isSpace())
            return true;
    return false;
}

} // namespace

namespace InputChecks {

QString delegateName(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a delegate name, for example \"gitspaces-delegate\".");
    if (name.size() > 63)
        return tr("The name is %1 characters long; use at most 63.").arg(name.size());
    if (name != name.toLower())
        return tr("Use lowercase letters only: \"%1\".").arg(name.toLower());
    if (!matches(name, "[a-z0-9-]*"))
        return tr("Use only lowercase letters, digits and \"-\" (no spaces, dots or \"_\").");
    if (!name.front().isLetter())
        return tr("The name must start with a letter.");
    if (!name.back().isLetter())
        return tr("The name must end with a letter, not a digit or \"-\".");
    return {};
}

QString accountId(const QString &id)
{
    if (id.isEmpty())
        return tr("Enter the account ID: it is the part after /account/ in any Harness URL, or "
                  "on Account Settings → Account Details.");
    if (hasWhitespace(id))
        return tr("Remove the spaces from the account ID.");
    if (!matches(id, "[A-Za-z0-9_-]*"))
        return tr("An account ID has only letters, digits, \"-\" and \"_\"; copy it again from "
                  "the Harness URL.");
    if (id.size() != 22)
        return tr("An account ID is 22 characters long; this one has %1. Copy it again from the "
                  "Harness URL.")
            .arg(id.size());
    return {};
}

QString delegateToken(const QString &token)
{
    if (token.isEmpty())
        return tr("Enter the delegate token from Account Settings → Delegates → Tokens.");
    if (hasWhitespace(token))
        return tr("Remove the spaces or line breaks from the token.");
    if (!matches(token, "[A-Za-z0-9+/=]*"))
        return tr("A delegate token is base64 text (letters, digits, \"+\", \"/\", \"=\"); copy "
                  "it again.");
    if (token.size() == 43 && !token.endsWith(QLatin1Char('=')))
        return tr("The token must end with \"=\"; it was probably cut off when copying.");
    if (token.size() != 44 || !matches(token, "[A-Za-z0-9+/]{43}="))
        return tr("A delegate token is 44 characters ending in \"=\"; this one has %1. Copy it "
                  "again.")
            .arg(token.size());
    return {};
}

QString managerUrl(const QString &url)
{
    if (url.isEmpty())
        return tr("Choose your Harness cluster, or enter the manager URL from the delegate "
                  "install command (MANAGER_HOST_AND_PORT).");
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return tr("Enter a full URL such as https://app.harness.io.");
    if (parsed.scheme() != QLatin1String("https"))
        return tr("The manager URL must start with https://.");
    if (url.endsWith(QLatin1Char('/')))
        return tr("Remove the trailing \"/\": the delegate appends /api/ itself.");
    if (parsed.path().endsWith(QLatin1String("/api")))
        return tr("Remove \"/api\" from the end: the delegate appends it itself.");
    if (parsed.hasQuery() || parsed.hasFragment())
        return tr("The manager URL has no \"?\" or \"#\" part.");
    return {};
}

QString cpus(const QString &value)
{
    bool ok = false;
    const double n = value.toDouble(&ok);
    if (!ok || !matches(value, "[0-9]+(\\.[0-9]+)?") || n <= 0)
        return tr("Enter the number of CPUs as a positive number, such as 1 or 1.5.");
    return {};
}

QString memory(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+)([bkmg]?)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(value);
    if (!m.hasMatch())
        return tr("Enter the memory limit as Docker expects it: a number with b, k, m or g, such "
                  "as 2g.");
    const QString unit = m.captured(2).toLower();
    const double factor = unit == QLatin1String("g")   ? 1024.0 * 1024 * 1024
                          : unit == QLatin1String("m") ? 1024.0 * 1024
                          : unit == QLatin1String("k") ? 1024.0
                                                       : 1.0;
    if (m.captured(1).toDouble() * factor < 6.0 * 1024 * 1024)
        return tr("Docker needs at least 6m of memory; the delegate needs about 2g.");
    return {};
}

QString imageReference(const QString &image)
{
    if (image.isEmpty())
        return tr("Enter an image reference such as registry.example.com/name:tag.");
    if (hasWhitespace(image))
        return tr("Remove the spaces from the image reference.");
    // Docker's reference grammar: [host[:port]/]path[:tag][@digest], path components lowercase.
    static const char *pattern = "(?:((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)"
                                 "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                                 "(?::[0-9]+)?)/)?"
                                 "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                                 "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                                 "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                                 "(?:@sha256:[a-f0-9]{64})?";
    if (!matches(image, pattern)) {
        if (image != image.toLower())
            return tr("Image names are lowercase (only the tag may have capitals).");
        return tr("This is not a valid image reference; expected registry/name:tag, for "
                  "example drone/drone-runner-aws:latest.");
    }
    return {};
}

QString delegateTags(const QStringList &tags)
{
    for (const QString &tag : tags) {
        const QString t = tag.trimmed();
        if (t.isEmpty())
            return tr("Remove the empty tag.");
        if (t.contains(QLatin1Char(',')))
            return tr("Tags are separated already; a tag cannot contain \",\".");
        if (!matches(t, "[A-Za-z0-9_.-]+"))
            return tr("The tag \"%1\" may use only letters, digits, \"-\", \"_\" and \".\".")
                .arg(t);
    }
    return {};
}

QString host(const QString &value)
{
    if (value.isEmpty())
        return tr("Enter the VM's address or a Host alias from ~/.ssh/config, or paste the "
                  "gcloud command.");
    if (hasWhitespace(value))
        return tr("Remove the spaces from the host.");
    if (!matches(value, "[A-Za-z0-9._:\\[\\]%-]+"))
        return tr("A host is a name or an IP address; remove characters such as ; $ or @.");
    return {};
}

QString port(int value)
{
    if (value < 1 || value > 65535)
        return tr("Enter a port between 1 and 65535 (SSH uses 22).");
    return {};
}

QString user(const QString &value)
{
    if (value.isEmpty())
        return {}; // the local user name, as ssh does
    if (!matches(value, "[A-Za-z0-9_][A-Za-z0-9_.-]*"))
        return tr("A user name has only letters, digits, \".\", \"-\" and \"_\".");
    return {};
}

QString runnerDirectory(const QString &dir)
{
    if (!dir.startsWith(QLatin1Char('/')))
        return tr("Enter an absolute path on the VM, such as /runner.");
    if (dir == QLatin1String("/"))
        return tr("Choose a directory of its own, such as /runner, not /.");
    if (!matches(dir, "/[A-Za-z0-9_./-]*"))
        return tr("Use only letters, digits, \"/\", \".\", \"-\" and \"_\" in the directory "
                  "(Docker's -v option cannot take \":\" or spaces).");
    return {};
}

} // namespace InputChecks

QList<HarnessCluster> harnessClusters()
{
    return {
        {QStringLiteral("prod1"), tr("Prod-1 (app.harness.io)"),
         QStringLiteral("https://app.harness.io")},
        {QStringLiteral("prod2"), tr("Prod-2 (app.harness.io/gratis)"),
         QStringLiteral("https://app.harness.io/gratis")},
        {QStringLiteral("prod3"), tr("Prod-3 (app3.harness.io)"),
         QStringLiteral("https://app3.harness.io")},
        {QStringLiteral("prod0"), tr("Prod-0 / Prod-4 (accounts.harness.io)"),
         QStringLiteral("https://accounts.harness.io")},
        {QStringLiteral("eu"), tr("EU (accounts.eu.harness.io)"),
         QStringLiteral("https://accounts.eu.harness.io")},
        {QStringLiteral("custom"), tr("Custom URL…"), QString()},
    };
}

HarnessCluster clusterForManagerUrl(const QString &url)
{
    const QList<HarnessCluster> all = harnessClusters();
    for (const HarnessCluster &cluster : all)
        if (!cluster.managerUrl.isEmpty() && cluster.managerUrl == url)
            return cluster;
    return all.last();
}

} // namespace gs
