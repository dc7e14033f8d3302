#pragma once

#include "SetupConfig.h"
#include "util/Secret.h"

#include <QString>
#include <QStringList>

namespace gs {

// The delegate install command as Harness shows it (Account Settings → Delegates → New Delegate
// → Docker) or as the Gitspaces docs print it, read back into the Delegate page's answers:
//   docker run --cpus=1 --memory=2g -e DELEGATE_NAME=docker-delegate -e NEXT_GEN="true"
//     -e ACCOUNT_ID=… -e DELEGATE_TOKEN=… -e MANAGER_HOST_AND_PORT=https://app.harness.io IMAGE
// (one command over several lines, each but the last ending in a backslash)
// The text is split into words the way sh does it (quotes, backslashes, backslash-newline,
// comments), without running anything: an expansion ($VAR, $(…), `…`) or an operator is an error.
struct DockerRunImport
{
    // A place in the pasted text: offset in UTF-16 units, line and column from 1.
    struct Location
    {
        qsizetype offset = -1;
        int line = 0;
        int column = 0;
    };
    // One answer the command gave, and where its value starts.
    struct Field
    {
        QString value;
        Location at;
        bool found = false;
    };

    bool ok = false;
    QString error;             // translated; empty when ok
    Location errorAt;          // where the text went wrong
    qsizetype errorLength = 1; // how much of the text to mark there (at least 1)

    Field name;      // DELEGATE_NAME
    Field accountId; // ACCOUNT_ID (required)
    Field manager;   // MANAGER_HOST_AND_PORT
    Field tags;      // DELEGATE_TAGS, as written
    Field image;     // the image (required)
    Field cpus;      // --cpus
    Field memory;    // --memory / -m
    Secret token;    // DELEGATE_TOKEN (or the legacy ACCOUNT_SECRET); empty when absent
    Location tokenAt;

    QStringList dropped; // options kept out, as written; variables by name only (values may be
                         // secrets)
    QStringList added;   // translated: what our command has that this one lacks
    QStringList notes;   // translated: what differs from the documented values, what is missing

    // Longer text is refused: a command is a few hundred characters.
    static constexpr qsizetype MaxTextSize = 64 * 1024;
    static DockerRunImport parse(const QString &text);

    // The answers with what the command says; what it does not say stays as it was.
    void applyTo(DelegateSettings *delegate) const;
    // DELEGATE_TAGS as the delegate splits it: "a, b,,c" → {a, b, c}.
    QStringList tagList() const;
    // The notes for a person: what was kept out, what we add, what differs. Never the token.
    QStringList summary() const;
};

} // namespace gs
