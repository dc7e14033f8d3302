#pragma once

#include "HttpTransport.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gs::harness {

// Finds and loads the HTTP plugin (gitspaces-setup-http) the first time a Harness request is
// made: in $GITSPACES_SETUP_PLUGIN_DIR if set, then in <app dir>/../<libdir>/gitspaces-setup,
// which is where both the build tree and the installed package put it. A loaded plugin stays
// loaded for the life of the process; a failure is retried on the next request.
// GUI/main thread only: QPluginLoader and the cached factory are not guarded.
class HttpTransportLoader
{
    Q_DECLARE_TR_FUNCTIONS(gs::harness::HttpTransportLoader)
public:
    static constexpr const char *kPluginDirVariable = "GITSPACES_SETUP_PLUGIN_DIR";

    struct Result
    {
        HttpTransportFactory *factory = nullptr;
        QString message; // translated, names the directories searched; empty on success
        QString detail;  // QPluginLoader's error per directory tried
    };
    static Result load();

    // The file name of the plugin and the directories it is looked for in, in order.
    static QString pluginFileName();
    static QStringList searchDirectories();
};

} // namespace gs::harness
