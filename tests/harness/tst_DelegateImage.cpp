// Image tags against the latest supported delegate version.
#include "harness/DelegateImage.h"

#include <QTest>

using namespace gs::harness;
using Verdict = ImageTagCheck::Verdict;

class tst_DelegateImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagOf_data();
    void tagOf();
    void withTag();
    void check_data();
    void check();
};

void tst_DelegateImage::tagOf_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("tag");
    QTest::newRow("docs") << "us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504"
                          << "25.03.85504";
    QTest::newRow("hub") << "harness/delegate:26.02.88404.minimal"
                         << "26.02.88404.minimal";
    QTest::newRow("no tag") << "harness/delegate"
                            << "";
    QTest::newRow("registry port, no tag") << "localhost:5000/harness/delegate"
                                           << "";
    QTest::newRow("registry port and tag") << "localhost:5000/delegate:1.2"
                                           << "1.2";
    QTest::newRow("digest") << "harness/delegate:26.02.1@sha256:abcd"
                            << "26.02.1";
    QTest::newRow("spaces") << "  harness/delegate:26.02.1 "
                            << "26.02.1";
}

void tst_DelegateImage::tagOf()
{
    QFETCH(QString, image);
    QFETCH(QString, tag);
    QCOMPARE(DelegateImage::tagOf(image), tag);
}

void tst_DelegateImage::withTag()
{
    QCOMPARE(DelegateImage::withTag(QStringLiteral("harness/delegate:25.03.1"),
                                    QStringLiteral("26.02.2")),
             QStringLiteral("harness/delegate:26.02.2"));
    QCOMPARE(DelegateImage::withTag(QStringLiteral("localhost:5000/delegate"),
                                    QStringLiteral("26.02.2")),
             QStringLiteral("localhost:5000/delegate:26.02.2"));
    QCOMPARE(DelegateImage::withTag(QStringLiteral("a/b:1@sha256:ff"), QStringLiteral("2")),
             QStringLiteral("a/b:2"));
}

void tst_DelegateImage::check_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("latest");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("months");

    const QString repo = QStringLiteral("harness/delegate:");
    QTest::newRow("same") << repo + "26.02.88404"
                          << "26.02.88404" << int(Verdict::Current) << 0;
    QTest::newRow("newer") << repo + "26.03.1"
                           << "26.02.88404" << int(Verdict::Current) << -1;
    QTest::newRow("same month older build") << repo + "26.02.88000"
                                            << "26.02.88404" << int(Verdict::Older) << 0;
    QTest::newRow("minimal variant") << repo + "26.02.88404.minimal"
                                     << "26.02.88404" << int(Verdict::Current) << 0;
    QTest::newRow("2 months") << repo + "25.12.1"
                              << "26.02.88404" << int(Verdict::Older) << 2;
    QTest::newRow("3 months") << repo + "25.11.1"
                              << "26.02.88404" << int(Verdict::Unsupported) << 3;
    QTest::newRow("5 months") << repo + "25.09.1"
                              << "26.02.88404" << int(Verdict::Unsupported) << 5;
    QTest::newRow("documented pin, 11 months")
        << "us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504"
        << "26.02.88404" << int(Verdict::Expired) << 11;
    QTest::newRow("latest tag") << repo + "latest"
                                << "26.02.88404" << int(Verdict::Unknown) << 0;
    QTest::newRow("no tag") << "harness/delegate"
                            << "26.02.88404" << int(Verdict::Unknown) << 0;
    QTest::newRow("month 13 is not a version") << repo + "25.13.1"
                                               << "26.02.88404" << int(Verdict::Unknown) << 0;
    QTest::newRow("bad latest") << repo + "25.03.1"
                                << "weird" << int(Verdict::Unknown) << 0;
}

void tst_DelegateImage::check()
{
    QFETCH(QString, image);
    QFETCH(QString, latest);
    QFETCH(int, verdict);
    QFETCH(int, months);
    const ImageTagCheck result = DelegateImage::check(image, latest);
    QCOMPARE(int(result.verdict), verdict);
    QCOMPARE(result.monthsBehind, months);
    QCOMPARE(result.tag, DelegateImage::tagOf(image));
    const bool quiet = result.verdict == Verdict::Current || latest == QLatin1String("weird");
    QCOMPARE(result.message.isEmpty(), quiet);
    if (!quiet)
        QVERIFY2(result.message.contains(latest), qPrintable(result.message));
    if (result.verdict == Verdict::Expired)
        QVERIFY(result.message.contains(QLatin1String("11 month")));
}

QTEST_GUILESS_MAIN(tst_DelegateImage)
#include "tst_DelegateImage.moc"
