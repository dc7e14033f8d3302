// libssh is loaded at the first connection, not linked (core/remote/LibSsh.h). These tests load
// the installed library, a missing one and an incomplete one, and check that a connection made
// while the incomplete one is on the library path fails with a message that says what to install.

#include "remote/LibSsh.h"
#include "remote/SshSession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace gs::remote;
using gs::remote::detail::LibSsh;

namespace {

// Set by CTest for the run with the stand-in library first on LD_LIBRARY_PATH.
bool underFakeLibssh()
{
    return qEnvironmentVariableIsSet("GS_TEST_FAKE_LIBSSH");
}

bool mapped(const QByteArray &library)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(library);
}

} // namespace

class TestLibSshLoading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notMappedAtStart()
    {
        // Nothing in this process has connected yet: libssh and libcrypto are not mapped.
        QVERIFY(!mapped("libssh.so"));
        QVERIFY(!mapped("libcrypto.so"));
    }

    void loadsTheInstalledLibrary()
    {
        if (underFakeLibssh())
            QSKIP("the stand-in library is first on the library path");
        LibSsh table;
        QString error;
        QVERIFY2(LibSsh::load(&table, QStringLiteral("ssh"), 4, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
#define GS_CHECK_RESOLVED(name) QVERIFY2(table.name != nullptr, #name);
        GS_LIBSSH_FUNCTIONS(GS_CHECK_RESOLVED)
#undef GS_CHECK_RESOLVED
        QVERIFY(QByteArray(table.ssh_version(0)).startsWith("0.1"));
        QVERIFY(mapped("libssh.so"));
    }

    void missingLibraryIsNamed()
    {
        LibSsh table;
        QString error;
        QVERIFY(!LibSsh::load(&table, QStringLiteral("gs-no-such-libssh"), 4, &error));
        QVERIFY2(error.contains(QLatin1String("libssh-4")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("could not be loaded")), qPrintable(error));
    }

    void incompleteLibraryIsRefused()
    {
        LibSsh table;
        QString error;
        QVERIFY(!LibSsh::load(&table, QStringLiteral(GS_FAKE_LIBSSH), -1, &error));
        // Names what is missing, so a packager can tell a wrong libssh from a broken one.
        QVERIFY2(error.contains(QLatin1String("ssh_userauth_publickey")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("libssh-4")), qPrintable(error));
    }

    void connectionSaysWhatToInstall()
    {
        if (!underFakeLibssh())
            QSKIP("needs the stand-in library first on the library path (its own CTest run)");
        SshSession session;
        ConnectOptions options;
        options.host = QStringLiteral("127.0.0.1");
        options.port = 1; // never reached: the library is checked before the socket is opened
        ConnectJob *job = session.connectToHost(options);
        QSignalSpy spy(job, &ConnectJob::finished);
        QVERIFY(spy.wait(10000));
        const auto result = spy.at(0).at(0).value<ConnectResult>();
        QCOMPARE(result.error, ConnectError::Internal);
        QVERIFY2(result.message.contains(QLatin1String("libssh-4")), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("ssh_new")), qPrintable(result.message));
        QVERIFY(!session.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestLibSshLoading)
#include "tst_LibSshLoading.moc"
