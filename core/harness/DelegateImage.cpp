#include "DelegateImage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace gs::harness::DelegateImage {

namespace {

// tr(text, "", n) as QObject::tr takes it, so lupdate files the message with plural forms.
QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("gs::harness::DelegateImage", text, comment, n);
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
    result.warning = result.monthsBehind >= 3;
    if (result.monthsBehind >= 6) {
        result.verdict = ImageTagCheck::Verdict::Expired;
        result.message = tr("The image tag %1 is %n month(s) older than the latest supported "
                            "version %2: delegates expire after 6 months, so it will not stay "
                            "connected. Use %2.",
                            "", result.monthsBehind)
                             .arg(result.tag, latestVersion);
    } else if (result.monthsBehind >= 3) {
        result.verdict = ImageTagCheck::Verdict::Unsupported;
        result.message = tr("The image tag %1 is %n month(s) older than the latest supported "
                            "version %2; Harness accepts versions up to about 3 months older. "
                            "Use %2.",
                            "", result.monthsBehind)
                             .arg(result.tag, latestVersion);
    } else {
        result.verdict = ImageTagCheck::Verdict::Older;
        result.message = tr("The image tag %1 is older than the latest supported version %2; "
                            "it is still accepted, but %2 is better.")
                             .arg(result.tag, latestVersion);
    }
    return result;
}

ImageTagCheck checkAge(const QString &image, const QDate &today)
{
    ImageTagCheck result;
    result.tag = tagOf(image);
    // Where the admin gets a current tag: every message ends with it.
    const QString where =
        tr("Copy the current image from the delegate install command in the Harness UI (Account "
           "Settings → Account Resources → Delegates → New Delegate → Docker), or give a Harness "
           "API key to have the current version proposed.");
    Version version;
    if (!parse(result.tag, &version)) {
        const bool digest = image.contains(QLatin1Char('@'));
        if (result.tag.isEmpty() && digest) {
            result.message = tr("The delegate image is pinned by digest, so its age cannot be "
                                "told from its name. Harness delegates expire six months after "
                                "their release: make sure this one is recent. %1")
                                 .arg(where);
        } else if (result.tag.isEmpty() || result.tag == QLatin1String("latest")) {
            result.warning = true;
            result.message =
                (result.tag.isEmpty()
                     ? tr("The delegate image has no tag, so Docker pulls \"latest\": Harness's "
                          "legacy, deprecated delegate, whose age cannot be told. Use a "
                          "yy.mm.build tag. %1")
                     : tr("The delegate image tag \"latest\" is Harness's legacy, deprecated "
                          "delegate, whose age cannot be told. Use a yy.mm.build tag. %1"))
                    .arg(where);
        } else {
            result.message = tr("The delegate image tag \"%1\" is not a yy.mm.build version, so "
                                "its age cannot be told. Harness delegates expire six months "
                                "after their release: make sure this one is recent. %2")
                                 .arg(result.tag, where);
        }
        return result;
    }
    const QDate released(2000 + version.year, version.month, 1);
    result.monthsOld =
        (today.year() * 12 + today.month()) - (released.year() * 12 + released.month());
    // A tag names its month, not its day: count from the month's start, so the warning comes
    // early rather than late.
    if (result.monthsOld < 5) {
        result.verdict = ImageTagCheck::Verdict::Current; // also a tag "from the future"
        return result;
    }
    const QString from = QLocale().toString(released, QStringLiteral("MMMM yyyy"));
    const QString expiry = QLocale().toString(released.addMonths(6), QStringLiteral("MMMM yyyy"));
    result.warning = true;
    // "%n months": always five or more here, so the English source needs no "(s)"; a
    // translation can still give its plural forms.
    if (result.monthsOld >= 6) {
        result.verdict = ImageTagCheck::Verdict::Expired;
        result.message = tr("The delegate image tag %1 is from %2, %n months ago. Harness "
                            "delegates expire six months after their release, so this one "
                            "expired around %3: the delegate will not stay connected. %4",
                            "", result.monthsOld)
                             .arg(result.tag, from, expiry, where);
    } else {
        result.verdict = ImageTagCheck::Verdict::Expiring;
        result.message = tr("The delegate image tag %1 is from %2, %n months ago. Harness "
                            "delegates expire six months after their release, so this one "
                            "expires around %3. %4",
                            "", result.monthsOld)
                             .arg(result.tag, from, expiry, where);
    }
    return result;
}

ImageTagCheck assess(const QString &image, const QString &latestVersion, const QDate &today)
{
    Version latest;
    return parse(latestVersion, &latest) ? check(image, latestVersion) : checkAge(image, today);
}

} // namespace gs::harness::DelegateImage
