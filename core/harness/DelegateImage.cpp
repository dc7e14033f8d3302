#include "DelegateImage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gs::harness::DelegateImage {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("gs::harness::DelegateImage", text, nullptr, n);
}

struct Version
{
    int year = 0;
    int month = 0;
    qint64 build = 0;
};

bool parse(const QString &tag, Version *version)
{
    // "26.02.88404", also "26.02.88404.minimal".
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{2})\\.(\\d{2})\\.(\\d+)(?:\\.[A-Za-z0-9_-]+)?$"));
    const QRegularExpressionMatch match = pattern.match(tag);
    if (!match.hasMatch())
        return false;
    version->year = match.captured(1).toInt();
    version->month = match.captured(2).toInt();
    version->build = match.captured(3).toLongLong();
    return version->month >= 1 && version->month <= 12;
}

// Index of the ':' that starts the tag, or -1 (a ':' before the last '/' is a registry port).
qsizetype tagColon(const QString &reference)
{
    const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
    return colon > reference.lastIndexOf(QLatin1Char('/')) ? colon : -1;
}

QString withoutDigest(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    return at < 0 ? image.trimmed() : image.left(at).trimmed();
}

} // namespace

QString tagOf(const QString &image)
{
    const QString reference = withoutDigest(image);
    const qsizetype colon = tagColon(reference);
    return colon < 0 ? QString() : reference.mid(colon + 1);
}

QString withTag(const QString &image, const QString &tag)
{
    const QString reference = withoutDigest(image);
    const qsizetype colon = tagColon(reference);
    return (colon < 0 ? reference : reference.left(colon)) + QLatin1Char(':') + tag;
}

ImageTagCheck check(const QString &image, const QString &latestVersion)
{
    ImageTagCheck result;
    result.tag = tagOf(image);
    Version current;
    Version latest;
    if (!parse(latestVersion, &latest))
        return result; // nothing to compare with; no message either
    if (!parse(result.tag, &current)) {
        result.message = result.tag.isEmpty()
                             ? tr("The image has no tag, so its age is unknown; the latest "
                                  "supported delegate version is %1.")
                                   .arg(latestVersion)
                             : tr("The image tag \"%1\" is not a yy.mm.build version, so its age "
                                  "is unknown; the latest supported delegate version is %2.")
                                   .arg(result.tag, latestVersion);
        return result;
    }
    result.monthsBehind = (latest.year * 12 + latest.month) - (current.year * 12 + current.month);
    const bool olderBuild =
        result.monthsBehind > 0 || (result.monthsBehind == 0 && current.build < latest.build);
    if (!olderBuild) {
        result.verdict = ImageTagCheck::Verdict::Current;
        return result;
    }
    if (result.monthsBehind >= 6) {
        result.verdict = ImageTagCheck::Verdict::Expired;
        result.message = tr("The image tag %1 is %n month(s) older than the latest supported "
                            "version %2: delegates expire after 6 months, so it will not stay "
                            "connected. Use %2.",
                            result.monthsBehind)
                             .arg(result.tag, latestVersion);
    } else if (result.monthsBehind >= 3) {
        result.verdict = ImageTagCheck::Verdict::Unsupported;
        result.message = tr("The image tag %1 is %n month(s) older than the latest supported "
                            "version %2; Harness accepts versions up to about 3 months older. "
                            "Use %2.",
                            result.monthsBehind)
                             .arg(result.tag, latestVersion);
    } else {
        result.verdict = ImageTagCheck::Verdict::Older;
        result.message = tr("The image tag %1 is older than the latest supported version %2; "
                            "it is still accepted, but %2 is better.")
                             .arg(result.tag, latestVersion);
    }
    return result;
}

} // namespace gs::harness::DelegateImage
