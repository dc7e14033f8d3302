// Image tags against the latest supported delegate version, and offline by their own date.
#include "harness/DelegateImage.h"

#include <QLocale>
#include <QTest>

using namespace gs::harness;
using Verdict = ImageTagCheck::Verdict;

class tst_DelegateImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); } // month names in the messages
    void tagOf_data();
    void tagOf();
    void withTag();
    void check_data();
    void check();
    void checkAge_data();
    void checkAge();
    void checkAgeUsesTodayByDefault();
    void assess_data();
    void assess();
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
    QCOMPARE(result.warning,
             result.verdict == Verdict::Unsupported || result.verdict == Verdict::Expired);
    const bool quiet = result.verdict == Verdict::Current || latest == QLatin1String("weird");
    QCOMPARE(result.message.isEmpty(), quiet);
    if (!quiet)
        QVERIFY2(result.message.contains(latest), qPrintable(result.message));
    if (result.verdict == Verdict::Expired)
        QVERIFY(result.message.contains(QLatin1String("11 month")));
}

void tst_DelegateImage::checkAge_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("monthsOld");
    QTest::addColumn<bool>("warning");
    QTest::addColumn<QStringList>("says"); // parts of the message; empty: no message

    const QString repo = QStringLiteral("harness/delegate:");
    const QDate today(2026, 12, 15);
    const int unknown = int(Verdict::Unknown);
    const QStringList none;
    const QStringList where{QStringLiteral("delegate install command in the Harness UI"),
                            QStringLiteral("Harness API key")};

    QTest::newRow("fresh") << repo + "26.12.90001" << today << int(Verdict::Current) << 0 << false
                           << none;
    QTest::newRow("4 months") << repo + "26.08.89000" << today << int(Verdict::Current) << 4
                              << false << none;
    QTest::newRow("4 months, first day of the month")
        << repo + "26.08.89000" << QDate(2026, 12, 1) << int(Verdict::Current) << 4 << false
        << none;
    QTest::newRow("5 months: expiring")
        << repo + "26.07.88800" << today << int(Verdict::Expiring) << 5 << true
        << QStringList{QStringLiteral("26.07.88800"), QStringLiteral("July 2026"),
                       QStringLiteral("5 months ago"),
                       QStringLiteral("expires around January 2027")} +
               where;
    QTest::newRow("5 months across the new year")
        << repo + "26.08.1" << QDate(2027, 1, 31) << int(Verdict::Expiring) << 5 << true
        << QStringList{QStringLiteral("expires around February 2027")};
    QTest::newRow("6 months: expired")
        << repo + "26.06.88500" << today << int(Verdict::Expired) << 6 << true
        << QStringList{QStringLiteral("June 2026"), QStringLiteral("6 months ago"),
                       QStringLiteral("expired around December 2026"),
                       QStringLiteral("will not stay connected")} +
               where;
    QTest::newRow("documented default, 21 months")
        << "us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504" << today
        << int(Verdict::Expired) << 21 << true
        << QStringList{QStringLiteral("25.03.85504"), QStringLiteral("March 2025"),
                       QStringLiteral("21 months ago"),
                       QStringLiteral("expired around September 2025")} +
               where;
    QTest::newRow("minimal, fresh")
        << repo + "26.10.89900.minimal" << today << int(Verdict::Current) << 2 << false << none;
    QTest::newRow("minimal, expired")
        << repo + "25.03.85504.minimal" << today << int(Verdict::Expired) << 21 << true
        << QStringList{QStringLiteral("25.03.85504.minimal"), QStringLiteral("21 months ago")};
    QTest::newRow("tag and digest: the tag tells")
        << repo + "26.06.88500@sha256:0123abcd" << today << int(Verdict::Expired) << 6 << true
        << QStringList{QStringLiteral("26.06.88500 is from June 2026")};
    QTest::newRow("from the future")
        << repo + "27.06.1" << today << int(Verdict::Current) << -6 << false << none;
    QTest::newRow("latest") << repo + "latest" << today << unknown << 0 << true
                            << QStringList{QStringLiteral("\"latest\""),
                                           QStringLiteral("deprecated")} +
                                   where;
    QTest::newRow("no tag") << "harness/delegate" << today << unknown << 0 << true
                            << QStringList{QStringLiteral("no tag"), QStringLiteral("latest")} +
                                   where;
    QTest::newRow("registry port, no tag") << "localhost:5000/harness/delegate" << today << unknown
                                           << 0 << true << QStringList{QStringLiteral("no tag")};
    QTest::newRow("digest only") << "harness/delegate@sha256:0123abcd" << today << unknown << 0
                                 << false
                                 << QStringList{QStringLiteral("digest"),
                                                QStringLiteral("six months")} +
                                        where;
    QTest::newRow("month 13") << repo + "25.13.1" << today << unknown << 0 << false
                              << QStringList{QStringLiteral("\"25.13.1\" is not a yy.mm.build")} +
                                     where;
    QTest::newRow("month 00") << repo + "25.00.1" << today << unknown << 0 << false
                              << QStringList{QStringLiteral("25.00.1")};
    QTest::newRow("other scheme") << repo + "v1.2.3" << today << unknown << 0 << false
                                  << QStringList{QStringLiteral("v1.2.3")};
}

