// The one atomic-write recipe (core/util/AtomicFile): all or nothing, permissions before the
// rename, a reason in words on failure, and an existing file untouched when a write fails.

#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace gs;

class tst_AtomicFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces();
    void permissionsBeforeTheRename();
    void failureLeavesTheOldFile();
    void probeCreatesNothing();

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }
};

void tst_AtomicFile::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.yaml"));
    QString why;
    QVERIFY(writeFileAtomically(path, "one\n", &why));
    QCOMPARE(read(path), QByteArray("one\n"));
    QVERIFY(writeFileAtomically(path, "two\n", &why));
    QCOMPARE(read(path), QByteArray("two\n"));
    QVERIFY(why.isEmpty());
    // Nothing left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("a.yaml")});
}

void tst_AtomicFile::permissionsBeforeTheRename()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transcript.txt"));
    const QFileDevice::Permissions userBits =
        QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QVERIFY(writeFileAtomically(path, "x", nullptr, ownerOnly));
    QCOMPARE(QFile::permissions(path) & ~userBits, ownerOnly);
    // Without permissions given, a file keeps the ones it has.
    const QFileDevice::Permissions script = ownerOnly | QFileDevice::ExeOwner;
    QVERIFY(QFile::setPermissions(path, script));
    QVERIFY(writeFileAtomically(path, "y", nullptr));
    QCOMPARE(QFile::permissions(path) & ~userBits, script);
    QCOMPARE(read(path), QByteArray("y"));
}

void tst_AtomicFile::failureLeavesTheOldFile()
{
    QTemporaryDir dir;
    QString why;
    QVERIFY(!writeFileAtomically(dir.path(), "x", &why));
    QCOMPARE(why, QStringLiteral("it is a directory"));
    QVERIFY(!writeFileAtomically(dir.filePath(QStringLiteral("no/such/dir/f")), "x", &why));
    QVERIFY(!why.isEmpty());

    // A file in a folder that cannot take the temporary file keeps its old content.
    const QString sub = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(sub));
    const QString path = sub + QStringLiteral("/pool.yaml");
    QVERIFY(writeFileAtomically(path, "old\n", &why));
    const QFileDevice::Permissions open =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    if (::geteuid() == 0)
        QSKIP("root writes into a read-only folder; the failures above are checked");
    QVERIFY(QFile::setPermissions(sub, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    why.clear();
    const bool written = writeFileAtomically(path, "new\n", &why);
    QFile::setPermissions(sub, open);
    QVERIFY(!written);
    QVERIFY(!why.isEmpty());
    QCOMPARE(read(path), QByteArray("old\n"));
}

void tst_AtomicFile::probeCreatesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("later.txt"));
    QString why;
    QVERIFY(canWriteFileAtomically(path, &why));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(!canWriteFileAtomically(dir.path(), &why));
    QCOMPARE(why, QStringLiteral("it is a directory"));
    QVERIFY(!canWriteFileAtomically(dir.filePath(QStringLiteral("no/such/dir/f")), &why));
    QVERIFY(!why.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AtomicFile)
#include "tst_AtomicFile.moc"
