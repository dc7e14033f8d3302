#include "HostInfo.h"

#include <QStringList>

namespace gs::remote {

QString HostInfo::command()
{
    return QStringLiteral(
        "uname -srm; echo @@; hostname; echo @@; cat /etc/os-release 2>/dev/null");
}

HostInfo HostInfo::parse(const QByteArray &output)
{
    HostInfo info;
    const QStringList parts = QString::fromUtf8(output).split(QStringLiteral("@@\n"));
    if (parts.size() < 3)
        return info;
    const QStringList uname = parts.at(0).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (uname.size() >= 3) {
        info.arch = uname.last();
        info.kernel = uname.mid(0, uname.size() - 1).join(QLatin1Char(' '));
    }
    info.hostname = parts.at(1).trimmed();
    for (const QString &line : parts.at(2).split(QLatin1Char('\n'))) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 &&
            (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
            value = value.mid(1, value.size() - 2);
        if (key == QLatin1String("PRETTY_NAME"))
            info.osName = value;
        else if (key == QLatin1String("ID"))
            info.osId = value;
        else if (key == QLatin1String("VERSION_ID"))
            info.osVersion = value;
    }
    return info;
}

QString HostInfo::dockerArch() const
{
    if (arch == QLatin1String("x86_64") || arch == QLatin1String("amd64"))
        return QStringLiteral("amd64");
    if (arch == QLatin1String("aarch64") || arch == QLatin1String("arm64"))
        return QStringLiteral("arm64");
    return {};
}

} // namespace gs::remote