void tst_DelegateImage::checkAge()
{
    QFETCH(QString, image);
    QFETCH(QDate, today);
    QFETCH(int, verdict);
    QFETCH(int, monthsOld);
    QFETCH(bool, warning);
    QFETCH(QStringList, says);
    const ImageTagCheck result = DelegateImage::checkAge(image, today);
    QCOMPARE(int(result.verdict), verdict);
    QCOMPARE(result.monthsOld, monthsOld);
    QCOMPARE(result.warning, warning);
    QCOMPARE(result.tag, DelegateImage::tagOf(image));
    QCOMPARE(result.message.isEmpty(), says.isEmpty());
    for (const QString &part : says)
        QVERIFY2(result.message.contains(part),
                 qPrintable(part + QStringLiteral(" not in: ") + result.message));
}

void tst_DelegateImage::checkAgeUsesTodayByDefault()
{
    const QDate today = QDate::currentDate();
    const QString fresh =
        QStringLiteral("harness/delegate:") + today.toString(QStringLiteral("yy.MM")) + ".1";
    QCOMPARE(DelegateImage::checkAge(fresh).verdict, Verdict::Current);
    const QString old = QStringLiteral("harness/delegate:") +
                        today.addMonths(-6).toString(QStringLiteral("yy.MM")) + ".1";
    QCOMPARE(DelegateImage::checkAge(old).verdict, Verdict::Expired);
}

// Harness's answer wins; without one, the tag's date decides.
void tst_DelegateImage::assess_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("latest");
    QTest::addColumn<int>("verdict");

    const QString repo = QStringLiteral("harness/delegate:");
    QTest::newRow("API: current although 10 months old") << repo + "26.02.88404"
                                                         << "26.02.88404" << int(Verdict::Current);
    QTest::newRow("API: 3 months behind though fresh by date")
        << repo + "26.09.1"
        << "26.12.90000" << int(Verdict::Unsupported);
    QTest::newRow("no API: by date") << repo + "26.02.88404" << QString() << int(Verdict::Expired);
    QTest::newRow("no API: fresh by date")
        << repo + "26.11.1" << QString() << int(Verdict::Current);
    QTest::newRow("unusable API answer: by date") << repo + "26.07.1"
                                                  << "weird" << int(Verdict::Expiring);
}

void tst_DelegateImage::assess()
{
    QFETCH(QString, image);
    QFETCH(QString, latest);
    QFETCH(int, verdict);
    const QDate today(2026, 12, 15);
    const ImageTagCheck result = DelegateImage::assess(image, latest, today);
    QCOMPARE(int(result.verdict), verdict);
    const ImageTagCheck api = DelegateImage::check(image, latest);
    const ImageTagCheck byDate = DelegateImage::checkAge(image, today);
    QCOMPARE(result.message,
             latest == QLatin1String("26.02.88404") || latest == QLatin1String("26.12.90000")
                 ? api.message
                 : byDate.message);
}

QTEST_GUILESS_MAIN(tst_DelegateImage)
#include "tst_DelegateImage.moc"
