#include "plan/Redactor.h"

#include <QTest>

using namespace gs;

class TestRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksEveryOccurrence()
    {
        Redactor r;
        r.addSecret(QStringLiteral("NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg="));
        const QString text = QStringLiteral("a NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg= b "
                                            "NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=");
        QCOMPARE(r.redact(text), QStringLiteral("a •••••••• b ••••••••"));
        QCOMPARE(r.redact(text.toUtf8()), QStringLiteral("a •••••••• b ••••••••").toUtf8());
    }
    void longestSecretFirst()
    {
        Redactor r;
        r.addSecret(QStringLiteral("secret"));
        r.addSecret(QStringLiteral("secret-passphrase"));
        QCOMPARE(r.redact(QStringLiteral("x secret-passphrase y")), QStringLiteral("x •••••••• y"));
    }
    void masksShortSecretsToo()
    {
        // A three-letter sudo password is still a password (issue 11).
        Redactor r;
        r.addSecret(QStringLiteral("pw1"));
        QVERIFY(!r.isEmpty());
        QCOMPARE(r.redact(QStringLiteral("echo pw1 |")), QStringLiteral("echo •••••••• |"));
        QCOMPARE(r.redact(QByteArrayLiteral("pw1")), QStringLiteral("••••••••").toUtf8());
        r.addSecret(QString());
        Redactor empty;
        empty.addSecret(QString());
        QVERIFY(empty.isEmpty());
    }
    void copiesKeepTheirSecrets()
    {
        Redactor copy;
        {
            Redactor r;
            r.addSecret(QStringLiteral("secret"));
            copy = r;
        } // r's destructor must not wipe what the copy still masks with
        QCOMPARE(copy.redact(QStringLiteral("a secret")), QStringLiteral("a ••••••••"));
        QCOMPARE(copy.redact(QByteArrayLiteral("a secret")), QByteArray("a ••••••••"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_Redactor.moc"
