#pragma once

#include <QString>

namespace gs::harness {

// How a delegate image's tag compares with the latest supported version Harness reports
// (shared/reference/harness-delegate.md §2.2: tags are yy.mm.build; Harness accepts versions up
// to about 3 months older; delegates expire after 6 months).
struct ImageTagCheck
{
    enum class Verdict {
        Unknown,     // no tag, "latest", or not yy.mm.build: the age cannot be told
        Current,     // the latest supported version, or newer
        Older,       // older, but within the 3 months Harness accepts
        Unsupported, // 3 to 5 months older: upgrade
        Expired,     // 6 months or more older: the delegate will not run
    };
    Verdict verdict = Verdict::Unknown;
    QString tag;          // the image's tag, empty when it has none
    int monthsBehind = 0; // by yy.mm, when both tags parse
    QString message;      // translated; empty for Current
};

namespace DelegateImage {

// The tag of an image reference: "reg:5000/a/b:tag@sha256:…" → "tag"; "" when there is none.
QString tagOf(const QString &image);
// The image with its tag replaced (or added): keeps the repository the user chose.
QString withTag(const QString &image, const QString &tag);
ImageTagCheck check(const QString &image, const QString &latestVersion);

} // namespace DelegateImage

} // namespace gs::harness
