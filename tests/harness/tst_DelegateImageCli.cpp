// Without a Harness API key, the delegate image's age (by its tag's date) reaches the admin from
// every command that decides or uses the image: `commands`, `check` and `apply`. The default
// config's documented tag, 25.03.85504, is long past Harness's six-month expiry.
#include "harness/DelegateImage.h"
#include "plan/SetupConfig.h"

#include <QDate>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

class tst_DelegateImageCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commandsWarnsAtTheDelegateStep_data();
    void commandsWarnsAtTheDelegateStep();
    void scriptStaysThePlansWarningOnStderr();
    void checkAndApplyWarnBeforeConnecting_data();
    void checkAndApplyWarnBeforeConnecting();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments) const;
    // A config whose SSH target refuses at once (port 1 on loopback); `image` empty: the default.
    QString writeConfig(const QString &image) const;

    QTemporaryDir m_dir;
    QString m_binary;
};

void tst_DelegateImageCli::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // as the binary runs: LC_ALL=C, month names in English
    m_binary = qEnvironmentVariable("GS_APP_BINARY");
    QVERIFY2(QFile::exists(m_binary), "GS_APP_BINARY must name the built gitspaces-setup");
    QVERIFY(m_dir.isValid());
    QFile pool(m_dir.filePath(QStringLiteral("pool.yaml")));
    QVERIFY(pool.open(QIODevice::WriteOnly));
    pool.write("version: \"1\"\ninstances: []\n");
}

tst_DelegateImageCli::Run tst_DelegateImageCli::run(const QStringList &arguments) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path()); // no ssh config, no known_hosts of ours
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("GITSPACES_DELEGATE_TOKEN"),
               QStringLiteral("Q0FOQVJZLWNhbmFyeS10b2tlbi0wMTIzNDU2Nzg5YWI="));
    env.remove(QStringLiteral("GITSPACES_HARNESS_API_KEY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain
    p.setProcessEnvironment(env);
    p.start(m_binary, arguments);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString tst_DelegateImageCli::writeConfig(const QString &image) const
{
    static int serial = 0;
    const QString path = m_dir.filePath(QStringLiteral("setup-%1.yaml").arg(++serial));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = "ssh:\n  host: 127.0.0.1\n  port: 1\n  user: admin\n"
                      "runner:\n  pool_file: pool.yaml\n"
                      "delegate:\n  account_id: 6_vVHzo9Qeu9fXvj-AcQCb\n  tags: [gitspaces]\n";
    if (!image.isEmpty())
        text += "  image: " + image.toUtf8() + '\n';
    f.write(text);
    return path;
}

static QString tagMonthsAgo(int months)
{
    return QStringLiteral("harness/delegate:") +
           QDate::currentDate().addMonths(-months).toString(QStringLiteral("yy.MM")) +
           QStringLiteral(".88404");
}

void tst_DelegateImageCli::commandsWarnsAtTheDelegateStep_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("comment"); // empty: no comment at all
    QTest::newRow("default config")
        << QString() << "# Warning: The delegate image tag 25.03.85504 is from";
    QTest::newRow("5 months") << tagMonthsAgo(5) << "# Warning: The delegate image tag";
    QTest::newRow("fresh") << tagMonthsAgo(1) << QString();
    QTest::newRow("digest only: a note")
        << QStringLiteral("harness/delegate@sha256:"
                          "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        << "# Note: The delegate image is pinned by digest";
}

void tst_DelegateImageCli::commandsWarnsAtTheDelegateStep()
{
    QFETCH(QString, image);
    QFETCH(QString, comment);
    const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"), writeConfig(image)});
    QCOMPARE(r.exitCode, 0);
    const QString effective = image.isEmpty() ? SetupConfig().delegate.image : image;
    const QString message = harness::DelegateImage::checkAge(effective).message;
    if (comment.isEmpty()) {
        QVERIFY(message.isEmpty());
        QVERIFY2(!r.out.contains(QLatin1String("# Warning:")), qPrintable(r.out));
        return;
    }
    // One comment line, the same message as everywhere else, right under the delegate step's
    // title and before its commands.
    const qsizetype at = r.out.indexOf(comment);
    QVERIFY2(at >= 0, qPrintable(r.out));
    QCOMPARE(r.out.count(comment), 1);
    QVERIFY(r.out.mid(at).section(QLatin1Char('\n'), 0, 0).endsWith(message));
    const qsizetype step = r.out.lastIndexOf(QLatin1String("\n## "), at);
    QVERIFY(step >= 0);
    QVERIFY2(r.out.mid(step, at - step).contains(QLatin1String("delegate"), Qt::CaseInsensitive),
             qPrintable(r.out.mid(step, at - step)));
    QVERIFY(r.out.indexOf(QLatin1String("docker run"), at) > at);
}

// `commands --script` prints the plan's script byte for byte (as "Export script…" does): the
// finding goes to the terminal instead.
void tst_DelegateImageCli::scriptStaysThePlansWarningOnStderr()
{
    const Run r = run({QStringLiteral("commands"), QStringLiteral("--config"),
                       writeConfig(QString()), QStringLiteral("--script")});
    QCOMPARE(r.exitCode, 0);
    const QString message = harness::DelegateImage::checkAge(SetupConfig().delegate.image).message;
    QVERIFY2(r.err.contains(QStringLiteral("gitspaces-setup commands: Warning: ") + message),
             qPrintable(r.err));
    QVERIFY(!r.out.contains(message));
    QVERIFY(r.out.startsWith(QLatin1String("#!")));

    const Run fresh = run({QStringLiteral("commands"), QStringLiteral("--config"),
                           writeConfig(tagMonthsAgo(0)), QStringLiteral("--script")});
    QCOMPARE(fresh.exitCode, 0);
    QVERIFY2(fresh.err.isEmpty(), qPrintable(fresh.err));
}

void tst_DelegateImageCli::checkAndApplyWarnBeforeConnecting_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("check") << "check";
    QTest::newRow("apply") << "apply";
}

void tst_DelegateImageCli::checkAndApplyWarnBeforeConnecting()
{
    QFETCH(QString, command);
    // --offline: no Harness to ask, and nothing to reach on port 1. The age is said all the same,
    // before the connection fails.
    const Run r = run(
        {command, QStringLiteral("--config"), writeConfig(QString()), QStringLiteral("--offline")});
    QCOMPARE(r.exitCode, 1);
    const QString message = harness::DelegateImage::checkAge(SetupConfig().delegate.image).message;
    QVERIFY(message.contains(QLatin1String("expired around")));
    const qsizetype at = r.out.indexOf(QStringLiteral("  [harness] ") + message);
    QVERIFY2(at >= 0, qPrintable(r.out + r.err));
    const qsizetype connecting = r.out.indexOf(QLatin1String("Connecting to"));
    QVERIFY2(connecting > at, qPrintable(r.out));

    // A fresh tag: nothing to say.
    const Run fresh = run({command, QStringLiteral("--config"), writeConfig(tagMonthsAgo(0)),
                           QStringLiteral("--offline")});
    QVERIFY2(!fresh.out.contains(QLatin1String("[harness]")), qPrintable(fresh.out));
}

QTEST_GUILESS_MAIN(tst_DelegateImageCli)
#include "tst_DelegateImageCli.moc"
