#pragma once

#include "SetupConfig.h"

#include <QString>

namespace gs {

// The setup config file ("Save answers…"): YAML with the keys of shared/design.md. Never holds a
// secret. Relative paths inside it are relative to the file itself.
class ConfigFile
{
public:
    struct LoadResult
    {
        bool ok = false;
        SetupConfig config;
        QString error; // "FILE:LINE:COLUMN: message" or "FILE: message"
    };

    static LoadResult load(const QString &path);
    static LoadResult parse(const QByteArray &yaml, const QString &path);

    struct SaveOptions
    {
        bool includeAccountId = false; // the wizard keeps it in the keychain instead
    };
    // Writes atomically (QSaveFile). Paths under the file's folder are stored relative to it.
    static bool save(const SetupConfig &config, const QString &path, const SaveOptions &options,
                     QString *error);
    static QByteArray serialize(const SetupConfig &config, const QString &path,
                                const SaveOptions &options);
};

} // namespace gs
