#pragma once

#include <QDate>
#include <QString>

namespace gs::harness {

// How old a delegate image's tag is: against the latest supported version Harness reports
// (check()), or offline by the tag's own yy.mm against today (checkAge())
// (shared/reference/harness-delegate.md §2.2: tags are yy.mm.build; Harness accepts versions up
// to about 3 months older; delegates expire after 6 months).
struct ImageTagCheck
{
    enum class Verdict {
        Unknown,     // no tag, "latest", digest only, or not yy.mm.build: the age cannot be told
        Current,     // the latest supported version or newer; offline: under 5 months old
        Older,       // older, but within the 3 months Harness accepts
        Unsupported, // 3 to 5 months older: upgrade
        Expired,     // 6 months or more behind, or old: the delegate will not stay connected
        Expiring,    // offline: 5 months old, expires within about a month
    };
    Verdict verdict = Verdict::Unknown;
    QString tag;          // the image's tag, empty when it has none
    int monthsBehind = 0; // by yy.mm, when both tags parse (check())
    int monthsOld = 0;    // by the tag's yy.mm against today's month (checkAge())
    bool warning = false; // the admin should change the image: show message as a warning
    QString message;      // translated; empty for Current
};

namespace DelegateImage {

// The tag of an image reference: "reg:5000/a/b:tag@sha256:…" → "tag"; "" when there is none.
QString tagOf(const QString &image);
// The image with its tag replaced (or added): keeps the repository the user chose.
QString withTag(const QString &image, const QString &tag);
// Against the latest supported version from the Harness API.
ImageTagCheck check(const QString &image, const QString &latestVersion);
// Offline, without an API key: the tag's year and month (yy.mm.build, also yy.mm.build.minimal)
// against `today`. Five months old warns (Expiring), six or more is Expired; "latest" and no tag
// warn as well. The message names the age, the expiry, and where to get the current tag.
ImageTagCheck checkAge(const QString &image, const QDate &today = QDate::currentDate());
// The verdict to show wherever the delegate image is decided or used: Harness's, when it told
// the latest supported version (latestVersion parses), otherwise checkAge()'s.
ImageTagCheck assess(const QString &image, const QString &latestVersion,
                     const QDate &today = QDate::currentDate());

} // namespace DelegateImage

} // namespace gs::harness
