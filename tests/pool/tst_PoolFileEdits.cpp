// The edits the "Run for me" step makes on the user's pool file, and the output formats.
#include "pool/PoolFileEdits.h"
#include "pool/PoolReportFormat.h"
#include "pool/PoolValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gs::pool;

class tst_PoolFileEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rewriteJsonPath_data();
    void rewriteJsonPath();
    void rewriteFailsWithoutJsonPath();
    void rewriteRefusesWhatItCannotEditSafely_data();
    void rewriteRefusesWhatItCannotEditSafely();
    void localKeyFile();
    void applyFixBackToFront();
    void textFormat();
    void jsonFormat();
};

void tst_PoolFileEdits::rewriteJsonPath_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");
    const QByteArray head =
        "# keep me\ninstances:\n  - name: a # and me\n    type: google\n    spec:\n";
    QTest::newRow("plain") << head + "      account:\n        json_path: sa.json   # key\n"
                           << head + "      account:\n        json_path: /runner/sa.json   # key\n";
    QTest::newRow("double quoted, terraform style")
        << QByteArray("\"instances\":\n- \"name\": \"a\"\n  \"spec\":\n    \"account\":\n"
                      "      \"json_path\": \"../keys/sa.json\"\n      \"project_id\": \"p\"\n")
        << QByteArray("\"instances\":\n- \"name\": \"a\"\n  \"spec\":\n    \"account\":\n"
                      "      \"json_path\": \"/runner/sa.json\"\n      \"project_id\": \"p\"\n");
    QTest::newRow("single quoted in flow")
        << head + "      account: {project_id: p, json_path: '~/sa.json'}\n"
        << head + "      account: {project_id: p, json_path: '/runner/sa.json'}\n";
    QTest::newRow("explicit null") << head + "      account:\n        json_path: ~\n"
                                   << head + "      account:\n        json_path: /runner/sa.json\n";
    QTest::newRow("empty value")
        << head + "      account:\n        json_path:\n        project_id: p\n"
        << head + "      account:\n        json_path: /runner/sa.json\n        project_id: p\n";
    QTest::newRow("two pools, crlf")
        << QByteArray(
               "instances:\r\n- name: a\r\n  spec:\r\n    account:\r\n      json_path: a.json\r\n"
               "- name: b\r\n  spec:\r\n    account:\r\n      json_path: \"b.json\"\r\n")
        << QByteArray(
               "instances:\r\n- name: a\r\n  spec:\r\n    account:\r\n      json_path: "
               "/runner/sa.json\r\n"
               "- name: b\r\n  spec:\r\n    account:\r\n      json_path: \"/runner/sa.json\"\r\n");
    QTest::newRow("plain over two lines")
        << head + "      account:\n        json_path: /home/admin\n          /keys/sa.json\n       "
                  " project_id: p\n"
        << head + "      account:\n        json_path: /runner/sa.json\n        project_id: p\n";
    QTest::newRow("lone CR folds a plain scalar")
        << head + "      account:\n        json_path: /home/adm\rn/sa.json\n"
        << head + "      account:\n        json_path: /runner/sa.json\n";
    QTest::newRow("anchor kept") << head + "      account:\n        json_path: &key keys/sa.json\n"
                                 << head +
                                        "      account:\n        json_path: &key /runner/sa.json\n";
    QTest::newRow("block scalar")
        << head + "      account:\n        json_path: |-\n          keys/sa.json\n\n        "
                  "project_id: p\n"
        << head + "      account:\n        json_path: /runner/sa.json\n\n        project_id: p\n";
    QTest::newRow("shared anchor rewritten once")
        << QByteArray(
               "x-acc: &acc {json_path: k.json}\ninstances:\n- {name: a, spec: {account: *acc}}\n"
               "- {name: b, spec: {account: *acc}}\n")
        << QByteArray("x-acc: &acc {json_path: /runner/sa.json}\ninstances:\n- {name: a, spec: "
                      "{account: *acc}}\n"
                      "- {name: b, spec: {account: *acc}}\n");
}

void tst_PoolFileEdits::rewriteJsonPath()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    QByteArray out;
    const gs::Result r = gs::pool::rewriteJsonPath(input, QStringLiteral("/runner/sa.json"), &out);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(out, output);
    // The result reads back with the new value.
    const auto refs = jsonPathReferences(out, QStringLiteral("/"));
    QVERIFY(!refs.isEmpty());
    for (const auto &ref : refs)
        QCOMPARE(ref.value, QStringLiteral("/runner/sa.json"));
}

void tst_PoolFileEdits::rewriteFailsWithoutJsonPath()
{
    QByteArray out = "untouched";
    QVERIFY(
        !gs::pool::rewriteJsonPath("instances: []\n", QStringLiteral("/runner/k.json"), &out).ok);
    QVERIFY(!gs::pool::rewriteJsonPath("a: [\n", QStringLiteral("/runner/k.json"), &out).ok);
    QCOMPARE(out, QByteArray("untouched"));
    // A path that needs quoting gets quotes.
    QVERIFY(gs::pool::rewriteJsonPath("instances:\n- spec:\n    account:\n      json_path: a\n",
                                      QStringLiteral("/runner/my key: #1.json"), &out)
                .ok);
    QCOMPARE(
        out,
        QByteArray(
            "instances:\n- spec:\n    account:\n      json_path: \"/runner/my key: #1.json\"\n"));
}

