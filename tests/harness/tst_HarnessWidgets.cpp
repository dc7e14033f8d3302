// The two Harness widgets (offscreen) against the local server that answers like Harness.
#include "HarnessTestUtil.h"
#include "TestHttpServer.h"
#include "harness/AccountCheckWidget.h"
#include "harness/DelegateStatusWidget.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace gs;
using namespace gs::harness;
using namespace gs::test;

class tst_HarnessWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void accountCheckIsDebounced();
    void accountCheckShowsOk();
    void accountFormatErrorSendsNothing();
    void notOnClusterOffersOtherClusters();
    void cannotReachIsShown();
    void apiKeyProposesImage();
    void badApiKeyIsShown();
    void currentImageIsCompared();
    void keyAfterAccountAsksOnlyForVersion();
    void staleAnswerIsDropped();
    void editReplacesTheVerdictAtOnce();
    void delegateStatusConnected();
    void delegateStatusNotYetAndNotFound();
    void delegateStatusErrors();
    void widgetsNeverLogTheKey(); // last: checks everything the tests above logged

private:
    static QString textOf(QWidget *w, const char *name)
    {
        auto *label = w->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
    }
    static QString stateOf(QWidget *w, const char *name)
    {
        auto *label = w->findChild<QLabel *>(QLatin1String(name));
        return label ? label->property("state").toString() : QString();
    }
    HarnessClient *newClient()
    {
        auto *client = new HarnessClient(this);
        client->setTimeout(std::chrono::seconds(5));
        client->addCaCertificates(m_pki.ca.toPem());
        return client;
    }

    TestPki m_pki;
    TestHttpServer *m_server = nullptr;   // cluster A: has the account
    TestHttpServer *m_clusterB = nullptr; // cluster B: does not
    FakeHarness m_fake;
    FakeHarness m_fakeB;
};

void tst_HarnessWidgets::initTestCase()
{
    LogCapture::install();
    const QString pkiError = m_pki.create();
    QVERIFY2(pkiError.isEmpty(), qPrintable(pkiError));
    m_server = new TestHttpServer(this);
    QVERIFY(m_server->listenTls(m_pki.serverCert, m_pki.serverKey));
    m_server->setHandler([this](const TestHttpServer::Request &r) { return m_fake.handle(r); });
    m_clusterB = new TestHttpServer(this);
    QVERIFY(m_clusterB->listenTls(m_pki.serverCert, m_pki.serverKey));
    m_clusterB->setHandler([this](const TestHttpServer::Request &r) { return m_fakeB.handle(r); });
}

void tst_HarnessWidgets::init()
{
    m_fake = FakeHarness();
    m_fakeB = FakeHarness();
    m_fakeB.accounts = {QStringLiteral("someone-elses-account0")};
    m_server->clearRequests();
    m_clusterB->clearRequests();
}

void tst_HarnessWidgets::accountCheckIsDebounced()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(1000); // generous: keystrokes must not outlast it on a busy host
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    widget.setManagerUrl(m_server->baseUrl());
    // Overtyping a valid id character by character (each step is a well-formed id, so only the
    // debounce keeps these from being sent): one request at the end, not one per keystroke.
    for (int i = 0; i <= kAccount.size(); ++i) {
        widget.setAccountId(kAccount.left(i) + QString(kAccount.size() - i, QLatin1Char('A')));
        QTest::qWait(10);
    }
    QVERIFY(widget.isChecking());
    QVERIFY(checked.wait(10000));
    QTest::qWait(1200);
    QCOMPARE(checked.size(), 1);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().constFirst().path,
             QStringLiteral("/api/account/%1/status").arg(kAccount));
}

void tst_HarnessWidgets::accountCheckShowsOk()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.at(0).at(0).value<AccountCheckResult>().verdict,
             AccountCheckResult::Verdict::Ok);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("ok"));
    QVERIFY(
        textOf(&widget, "accountCheckStatusLabel").contains(QLatin1String("is on this cluster")));
    QVERIFY(!widget.findChild<QWidget *>(QStringLiteral("tryClusterBox"))->isVisible());
    // No key: no version lookup, no image proposal.
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("useImageButton"))->isVisible());
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!widget.isChecking());
}

void tst_HarnessWidgets::accountFormatErrorSendsNothing()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(QStringLiteral("too short"));
    QTest::qWait(200);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("idle"));
    QCOMPARE(textOf(&widget, "accountCheckStatusLabel"),
             InputChecks::accountId(QStringLiteral("too short")));
    QVERIFY(m_server->requests().isEmpty());
}

