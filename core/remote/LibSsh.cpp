#include "LibSsh.h"

#include "util/LoggingCategories.h"

#include <QCoreApplication>
#include <QLibrary>

namespace gs::remote::detail {

namespace {

// The table instance() loaded, and why it failed if it did. Written once under the static
// initialisation guard of instance(), read-only afterwards.
struct Loaded
{
    LibSsh table;
    bool ok = false;
    QString error;
};

const Loaded &loaded()
{
    static const Loaded once = [] {
        Loaded result;
        result.ok = LibSsh::load(&result.table, QStringLiteral("ssh"), 4, &result.error);
        if (result.ok)
            qCDebug(lcRemote) << "libssh loaded:" << result.table.ssh_version(0);
        else
            qCWarning(lcRemote).noquote() << result.error;
        return result;
    }();
    return once;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::remote::detail::LibSsh", text);
}

} // namespace

bool LibSsh::load(LibSsh *table, const QString &fileName, int major, QString *error)
{
    // Never unloaded: libssh keeps thread-local state and OpenSSL registers exit handlers.
    QLibrary library(fileName, major);
    if (!library.load()) {
        *error = tr("The SSH library (libssh 0.10, libssh.so.4) could not be loaded: %1. "
                    "Install the libssh-4 package.")
                     .arg(library.errorString());
        return false;
    }
    QStringList missing;
#define GS_LIBSSH_RESOLVE(name)                                                                    \
    table->name = reinterpret_cast<decltype(&::name)>(library.resolve(#name));                     \
    if (!table->name)                                                                              \
        missing << QStringLiteral(#name);
    GS_LIBSSH_FUNCTIONS(GS_LIBSSH_RESOLVE)
#undef GS_LIBSSH_RESOLVE
    if (!missing.isEmpty()) {
        *error = tr("The SSH library %1 lacks functions this program needs (%2). Install libssh "
                    "0.10 (the libssh-4 package of Debian 12).")
                     .arg(library.fileName(), missing.join(QStringLiteral(", ")));
        return false;
    }
    if (!table->ssh_version(SSH_VERSION_INT(0, 10, 0))) {
        *error = tr("The SSH library %1 is version %2; this program needs libssh 0.10 or newer.")
                     .arg(library.fileName(), QString::fromLatin1(table->ssh_version(0)));
        return false;
    }
    return true;
}

const LibSsh *LibSsh::instance(QString *error)
{
    const Loaded &state = loaded();
    if (!state.ok) {
        *error = state.error;
        return nullptr;
    }
    return &state.table;
}

const LibSsh &libssh()
{
    const Loaded &state = loaded();
    Q_ASSERT(state.ok);
    return state.table;
}

} // namespace gs::remote::detail