// Values a text edit after the key would corrupt (found by the fuzzer: an anchored empty value
// got the path written in front of its anchor). The rewrite is refused with what to do, and the
// output is left alone; the validator then reports the json_path as it is.
void tst_PoolFileEdits::rewriteRefusesWhatItCannotEditSafely_data()
{
    QTest::addColumn<QByteArray>("input");
    const QByteArray head =
        "instances:\n  - name: a\n    type: google\n    spec:\n      account:\n";
    QTest::newRow("anchored empty value")
        << head + "        json_path: &key\n        project_id: p\n";
    QTest::newRow("tagged empty value before the next key")
        << head + "        json_path: !!str\n        no_service_account: true\n";
    QTest::newRow("alias") << QByteArray("x-key: &k keys/sa.json\n") + head +
                                  "        json_path: *k\n";
    QTest::newRow("a mapping") << head + "        json_path: {file: sa.json}\n";
}

void tst_PoolFileEdits::rewriteRefusesWhatItCannotEditSafely()
{
    QFETCH(QByteArray, input);
    QByteArray out = "untouched";
    const gs::Result r = gs::pool::rewriteJsonPath(input, QStringLiteral("/runner/sa.json"), &out);
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QLatin1String("by hand")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QLatin1String("/runner/sa.json")), qPrintable(r.message));
    QCOMPARE(out, QByteArray("untouched"));
}

void tst_PoolFileEdits::localKeyFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("keys")));
    QFile key(dir.filePath(QStringLiteral("keys/sa.json")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("{}");
    key.close();
    const QByteArray text =
        "instances:\n- name: a\n  spec:\n    account:\n      json_path: missing.json\n"
        "- name: b\n  spec:\n    account:\n      json_path: keys/sa.json\n";
    QCOMPARE(gs::pool::localKeyFile(text, dir.path()),
             QDir::cleanPath(dir.filePath(QStringLiteral("keys/sa.json"))));
    const auto refs = jsonPathReferences(text, dir.path());
    QCOMPARE(refs.size(), 2);
    QCOMPARE(refs.at(0).poolName, QStringLiteral("a"));
    QCOMPARE(refs.at(0).line, 5);
    QCOMPARE(refs.at(0).localPath, QDir::cleanPath(dir.filePath(QStringLiteral("missing.json"))));
    QCOMPARE(text.mid(refs.at(1).offset, refs.at(1).length), QByteArray("keys/sa.json"));
    // No file exists: the first one named; ~ is the local home here (it is a local path).
    QCOMPARE(gs::pool::localKeyFile("instances:\n- spec: {account: {json_path: ~/k.json}}\n",
                                    dir.path()),
             QDir::homePath() + QStringLiteral("/k.json"));
    QCOMPARE(gs::pool::localKeyFile("instances: []\n", dir.path()), QString());
}

void tst_PoolFileEdits::applyFixBackToFront()
{
    Fix fix{QStringLiteral("two"), {TextEdit{0, 1, "AA"}, TextEdit{4, 1, "BB"}}};
    QCOMPARE(applyFix("a123b5", fix), QByteArray("AA123BB5"));
    Fix outside{QStringLiteral("bad"), {TextEdit{10, 1, "x"}}};
    QCOMPARE(applyFix("abc", outside), QByteArray("abc"));
}

void tst_PoolFileEdits::textFormat()
{
    const PoolReport report =
        validatePool("version: 1\ninstances:\n- {name: a, type: gcp, spec: {}}\n");
    const QString text = formatReportText(QStringLiteral("pool.yaml"), report);
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QLatin1String("pool.yaml:1:10: error: `version` must be text")));
    QVERIFY(lines.at(0).endsWith(QLatin1String(" [pool.value.type]")));
    QVERIFY(lines.at(1).startsWith(QLatin1String("pool.yaml:3:19: error: ")));
    QVERIFY(lines.at(1).endsWith(QLatin1String(" [pool.type.alias]")));
}

void tst_PoolFileEdits::jsonFormat()
{
    const PoolReport report =
        validatePool("version: 1\ninstances:\n- {name: a, type: gcp, spec: {}}\n");
    const QJsonObject o = reportToJson(QStringLiteral("pool.yaml"), report);
    QCOMPARE(o.value(QLatin1String("file")).toString(), QStringLiteral("pool.yaml"));
    QCOMPARE(o.value(QLatin1String("errors")).toInt(), 2);
    const QJsonArray ds = o.value(QLatin1String("diagnostics")).toArray();
    QCOMPARE(ds.size(), 2);
    const QJsonObject d = ds.at(0).toObject();
    QCOMPARE(d.value(QLatin1String("line")).toInt(), 1);
    QCOMPARE(d.value(QLatin1String("column")).toInt(), 10);
    QCOMPARE(d.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(d.value(QLatin1String("code")).toString(), QStringLiteral("pool.value.type"));
    const QJsonObject fix = d.value(QLatin1String("fix")).toObject();
    QCOMPARE(fix.value(QLatin1String("edits"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("replacement"))
                 .toString(),
             QStringLiteral("\"1\""));
    const QJsonArray pools = o.value(QLatin1String("pools")).toArray();
    QCOMPARE(pools.size(), 1);
    QCOMPARE(pools.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("a"));
    QCOMPARE(pools.at(0).toObject().value(QLatin1String("limit")).toInt(), 100);
}

QTEST_GUILESS_MAIN(tst_PoolFileEdits)
#include "tst_PoolFileEdits.moc"
