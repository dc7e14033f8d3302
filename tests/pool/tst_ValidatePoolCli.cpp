// gitspaces-setup validate-pool: exit codes and output format, on the built binary.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_ValidatePoolCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void compilerStyleLines();
    void imageFamilies_data();
    void imageFamilies();
    void json();
    void unreadable();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments) const;
    QString corpus(const char *name) const
    {
        return QStringLiteral(GS_TESTS_DIR "/corpus/") + QLatin1String(name);
    }
    QString m_binary;
};

void tst_ValidatePoolCli::initTestCase()
{
    m_binary = qEnvironmentVariable("GS_APP_BINARY");
    QVERIFY2(QFile::exists(m_binary), "GS_APP_BINARY must name the built gitspaces-setup");
}

tst_ValidatePoolCli::Run tst_ValidatePoolCli::run(const QStringList &arguments) const
{
    QProcess p;
    p.setProgram(m_binary);
    p.setArguments(QStringList{QStringLiteral("validate-pool")} + arguments);
    p.start();
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void tst_ValidatePoolCli::exitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("terraform shape: notes only") << corpus("terraform-gcp.yaml") << 0;
    QTest::newRow("warnings only") << corpus("duplicate-keys.yaml") << 0;
    QTest::newRow("errors") << corpus("type-values.yaml") << 1;
    QTest::newRow("syntax error") << corpus("syntax-error.yaml") << 1;
    QTest::newRow("missing file") << QStringLiteral("/nonexistent/pool.yaml") << 2;
    QTest::newRow("a folder") << QStringLiteral(GS_TESTS_DIR) << 2;
}

void tst_ValidatePoolCli::exitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QCOMPARE(run({file}).exitCode, exitCode);
    QCOMPARE(run({file, QStringLiteral("--json")}).exitCode, exitCode);
}

void tst_ValidatePoolCli::compilerStyleLines()
{
    const QString file = corpus("version-number.yaml");
    const Run r = run({file});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QString line = QString::fromUtf8(lines.first());
    QVERIFY2(line.startsWith(file + QStringLiteral(":2:10: error: `version` must be text")),
             qPrintable(line));
    QVERIFY(line.endsWith(QLatin1String(" [pool.value.type]")));
    QVERIFY(r.err.isEmpty());
}

// The two ways to write a family: one fails on VM creation (error), one works (a note).
void tst_ValidatePoolCli::imageFamilies_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // after "FILE:"
    QTest::addColumn<QString>("code");
    QTest::newRow("projects/ prefix doubles")
        << "projects/debian-cloud/global/images/family/debian-12" << 1 << "7:12: error: "
        << "pool.google.image.familyPrefix";
    QTest::newRow("family without prefix")
        << "debian-cloud/global/images/family/debian-12" << 0 << "7:12: note: "
        << "pool.google.image.family";
}

void tst_ValidatePoolCli::imageFamilies()
{
    QFETCH(QString, image);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QFETCH(QString, code);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pool.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("version: \"1\"\ninstances:\n- name: gitspaces\n  type: google\n  spec:\n"
            "    account: {project_id: my-proj, json_path: /runner/sa.json}\n"
            "    image: " +
            image.toUtf8() + "\n    machine_type: e2-standard-2\n    zone: [us-west1-a]\n");
    f.close();
    const Run r = run({file});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.err.isEmpty());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QString line = QString::fromUtf8(lines.first());
    QVERIFY2(line.startsWith(file + QLatin1Char(':') + expected), qPrintable(line));
    QVERIFY2(line.endsWith(QStringLiteral(" [%1]").arg(code)), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("debian-cloud")) &&
                 line.contains(QLatin1String("debian-12")),
             qPrintable(line));
}

void tst_ValidatePoolCli::json()
{
    const Run r = run({corpus("json-path.yaml"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QLatin1String("errors")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("warnings")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("pools")).toArray().size(), 5);
    const QJsonObject first = o.value(QLatin1String("diagnostics")).toArray().at(0).toObject();
    QCOMPARE(first.value(QLatin1String("code")).toString(),
             QStringLiteral("pool.google.jsonPath.relative"));
    QCOMPARE(first.value(QLatin1String("line")).toInt(), 9);
    QCOMPARE(first.value(QLatin1String("column")).toInt(), 20);
    QCOMPARE(first.value(QLatin1String("fix"))
                 .toObject()
                 .value(QLatin1String("edits"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("replacement"))
                 .toString(),
             QStringLiteral("/runner/service-account-key.json"));
}

void tst_ValidatePoolCli::unreadable()
{
    // Permissions do not stop root (the CI user here), so use what no user can read.
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("pool.yaml"));
    Run r = run({missing});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("cannot read"));
    QVERIFY(r.err.contains(missing.toUtf8()));
    r = run({dir.path()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("folder"));
    // No FILE, or an unknown option, is a usage error: also 2, nothing on stdout.
    r = run({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(run({missing, QStringLiteral("--yaml")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_ValidatePoolCli)
#include "tst_ValidatePoolCli.moc"
