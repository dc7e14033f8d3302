#include "plan/InputChecks.h"

#include <QTest>

using namespace gs;

// Each case: the value, whether it is accepted, and a word the error must contain (so the
// message says what is wrong, not just "invalid").
class TestInputChecks : public QObject
{
    Q_OBJECT
private:
    static void addColumns()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("hint");
    }
    static void check(const QString &error)
    {
        QFETCH(bool, ok);
        QFETCH(QString, hint);
        QCOMPARE(error.isEmpty(), ok);
        if (!ok)
            QVERIFY2(error.contains(hint, Qt::CaseInsensitive), qPrintable(error));
    }

private Q_SLOTS:
    void delegateName_data()
    {
        addColumns();
        QTest::newRow("seed") << "docker-delegate" << true << "";
        QTest::newRow("single letter") << "d" << true << "";
        QTest::newRow("digits inside") << "gs2-delegate" << true << "";
        QTest::newRow("empty") << "" << false << "Enter";
        QTest::newRow("uppercase") << "Docker" << false << "lowercase";
        QTest::newRow("ends with digit") << "delegate1" << false << "end with a letter";
        QTest::newRow("ends with dash") << "delegate-" << false << "end with a letter";
        QTest::newRow("starts with digit") << "1delegate" << false << "start with a letter";
        QTest::newRow("underscore") << "my_delegate" << false << "only lowercase";
        QTest::newRow("dot") << "my.delegate" << false << "only lowercase";
        QTest::newRow("63") << QString(63, QLatin1Char('a')) << true << "";
        QTest::newRow("64") << QString(64, QLatin1Char('a')) << false << "63";
    }
    void delegateName()
    {
        QFETCH(QString, value);
        check(InputChecks::delegateName(value));
    }

    void accountId_data()
    {
        addColumns();
        QTest::newRow("docs example") << "6_vVHzo9Qeu9fXvj-AcQCb" << true << "";
        QTest::newRow("short") << "6_vVHzo9Qeu9fXvj-AcQC" << false << "22";
        QTest::newRow("long") << "6_vVHzo9Qeu9fXvj-AcQCbb" << false << "22";
        QTest::newRow("plus") << "6+vVHzo9Qeu9fXvj-AcQCb" << false << "letters";
        QTest::newRow("space") << "6_vVHzo9Qeu9fXvj AcQCb" << false << "spaces";
        QTest::newRow("empty") << "" << false << "/account/";
    }
    void accountId()
    {
        QFETCH(QString, value);
        check(InputChecks::accountId(value));
    }

    void delegateToken_data()
    {
        addColumns();
        QTest::newRow("docs example")
            << "NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=" << true << "";
        QTest::newRow("padding stripped")
            << "NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg" << false << "end with \"=\"";
        QTest::newRow("newline") << "NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMzg=\n"
                                 << false << "line breaks";
        QTest::newRow("short") << "NTg4YzNj=" << false << "44";
        QTest::newRow("url-safe chars")
            << "NTg4YzNjZDc1NzAyMTE2MzBhMTJlYTI1MDkyYjRjMz_=" << false << "base64";
        QTest::newRow("empty") << "" << false << "Tokens";
    }
    void delegateToken()
    {
        QFETCH(QString, value);
        check(InputChecks::delegateToken(value));
    }

    void managerUrl_data()
    {
        addColumns();
        for (const HarnessCluster &c : harnessClusters())
            if (!c.managerUrl.isEmpty())
                QTest::newRow(qPrintable(c.id)) << c.managerUrl << true << "";
        QTest::newRow("vanity") << "https://acme.harness.io" << true << "";
        QTest::newRow("http") << "http://app.harness.io" << false << "https://";
        QTest::newRow("trailing slash") << "https://app.harness.io/" << false << "trailing";
        QTest::newRow("api suffix") << "https://app.harness.io/api" << false << "/api";
        QTest::newRow("no scheme") << "app.harness.io" << false << "https://";
        QTest::newRow("empty") << "" << false << "cluster";
    }
    void managerUrl()
    {
        QFETCH(QString, value);
        check(InputChecks::managerUrl(value));
    }

    void cpus_data()
    {
        addColumns();
        QTest::newRow("1") << "1" << true << "";
        QTest::newRow("1.5") << "1.5" << true << "";
        QTest::newRow("0") << "0" << false << "positive";
        QTest::newRow("-1") << "-1" << false << "positive";
        QTest::newRow("word") << "one" << false << "positive";
    }
    void cpus()
    {
        QFETCH(QString, value);
        check(InputChecks::cpus(value));
    }

    void memory_data()
    {
        addColumns();
        QTest::newRow("2g") << "2g" << true << "";
        QTest::newRow("2048m") << "2048m" << true << "";
        QTest::newRow("upper") << "2G" << true << "";
        QTest::newRow("too small") << "4m" << false << "6m";
        QTest::newRow("gb") << "2gb" << false << "b, k, m or g";
        QTest::newRow("empty") << "" << false << "b, k, m or g";
    }
    void memory()
    {
        QFETCH(QString, value);
        check(InputChecks::memory(value));
    }

    void imageReference_data()
    {
        addColumns();
        QTest::newRow("seed delegate")
            << "us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504" << true << "";
        QTest::newRow("seed runner") << "drone/drone-runner-aws:latest" << true << "";
        QTest::newRow("hub short") << "harness/delegate:26.02.88404" << true << "";
        QTest::newRow("port registry") << "localhost:5000/delegate" << true << "";
        QTest::newRow("digest") << "harness/delegate@sha256:" + QString(64, QLatin1Char('a'))
                                << true << "";
        QTest::newRow("uppercase") << "Harness/Delegate:1" << false << "lowercase";
        QTest::newRow("space") << "harness/delegate :1" << false << "spaces";
        QTest::newRow("empty tag") << "harness/delegate:" << false << "valid image";
        QTest::newRow("empty") << "" << false << "registry";
    }
    void imageReference()
    {
        QFETCH(QString, value);
        check(InputChecks::imageReference(value));
    }

    void runnerDirectory_data()
    {
        addColumns();
        QTest::newRow("seed") << "/runner" << true << "";
        QTest::newRow("nested") << "/opt/gitspaces/runner" << true << "";
        QTest::newRow("relative") << "runner" << false << "absolute";
        QTest::newRow("root") << "/" << false << "not /";
        QTest::newRow("colon") << "/run:ner" << false << "-v";
    }
    void runnerDirectory()
    {
        QFETCH(QString, value);
        check(InputChecks::runnerDirectory(value));
    }

    void hostAndPort()
    {
        QVERIFY(InputChecks::host(QStringLiteral("203.0.113.7")).isEmpty());
        QVERIFY(InputChecks::host(QStringLiteral("gs-runner")).isEmpty());
        QVERIFY(InputChecks::host(QStringLiteral("::1")).isEmpty());
        QVERIFY(!InputChecks::host(QStringLiteral("a;reboot")).isEmpty());
        QVERIFY(!InputChecks::host(QString()).isEmpty());
        QVERIFY(InputChecks::port(22).isEmpty());
        QVERIFY(!InputChecks::port(0).isEmpty());
        QVERIFY(!InputChecks::port(65536).isEmpty());
        QVERIFY(InputChecks::user(QString()).isEmpty());
        QVERIFY(!InputChecks::user(QStringLiteral("a b")).isEmpty());
    }

    void tags()
    {
        QVERIFY(InputChecks::delegateTags({QStringLiteral("gitspaces"), QStringLiteral("gcp")})
                    .isEmpty());
        QVERIFY(!InputChecks::delegateTags({QStringLiteral("a,b")}).isEmpty());
        QVERIFY(!InputChecks::delegateTags({QStringLiteral(" ")}).isEmpty());
    }

    void clusters()
    {
        QCOMPARE(clusterForManagerUrl(QStringLiteral("https://app.harness.io/gratis")).id,
                 QStringLiteral("prod2"));
        QCOMPARE(clusterForManagerUrl(QStringLiteral("https://acme.harness.io")).id,
                 QStringLiteral("custom"));
    }
};

QTEST_GUILESS_MAIN(TestInputChecks)
#include "tst_InputChecks.moc"