void tst_HarnessWidgets::notOnClusterOffersOtherClusters()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    // The local "clusters": B (where the user started, wrong) and A (where the account is).
    widget.setCandidateClusters(
        {{QStringLiteral("a"), QStringLiteral("Cluster A"), m_server->baseUrl()},
         {QStringLiteral("b"), QStringLiteral("Cluster B"), m_clusterB->baseUrl()},
         {QStringLiteral("custom"), QStringLiteral("Custom"), QString()}});
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    QSignalSpy suggested(&widget, &AccountCheckWidget::clusterSuggested);
    widget.setManagerUrl(m_clusterB->baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.at(0).at(0).value<AccountCheckResult>().verdict,
             AccountCheckResult::Verdict::NotOnCluster);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("error"));
    QVERIFY(
        textOf(&widget, "accountCheckStatusLabel").contains(QLatin1String("not on this cluster")));

    QVERIFY(widget.findChild<QWidget *>(QStringLiteral("tryClusterBox"))->isVisible());
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("tryClusterButton_b")));      // current
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("tryClusterButton_custom"))); // no URL
    auto *tryA = widget.findChild<QPushButton *>(QStringLiteral("tryClusterButton_a"));
    QVERIFY(tryA);
    QVERIFY(tryA->text().contains(QLatin1String("Cluster A")));

    QTest::mouseClick(tryA, Qt::LeftButton);
    QCOMPARE(suggested.size(), 1);
    QCOMPARE(suggested.at(0).at(0).toString(), m_server->baseUrl());
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.at(1).at(0).value<AccountCheckResult>().verdict,
             AccountCheckResult::Verdict::Ok);
    QCOMPARE(widget.managerUrl(), m_server->baseUrl());
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("ok"));
    QTRY_VERIFY(!widget.findChild<QPushButton *>(QStringLiteral("tryClusterButton_a")));
}

void tst_HarnessWidgets::cannotReachIsShown()
{
    TestHttpServer untrusted;
    QVERIFY(untrusted.listenTls(m_pki.selfSignedCert, m_pki.selfSignedKey));
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    widget.setManagerUrl(untrusted.baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(checked.wait(10000));
    const auto result = checked.at(0).at(0).value<AccountCheckResult>();
    QCOMPARE(result.verdict, AccountCheckResult::Verdict::CannotReach);
    QCOMPARE(result.failure, Failure::Tls);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("error"));
    QVERIFY(textOf(&widget, "accountCheckStatusLabel").contains(QLatin1String("TLS")));
    QVERIFY(untrusted.requests().isEmpty());

    // "Check again" re-runs it.
    QTest::mouseClick(widget.findChild<QPushButton *>(QStringLiteral("accountRecheckButton")),
                      Qt::LeftButton);
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.size(), 2);
}

void tst_HarnessWidgets::apiKeyProposesImage()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    QSignalSpy version(&widget, &AccountCheckWidget::latestVersionChecked);
    QSignalSpy useImage(&widget, &AccountCheckWidget::useImageRequested);
    QSignalSpy edited(&widget, &AccountCheckWidget::apiKeyEdited);
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    // The user types the key: the page hears about it to keep it in the keychain.
    auto *keyEdit = widget.findChild<QLineEdit *>(QStringLiteral("harnessApiKeyEdit"));
    QVERIFY(keyEdit);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(keyEdit, kCanaryKey);
    QCOMPARE(edited.size(), kCanaryKey.size());
    QCOMPARE(edited.constLast().at(0).toString(), kCanaryKey);
    QVERIFY(version.wait(10000));
    const auto result = version.constLast().at(0).value<LatestVersionResult>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    const QString image = HarnessClient::defaultImageRepository() + QLatin1Char(':') + kVersion;
    QCOMPARE(widget.proposedImage(), image);
    QVERIFY(textOf(&widget, "latestVersionLabel").contains(image));
    auto *use = widget.findChild<QPushButton *>(QStringLiteral("useImageButton"));
    QVERIFY(use->isVisible());
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(useImage.size(), 1);
    QCOMPARE(useImage.at(0).at(0).toString(), image);
    QCOMPARE(m_server->requests().constLast().headers.value("x-api-key"), kCanaryKey.toLatin1());
}

void tst_HarnessWidgets::badApiKeyIsShown()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    QSignalSpy version(&widget, &AccountCheckWidget::latestVersionChecked);
    QSignalSpy edited(&widget, &AccountCheckWidget::apiKeyEdited);
    widget.setApiKey(QStringLiteral("pat.wrong.key.value"));
    QCOMPARE(edited.size(), 0); // set by the page, not typed
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(version.wait(10000));
    QCOMPARE(version.at(0).at(0).value<LatestVersionResult>().failure, Failure::Unauthorized);
    QCOMPARE(stateOf(&widget, "latestVersionLabel"), QStringLiteral("error"));
    QVERIFY(textOf(&widget, "latestVersionLabel").contains(QLatin1String("401")));
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("useImageButton"))->isVisible());
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("ok"));
}

