// Issue 11: once the step that used it has ended and its objects are gone, no copy of the
// delegate token is left in the process's memory - not held, and not in freed heap either. The
// token is random, made at run time, and this test only ever keeps it masked (HeapScan.h).

#include "FakeHost.h"
#include "FakeRemoteSession.h"
#include "HeapScan.h"

#include "steps/SetupRun.h"
#include "steps/StepContext.h"
#include "steps/Transcript.h"
#include "util/Secret.h"

#include <QRandomGenerator>
#include <QTest>

#include <malloc.h>
#include <memory>

using namespace gs;
using namespace gs::steps;
using namespace gs::test;

namespace {

// A fresh token in the delegate token's format (base64 of 32 bytes) as a Secret; `masked` gets
// it XOR-ed with kHeapScanMask. The parts it was made from are wiped.
Secret makeCanary(QByteArray *masked)
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    QByteArray plain = random.toBase64();
    wipe(random);
    masked->clear();
    for (const char c : std::as_const(plain))
        masked->append(char(c ^ kHeapScanMask));
    return Secret::take(plain);
}

// Where in `data` the secret (masked) starts, or nullptr.
const char *findMasked(const QByteArray &data, const QByteArray &masked)
{
    for (qsizetype i = 0; i + masked.size() <= data.size(); ++i) {
        if (matchesMasked(data.constData() + i, masked))
            return data.constData() + i;
    }
    return nullptr;
}

} // namespace

class tst_SecretHeap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenLeavesNoCopy_data();
    void tokenLeavesNoCopy();
};

void tst_SecretHeap::initTestCase()
{
    // Freed memory must stay where the scan sees it: glibc would otherwise give the top of the
    // heap back to the system (and with it a copy that was never zeroed), and serve larger
    // blocks from mappings that are unmapped when freed.
    QVERIFY(mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1);
    QVERIFY(mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1);
}

void tst_SecretHeap::tokenLeavesNoCopy_data()
{
    QTest::addColumn<bool>("sudoPassword");
    QTest::newRow("docker group") << false; // the token's own buffer goes to the command
    QTest::newRow("sudo password") << true; // a new buffer: password line, then the token
}

void tst_SecretHeap::tokenLeavesNoCopy()
{
    QFETCH(bool, sudoPassword);
    HeapScanner scanner; // its buffers first: a scan must not reuse the memory it looks at
    QByteArray masked;
    QByteArray masked16;
    bool delegateGotToken = false;
    const char *stdinToken = nullptr; // where the token was in the delegate's stdin
    bool stdinLeftAfterRun = false;   // still there once the command had finished
    {
        auto session = std::make_unique<FakeRemoteSession>();
        session->recordStdin = false; // the real session keeps no stdin either
        auto host = std::make_unique<FakeHost>();
        if (sudoPassword) {
            host->dockerGroupSession = false;
            host->dockerGroupFile = false;
            host->sudoPassword = "pw-Secret-42";
        }
        host->install(session.get());
        // The delegate's start as FakeHost answers it, without keeping the stdin.
        session->prepend(QStringLiteral("--name docker-delegate"), [&](const QString &,
                                                                       const QByteArray &in) {
            stdinToken = findMasked(in, masked);
            delegateGotToken = stdinToken != nullptr;
            ++host->delegateRuns;
            host->delegate = kDelegateImage + QStringLiteral("|running|healthy|sha256:delegate");
            return FakeRemoteSession::exited(0, "4567ef\n");
        });
        // The first poll after the start: the command finished, StepJob let go of its stdin.
        session->prepend(QStringLiteral("docker logs --tail 400"), [&](const QString &,
                                                                       const QByteArray &) {
            if (stdinToken)
                stdinLeftAfterRun = scanner.holdsAt(stdinToken, masked);
            stdinToken = nullptr;
            return FakeRemoteSession::exited(0, "@@state=running|healthy|0|4567ef012345\n"
                                                "@@log=INFO Delegate registered with id abc123\n");
        });
        auto transcript = std::make_unique<Transcript>();
        auto context = std::make_unique<StepContext>(session.get(), testConfig(), transcript.get());
        context->options().checkOutbound = false;
        context->options().pollIntervalMs = 10;
        context->setToken(makeCanary(&masked), SecretSource::Typed);
        masked16 = maskedUtf16(masked);
        if (sudoPassword)
            context->setSudoPassword(host->sudoPassword);
        {
            SetupRun run(context.get(), SetupRun::Mode::Apply);
            run.setAutoAnswer(recommended());
            QVERIFY(runToEnd(run));
        }
        QVERIFY(delegateGotToken);
        QVERIFY(!stdinLeftAfterRun);
        // The scan sees the token while the run's context still holds it.
        QVERIFY(scanner.occurrences(masked) >= 1);
        QVERIFY(scanner.occurrences(masked16) >= 1); // the redactor's QString
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    // Counted first, compared after: QCOMPARE allocates.
    const int utf8Copies = scanner.occurrences(masked);
    const int utf16Copies = scanner.occurrences(masked16);
    QCOMPARE(utf8Copies, 0);
    QCOMPARE(utf16Copies, 0);
}

QTEST_GUILESS_MAIN(tst_SecretHeap)
#include "tst_SecretHeap.moc"
