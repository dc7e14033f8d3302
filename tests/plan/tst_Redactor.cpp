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
    void ignoresTrivialValues()
    {
        Redactor r;
        r.addSecret(QStringLiteral("a"));
        QVERIFY(r.isEmpty());
        QCOMPARE(r.redact(QStringLiteral("a cat")), QStringLiteral("a cat"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_Redactor.moc"