void tst_HarnessWidgets::currentImageIsCompared()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    QSignalSpy version(&widget, &AccountCheckWidget::latestVersionChecked);
    widget.setCurrentImage(
        QStringLiteral("us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504"));
    widget.setApiKey(kCanaryKey);
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(version.wait(10000));
    QCOMPARE(stateOf(&widget, "latestVersionLabel"), QStringLiteral("warning"));
    QVERIFY2(textOf(&widget, "latestVersionLabel").contains(QLatin1String("expire")),
             qPrintable(textOf(&widget, "latestVersionLabel")));
    auto *use = widget.findChild<QPushButton *>(QStringLiteral("useImageButton"));
    QVERIFY(use->isVisible());

    // The page takes the proposal: nothing left to propose.
    widget.setCurrentImage(widget.proposedImage());
    QCOMPARE(stateOf(&widget, "latestVersionLabel"), QStringLiteral("ok"));
    QVERIFY(textOf(&widget, "latestVersionLabel").contains(QLatin1String("current")));
    QVERIFY(!use->isVisible());
}

void tst_HarnessWidgets::keyAfterAccountAsksOnlyForVersion()
{
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    widget.show();
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    QSignalSpy version(&widget, &AccountCheckWidget::latestVersionChecked);
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    QVERIFY(checked.wait(10000));
    QCOMPARE(version.size(), 0);

    widget.setApiKey(kCanaryKey); // e.g. read from the keychain later
    QVERIFY(version.wait(10000));
    QVERIFY(version.constLast().at(0).value<LatestVersionResult>().ok());
    QCOMPARE(checked.size(), 1);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).path,
             QStringLiteral("/ng/api/delegate-setup/latest-supported-version"));
    QVERIFY(widget.findChild<QPushButton *>(QStringLiteral("useImageButton"))->isVisible());

    // Clearing the key withdraws the proposal.
    widget.setApiKey(QString());
    QTRY_VERIFY(!widget.findChild<QPushButton *>(QStringLiteral("useImageButton"))->isVisible());
    QTRY_VERIFY(!widget.findChild<QLabel *>(QStringLiteral("latestVersionLabel"))->isVisible());
    QVERIFY(widget.proposedImage().isEmpty());
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(checked.size(), 1);
}

void tst_HarnessWidgets::staleAnswerIsDropped()
{
    // A slow answer for the old cluster must not overwrite the answer for the new one.
    m_fakeB.delayMs = 1500;
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(0);
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    widget.setAccountId(kAccount);
    widget.setManagerUrl(m_clusterB->baseUrl());
    QTRY_COMPARE(m_clusterB->requests().size(), 1);
    widget.setManagerUrl(m_server->baseUrl());
    QVERIFY(checked.wait(10000));
    QTest::qWait(1800);
    QCOMPARE(checked.size(), 1);
    QCOMPARE(checked.at(0).at(0).value<AccountCheckResult>().verdict,
             AccountCheckResult::Verdict::Ok);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("ok"));
}

void tst_HarnessWidgets::editReplacesTheVerdictAtOnce()
{
    // While the next check waits for typing to stop, the old verdict must not stay on screen:
    // "is on this cluster" next to an account id that was never checked would be a lie.
    AccountCheckWidget widget(newClient());
    widget.setDebounceInterval(60000);
    QCOMPARE(textOf(&widget, "accountCheckStatusLabel"),
             QStringLiteral("Enter the account id to check it."));
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("checking"));
    QVERIFY(textOf(&widget, "accountCheckStatusLabel").contains(kAccount));
    QVERIFY(m_server->requests().isEmpty()); // still waiting for typing to stop
    QSignalSpy checked(&widget, &AccountCheckWidget::accountChecked);
    widget.checkNow();
    QVERIFY(checked.wait(10000));
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("ok"));

    widget.setAccountId(kAccount.chopped(1) + QLatin1Char('Z'));
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("checking"));
    widget.setAccountId(QStringLiteral("too short"));
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("idle"));
    QCOMPARE(textOf(&widget, "accountCheckStatusLabel"),
             InputChecks::accountId(QStringLiteral("too short")));
    widget.setManagerUrl(QString());
    widget.setAccountId(kAccount);
    QCOMPARE(stateOf(&widget, "accountCheckStatusLabel"), QStringLiteral("idle"));
    QCOMPARE(m_server->requests().size(), 1);
}

