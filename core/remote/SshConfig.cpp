#include "SshConfig.h"

#include "SshPattern.h"
#include "util/LocalPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace gs::remote {

namespace {

bool hostMatches(const QStringList &patterns, const QString &host)
{
    if (patterns.isEmpty())
        return true; // before the first Host line: applies to all
    if (patterns == QStringList{QStringLiteral("!")})
        return false; // a Match block: not evaluated
    bool matched = false;
    for (const QString &p : patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (sshPatternMatches(p.mid(1), host))
                return false;
        } else if (sshPatternMatches(p, host)) {
            matched = true;
        }
    }
    return matched;
}

// Splits "a b 'c d'" into words, honouring double and single quotes as ssh_config does.
QStringList splitArgs(const QString &text)
{
    QStringList out;
    QString cur;
    QChar quote;
    bool inWord = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                cur += c;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                out << cur;
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (inWord)
        out << cur;
    return out;
}

QString unquote(const QString &value)
{
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace

QString SshConfig::defaultPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

bool SshConfig::load(const QString &path, QString *error)
{
    m_blocks.clear();
    m_blocks.append(Block{});
    m_filesRead = 0;
    return loadFile(path, 0, error);
}

bool SshConfig::loadFile(const QString &path, int depth, QString *error)
{
    // As OpenSSH, 16 levels of Include at most; and 256 files in all, or a file that includes
    // itself twice would be read 2^16 times.
    if (depth > 16 || m_filesRead >= 256)
        return true;
    ++m_filesRead;
    QFile file(path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("gs::remote::SshConfig", "Cannot read %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    static const QRegularExpression split(
        QStringLiteral("^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)$"));
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto m = split.match(line);
        if (!m.hasMatch())
            continue;
        const QString keyword = m.captured(1).toLower();
        const QString value = m.captured(2).trimmed();
        if (keyword == QLatin1String("host")) {
            m_blocks.append(Block{splitArgs(value), {}});
        } else if (keyword == QLatin1String("match")) {
            m_blocks.append(Block{{QStringLiteral("!")}, {}});
        } else if (keyword == QLatin1String("include")) {
            for (const QString &pattern : splitArgs(value)) {
                QString p = expandHome(pattern);
                if (QFileInfo(p).isRelative())
                    p = QDir::homePath() + QStringLiteral("/.ssh/") + p;
                const QFileInfo fi(p);
                const QStringList names =
                    fi.dir().entryList({fi.fileName()}, QDir::Files, QDir::Name);
                // An Include inside a Host block belongs to that block: keep the block open.
                const QStringList patterns = m_blocks.last().patterns;
                for (const QString &n : names) {
                    if (!loadFile(fi.dir().filePath(n), depth + 1, error))
                        return false;
                }
                if (m_blocks.last().patterns != patterns)
                    m_blocks.append(Block{patterns, {}});
            }
        } else {
            m_blocks.last().lines.append({keyword, value});
        }
    }
    return true;
}

QStringList SshConfig::hostAliases() const
{
    QStringList out;
    for (const Block &b : m_blocks) {
        for (const QString &p : b.patterns) {
            // An empty name (`Host ""`, or an unclosed quote) is nothing to connect to.
            if (p.isEmpty() || p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) ||
                p.startsWith(QLatin1Char('!')) || out.contains(p))
                continue;
            out << p;
        }
    }
    return out;
}

SshConfig::HostConfig SshConfig::resolve(const QString &host) const
{
    HostConfig out;
    bool haveHostName = false, haveUser = false, havePort = false, haveProxy = false,
         haveJump = false, haveKnown = false;
    for (const Block &b : m_blocks) {
        if (!hostMatches(b.patterns, host))
            continue;
        for (const Line &l : b.lines) {
            const QString v = unquote(l.value);
            if (l.keyword == QLatin1String("hostname") && !haveHostName) {
                haveHostName = true;
                out.hostName = v;
            } else if (l.keyword == QLatin1String("user") && !haveUser) {
                haveUser = true;
                out.user = v;
            } else if (l.keyword == QLatin1String("port") && !havePort) {
                havePort = true;
                out.port = v.toInt();
            } else if (l.keyword == QLatin1String("identityfile")) {
                out.identityFiles << expandHome(v);
            } else if (l.keyword == QLatin1String("proxycommand") && !haveProxy) {
                haveProxy = true;
                out.proxyCommand = l.value == QLatin1String("none") ? QString() : l.value;
            } else if (l.keyword == QLatin1String("proxyjump") && !haveJump) {
                haveJump = true;
                out.proxyJump = v == QLatin1String("none") ? QString() : v;
            } else if (l.keyword == QLatin1String("userknownhostsfile") && !haveKnown) {
                haveKnown = true;
                out.userKnownHostsFile = expandHome(splitArgs(l.value).value(0));
            }
        }
    }
    // %h in HostName is the name that was asked for.
    out.hostName.replace(QLatin1String("%h"), host);
    for (QString &f : out.identityFiles) {
        f.replace(QLatin1String("%d"), QDir::homePath());
        f.replace(QLatin1String("%h"), out.hostName.isEmpty() ? host : out.hostName);
    }
    return out;
}

} // namespace gs::remote
