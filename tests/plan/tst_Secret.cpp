// gs::Secret and the wipes (core/util/Secret.h): a secret is never shared, and a wipe zeroes the
// bytes where they are rather than a detached copy.

#include "util/Secret.h"

#include <QTest>

#include <type_traits>

using namespace gs;

static_assert(!std::is_copy_constructible_v<Secret>, "a Secret is moved, never copied");
static_assert(!std::is_copy_assignable_v<Secret>);
static_assert(std::is_nothrow_move_constructible_v<Secret>);

class tst_Secret : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wipeZeroesInPlace()
    {
        QByteArray bytes("hunter22");
        const QByteArray alias = bytes; // shares the buffer
        const char *data = alias.constData();
        wipe(bytes);
        QVERIFY(bytes.isEmpty());
        QCOMPARE(alias.constData(), data); // not detached
        QCOMPARE(alias, QByteArray(8, '\0'));
    }
    void wipeLeavesLiteralsAlone()
    {
        QByteArray literal = QByteArrayLiteral("read-only");
        wipe(literal); // would crash writing to .rodata
        QVERIFY(literal.isEmpty());
        QString text = QStringLiteral("read-only");
        wipe(text);
        QVERIFY(text.isEmpty());
    }
    void wipeIfLastSparesOtherHolders()
    {
        QByteArray bytes("hunter22");
        const QByteArray other = bytes;
        wipeIfLast(bytes);
        QVERIFY(bytes.isEmpty());
        QCOMPARE(other, QByteArray("hunter22"));
    }
    void takeOwnsAnUnsharedCopy()
    {
        QByteArray source("s3cret-pw");
        Secret secret = Secret::take(source);
        QVERIFY(source.isEmpty());
        QCOMPARE(secret.bytes(), QByteArray("s3cret-pw"));
        QVERIFY(secret.bytes().isDetached());

        QString text = QStringLiteral("tökén");
        text.detach();
        Secret fromText = Secret::take(text);
        QVERIFY(text.isEmpty());
        QCOMPARE(fromText.toString(), QStringLiteral("tökén"));
    }
    void takeDoesNotZeroWhatOthersHold()
    {
        QByteArray source("shared");
        const QByteArray keeper = source;
        const Secret secret = Secret::take(source);
        QCOMPARE(keeper, QByteArray("shared"));
        QVERIFY(secret.constData() != keeper.constData());
    }
    void clearAndMove()
    {
        Secret a = Secret::fromBytes("abc");
        const char *data = a.constData();
        Secret b = std::move(a);
        QVERIFY(a.isEmpty());          // NOLINT(bugprone-use-after-move): moved-from is empty
        QCOMPARE(b.constData(), data); // moved, not copied
        QVERIFY(b.equals("abc"));
        b.clear();
        QVERIFY(b.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Secret)
#include "tst_Secret.moc"
