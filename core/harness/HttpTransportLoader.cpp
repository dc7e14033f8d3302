#include "HttpTransportLoader.h"

#include "util/LoggingCategories.h"

#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

#include <utility>

namespace gs::harness {

namespace {
// Main thread only, see the header. The loader is kept (never deleted nor unloaded): the
// transports live as long as their clients, possibly until exit.
QPluginLoader *s_loader = nullptr;
} // namespace

QString HttpTransportLoader::pluginFileName()
{
    return QStringLiteral(GS_HTTP_PLUGIN_FILE);
}

QStringList HttpTransportLoader::searchDirectories()
{
    QStringList dirs;
    const QString fromEnvironment = qEnvironmentVariable(kPluginDirVariable);
    if (!fromEnvironment.isEmpty())
        dirs.append(QDir::cleanPath(fromEnvironment));
    // applicationDirPath() needs the application object; without one only the variable counts.
    if (QCoreApplication::instance()) {
        const QString relative = QStringLiteral(GS_HTTP_PLUGIN_RELATIVE_DIR);
        const QString installed = QDir::isAbsolutePath(relative)
                                      ? QDir::cleanPath(relative)
                                      : QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                                        QLatin1Char('/') + relative);
        if (!dirs.contains(installed))
            dirs.append(installed);
    }
    return dirs;
}

HttpTransportLoader::Result HttpTransportLoader::load()
{
    Result result;
    if (s_loader) {
        result.factory = qobject_cast<HttpTransportFactory *>(s_loader->instance());
        return result;
    }
    const QStringList dirs = searchDirectories();
    QStringList errors;
    for (const QString &dir : dirs) {
        const QString path = dir + QLatin1Char('/') + pluginFileName();
        if (!QFileInfo::exists(path)) {
            errors.append(tr("%1: no such file").arg(QDir::toNativeSeparators(path)));
            continue;
        }
        auto *loader = new QPluginLoader(path);
        // The metadata is read without running the library's code, so a foreign plugin is never
        // instantiated.
        const QString iid = loader->metaData().value(QLatin1String("IID")).toString();
        const bool ours = iid == QLatin1String(GS_HTTP_TRANSPORT_FACTORY_IID);
        QObject *instance = ours ? loader->instance() : nullptr;
        if (auto *factory = qobject_cast<HttpTransportFactory *>(instance)) {
            qCDebug(lcHarness).noquote() << "HTTP plugin loaded from" << path;
            s_loader = loader;
            result.factory = factory;
            return result;
        }
        if (iid.isEmpty() || (ours && !instance)) // unreadable, or failed to load (dependencies)
            errors.append(loader->errorString());
        else
            errors.append(tr("%1: not a gitspaces-setup HTTP plugin (%2)")
                              .arg(QDir::toNativeSeparators(path), iid));
        loader->unload();
        delete loader;
    }
    QStringList shown;
    for (const QString &dir : dirs)
        shown.append(QDir::toNativeSeparators(dir));
    result.detail = errors.join(QStringLiteral("; "));
    result.message =
        tr("Cannot make HTTP requests: the component %1 could not be loaded from %2 (%3). "
           "Reinstall gitspaces-setup, or set %4 to the directory that holds it.")
            .arg(pluginFileName(),
                 shown.isEmpty() ? tr("no directory") : shown.join(QStringLiteral(", ")),
                 result.detail, QString::fromLatin1(kPluginDirVariable));
    // Every request after this one fails the same way and says so in its own result: the log
    // (which a CLI user sees on stderr) needs it once.
    static bool warned = false;
    if (!std::exchange(warned, true))
        qCWarning(lcHarness).noquote() << result.message;
    return result;
}

} // namespace gs::harness