void tst_HarnessWidgets::delegateStatusConnected()
{
    m_fake.delegates = {
        FakeHarness::delegate(QStringLiteral("gitspaces"), true, 5000,
                              {QStringLiteral("runner-vm-1"), QStringLiteral("runner-vm-2")})};
    DelegateStatusWidget widget(newClient());
    widget.show();
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    widget.setDelegateName(QStringLiteral("gitspaces"));
    widget.setApiKey(kCanaryKey);
    widget.setExpectedHostName(QStringLiteral("runner-vm-2"));
    QSignalSpy checked(&widget, &DelegateStatusWidget::checked);
    auto *button = widget.findChild<QPushButton *>(QStringLiteral("checkInHarnessButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled());
    QVERIFY(widget.isChecking());
    QVERIFY(checked.wait(10000));
    QVERIFY(button->isEnabled());
    QCOMPARE(checked.at(0).at(0).value<DelegateStatusResult>().state,
             DelegateStatusResult::State::Connected);
    QCOMPARE(stateOf(&widget, "delegateStatusLabel"), QStringLiteral("connected"));
    QVERIFY2(textOf(&widget, "delegateStatusLabel").contains(QLatin1String("connected in Harness")),
             qPrintable(textOf(&widget, "delegateStatusLabel")));

    auto *view = widget.findChild<QTreeWidget *>(QStringLiteral("delegateReplicasView"));
    QVERIFY(view && view->isVisible());
    QCOMPARE(view->topLevelItemCount(), 2);
    QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("runner-vm-1"));
    QCOMPARE(view->topLevelItem(0)->text(1), kVersion);
    QCOMPARE(view->topLevelItem(1)->text(0), QStringLiteral("runner-vm-2"));
    QVERIFY(view->topLevelItem(1)->font(0).bold());
    QVERIFY(!view->topLevelItem(0)->font(0).bold());
}

void tst_HarnessWidgets::delegateStatusNotYetAndNotFound()
{
    DelegateStatusWidget widget(newClient());
    widget.show();
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    widget.setDelegateName(QStringLiteral("gitspaces"));
    widget.setApiKey(kCanaryKey);
    QSignalSpy checked(&widget, &DelegateStatusWidget::checked);

    m_fake.delegates = {FakeHarness::delegate(QStringLiteral("gitspaces"), false, 1000)};
    widget.check();
    QVERIFY(checked.wait(10000));
    QCOMPARE(stateOf(&widget, "delegateStatusLabel"), QStringLiteral("not-yet"));
    QCOMPARE(widget.findChild<QTreeWidget *>(QStringLiteral("delegateReplicasView"))
                 ->topLevelItemCount(),
             1);

    m_fake.delegates = {};
    widget.check();
    QVERIFY(checked.wait(10000));
    QCOMPARE(stateOf(&widget, "delegateStatusLabel"), QStringLiteral("not-found"));
    QVERIFY(textOf(&widget, "delegateStatusLabel").contains(QLatin1String("\"gitspaces\"")));
    QVERIFY(!widget.findChild<QTreeWidget *>(QStringLiteral("delegateReplicasView"))->isVisible());
}

void tst_HarnessWidgets::delegateStatusErrors()
{
    DelegateStatusWidget widget(newClient());
    widget.setManagerUrl(m_server->baseUrl());
    widget.setAccountId(kAccount);
    widget.setDelegateName(QStringLiteral("gitspaces"));
    QSignalSpy checked(&widget, &DelegateStatusWidget::checked);
    QSignalSpy edited(&widget, &DelegateStatusWidget::apiKeyEdited);

    // No key: says so, sends nothing.
    widget.check();
    QVERIFY(checked.wait(10000));
    QCOMPARE(stateOf(&widget, "delegateStatusLabel"), QStringLiteral("error"));
    QVERIFY(textOf(&widget, "delegateStatusLabel").contains(QLatin1String("API key")));
    QVERIFY(m_server->requests().isEmpty());

    // Typed key, server error.
    QTest::keyClicks(widget.findChild<QLineEdit *>(QStringLiteral("harnessApiKeyEdit")),
                     kCanaryKey);
    QCOMPARE(edited.constLast().at(0).toString(), kCanaryKey);
    m_fake.forceStatus = 503;
    widget.check();
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.constLast().at(0).value<DelegateStatusResult>().failure, Failure::ServerError);
    QVERIFY(textOf(&widget, "delegateStatusLabel").contains(QLatin1String("503")));

    // Malformed answer.
    m_fake.forceStatus = 200;
    m_fake.forceBody = "{\"resource\": [";
    widget.check();
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.constLast().at(0).value<DelegateStatusResult>().failure,
             Failure::MalformedResponse);
}

void tst_HarnessWidgets::widgetsNeverLogTheKey()
{
    const QStringList lines = LogCapture::lines();
    QVERIFY2(!lines.isEmpty(), "the log capture saw nothing; it would prove nothing");
    for (const QString &line : lines)
        QVERIFY2(!line.contains(kCanaryKey), qPrintable(QStringLiteral("key leaked: ") + line));
}

QTEST_MAIN(tst_HarnessWidgets)
#include "tst_HarnessWidgets.moc"
