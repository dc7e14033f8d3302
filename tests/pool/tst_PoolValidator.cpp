// The validator against the corpus: every file states the findings it must produce, as
//   # expect: SEVERITY CODE LINE:COLUMN
// and nothing else may be reported. GS_POOL_CORPUS_PRINT=1 prints what a file produces.
#include "pool/PoolFileEdits.h"
#include "pool/PoolValidator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace gs::pool;

namespace {

QString corpusDir()
{
    return QStringLiteral(GS_TESTS_DIR "/corpus");
}

QString key(const Diagnostic &d)
{
    return QStringLiteral("%1 %2 %3:%4")
        .arg(severityName(d.severity), d.code)
        .arg(d.line)
        .arg(d.column);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class tst_PoolValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data();
    void corpus();
    void fixesResolveTheirFinding_data() { corpus_data(); }
    void fixesResolveTheirFinding();
    void typeRules_data();
    void typeRules();
    void fixText_data();
    void fixText();
    void poolTable();
    void positionsCountCharacters();
};

void tst_PoolValidator::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files =
        QDir(corpusDir()).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 20, "the corpus is missing");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << corpusDir() + QLatin1Char('/') + f;
}

void tst_PoolValidator::corpus()
{
    QFETCH(QString, path);
    const QByteArray text = readFile(path);
    QVERIFY(!text.isEmpty());
    QStringList expected;
    int expectedPools = -1;
    static const QRegularExpression expectRe(QStringLiteral("^# expect: (.+)$"),
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression poolsRe(QStringLiteral("^# expect-pools: (\\d+)"),
                                            QRegularExpression::MultilineOption);
    const QString s = QString::fromUtf8(text);
    for (auto it = expectRe.globalMatch(s); it.hasNext();)
        expected << it.next().captured(1).trimmed();
    if (const auto m = poolsRe.match(s); m.hasMatch())
        expectedPools = m.captured(1).toInt();

    const PoolReport report = validatePool(text);
    QStringList actual;
    for (const Diagnostic &d : report.diagnostics) {
        actual << key(d);
        // Every finding is placed inside the file and says something.
        QVERIFY(d.line >= 1 && d.column >= 1);
        QVERIFY(d.offset + d.length <= text.size());
        QVERIFY(!d.message.isEmpty());
        QVERIFY(d.code.startsWith(QLatin1String("pool.")));
    }
    if (qEnvironmentVariableIsSet("GS_POOL_CORPUS_PRINT")) {
        for (const Diagnostic &d : report.diagnostics)
            qInfo().noquote() << "# expect:" << key(d) << "  --" << d.message;
    }
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    if (expectedPools >= 0)
        QCOMPARE(report.pools.size(), expectedPools);
}

void tst_PoolValidator::fixesResolveTheirFinding()
{
    QFETCH(QString, path);
    const QByteArray text = readFile(path);
    const PoolReport report = validatePool(text);
    for (const Diagnostic &d : report.diagnostics) {
        if (!d.fix)
            continue;
        QVERIFY(!d.fix->title.isEmpty());
        const QByteArray fixed = applyFix(text, *d.fix);
        QVERIFY(fixed != text);
        const PoolReport after = validatePool(fixed);
        const auto count = [&](const PoolReport &r) {
            return std::count_if(r.diagnostics.cbegin(), r.diagnostics.cend(),
                                 [&](const Diagnostic &x) { return x.code == d.code; });
        };
        QVERIFY2(count(after) < count(report),
                 qPrintable(QStringLiteral("fix \"%1\" for %2 did not remove it:\n%3")
                                .arg(d.fix->title, key(d), QString::fromUtf8(fixed))));
        for (const Diagnostic &x : after.diagnostics)
            QVERIFY2(x.code != QLatin1String("pool.yaml.syntax"), qPrintable(d.fix->title));
    }
}

// Go's encoding/json after ghodss/yaml: no coercion between YAML scalars and Go types.
void tst_PoolValidator::typeRules_data()
{
    QTest::addColumn<QByteArray>("value"); // spec.disk.size (int) or spec.machine_type (string)
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<bool>("accepted");
    const QByteArray intField = "size", strField = "type";
    QTest::newRow("int 100") << QByteArray("100") << intField << true;
    QTest::newRow("int quoted") << QByteArray("\"100\"") << intField << false;
    QTest::newRow("int hex") << QByteArray("0x64") << intField << true;
    QTest::newRow("int underscore") << QByteArray("1_000") << intField << true;
    QTest::newRow("int float whole") << QByteArray("100.0") << intField << true;
    QTest::newRow("int float frac") << QByteArray("1.5") << intField << false;
    // Whole, but beyond int64: no int field takes it (and casting it would be undefined).
    QTest::newRow("int float huge") << QByteArray("-1e+31") << intField << false;
    QTest::newRow("int float 2^63") << QByteArray("9223372036854775808.0") << intField << false;
    QTest::newRow("int bool") << QByteArray("true") << intField << false;
    QTest::newRow("int null") << QByteArray("~") << intField << true;
    QTest::newRow("int empty") << QByteArray("") << intField << true;
    QTest::newRow("int !!int") << QByteArray("!!int \"5\"") << intField << true;
    QTest::newRow("str plain") << QByteArray("pd-ssd") << strField << true;
    QTest::newRow("str number") << QByteArray("10") << strField << false;
    QTest::newRow("str float") << QByteArray("1.10") << strField << false;
    QTest::newRow("str yes") << QByteArray("yes") << strField << false;
    QTest::newRow("str Off") << QByteArray("Off") << strField << false;
    QTest::newRow("str y") << QByteArray("y") << strField << false;
    QTest::newRow("str quoted yes") << QByteArray("'yes'") << strField << true;
    QTest::newRow("str !!str") << QByteArray("!!str 10") << strField << true;
    QTest::newRow("str date") << QByteArray("2025-06-02") << strField << true;
    QTest::newRow("str version-like") << QByteArray("1.2.3") << strField << true;
    QTest::newRow("str list") << QByteArray("[a]") << strField << false;
    QTest::newRow("str map") << QByteArray("{a: b}") << strField << false;
    QTest::newRow("str .inf") << QByteArray(".inf") << strField << false;
    QTest::newRow("str octal-ish") << QByteArray("0755") << strField << false;
    QTest::newRow("str 1e3") << QByteArray("1e3") << strField << false;
}

void tst_PoolValidator::typeRules()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, field);
    const QByteArray text = "version: \"1\"\ninstances:\n- name: a\n  type: google\n  spec:\n"
                            "    account: {project_id: my-proj}\n"
                            "    image: projects/p/global/images/i\n    zone: [us-west1-a]\n"
                            "    disk:\n      " +
                            field + ": " + value + "\n";
    const PoolReport report = validatePool(text);
    bool typeError = false;
    for (const Diagnostic &d : report.diagnostics) {
        if (d.code == QLatin1String("pool.value.type")) {
            typeError = true;
            QCOMPARE(d.line, 10);
            QCOMPARE(d.column, 9 + field.size());
            QCOMPARE(d.severity, Severity::Error);
        }
    }
    QFETCH(bool, accepted);
    QCOMPARE(!typeError, accepted);
}

// The text a fix produces, byte for byte: only the value changes.
void tst_PoolValidator::fixText_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("output");
    const QByteArray head = "instances:\n- name: a\n  type: google\n  spec:\n";
    const QByteArray acc =
        "    account: {project_id: p-123456}\n    image: projects/p/global/images/i\n"
        "    zone: [us-west1-a]\n";
    QTest::newRow("quote version") << QByteArray("version: 1 # hi\n") << "pool.value.type"
                                   << QByteArray("version: \"1\" # hi\n");
    QTest::newRow("quote keeps anchor")
        << QByteArray("version: &v 1\n") << "pool.value.type" << QByteArray("version: &v \"1\"\n");
    QTest::newRow("unquote pool") << head + acc + "  pool: \"2\"\n"
                                  << "pool.value.type" << head + acc + "  pool: 2\n";
    QTest::newRow("zone list") << head + "    account: {project_id: p-123456}\n"
                                         "    image: projects/p/global/images/i\n"
                                         "    zone: us-west1-a\n"
                               << "pool.value.type"
                               << head + "    account: {project_id: p-123456}\n"
                                         "    image: projects/p/global/images/i\n"
                                         "    zone: [us-west1-a]\n";
    QTest::newRow("gcp type") << QByteArray("instances:\n- {name: a, type: gcp, spec: {}}\n")
                              << "pool.type.alias"
                              << QByteArray("instances:\n- {name: a, type: google, spec: {}}\n");
    QTest::newRow("json_path relative keeps quotes")
        << head + "    account: {project_id: p-123456, json_path: 'keys/sa.json'}\n"
                  "    image: projects/p/global/images/i\n    zone: [z]\n"
        << "pool.google.jsonPath.relative"
        << head + "    account: {project_id: p-123456, json_path: '/runner/sa.json'}\n"
                  "    image: projects/p/global/images/i\n    zone: [z]\n";
    QTest::newRow("json_path home")
        << head + "    account:\n      project_id: p-123456\n      json_path: ~/sa.json # key\n"
                  "    image: projects/p/global/images/i\n    zone: [z]\n"
        << "pool.google.jsonPath.home"
        << head +
               "    account:\n      project_id: p-123456\n      json_path: /runner/sa.json # key\n"
               "    image: projects/p/global/images/i\n    zone: [z]\n";
    const QByteArray zone = "    zone: [us-west1-a]\n";
    const QByteArray project = "    account: {project_id: p-123456}\n";
    QTest::newRow("family drops projects/")
        << head + project + "    image: projects/debian-cloud/global/images/family/debian-12\n" +
               zone
        << "pool.google.image.familyPrefix"
        << head + project + "    image: debian-cloud/global/images/family/debian-12\n" + zone;
    QTest::newRow("family drops projects/, keeps quotes and comment")
        << head + project +
               "    image: 'projects/debian-cloud/global/images/family/debian-12' # lts\n" + zone
        << "pool.google.image.familyPrefix"
        << head + project + "    image: 'debian-cloud/global/images/family/debian-12' # lts\n" +
               zone;
    QTest::newRow("image URL")
        << head + project +
               "    image: https://www.googleapis.com/compute/v1/projects/p/global/images/i\n" +
               zone
        << "pool.google.image.url"
        << head + project + "    image: projects/p/global/images/i\n" + zone;
    QTest::newRow("family URL drops projects/ too")
        << head + project +
               "    image: \"https://www.googleapis.com/compute/v1/projects/debian-cloud/global/"
               "images/family/debian-12\"\n" +
               zone
        << "pool.google.image.url"
        << head + project + "    image: \"debian-cloud/global/images/family/debian-12\"\n" + zone;
    QTest::newRow("user_data_key removed")
        << head + acc + "    user_data_key: user-data\n    private_ip: true\n"
        << "pool.google.userDataKey" << head + acc + "    private_ip: true\n";
    QTest::newRow("did you mean") << head + acc + "    machine_typ: e2-small\n"
                                  << "pool.key.unknown"
                                  << head + acc + "    machine_type: e2-small\n";
}

void tst_PoolValidator::fixText()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(QByteArray, output);
    const PoolReport report = validatePool(input);
    const Diagnostic *found = nullptr;
    for (const Diagnostic &d : report.diagnostics) {
        if (d.code == code && d.fix)
            found = &d;
    }
    QVERIFY2(found, qPrintable(code));
    QCOMPARE(applyFix(input, *found->fix), output);
}

void tst_PoolValidator::poolTable()
{
    const QByteArray text = readFile(corpusDir() + QStringLiteral("/runner-example.yaml"));
    const PoolReport report = validatePool(text);
    QCOMPARE(report.pools.size(), 2);
    const PoolRow &g = report.pools.at(0);
    QCOMPARE(g.name, QStringLiteral("ubuntu-gcp"));
    QCOMPARE(g.type, QStringLiteral("google"));
    QCOMPARE(g.platform, QStringLiteral("linux/amd64"));
    QCOMPARE(g.pool, 1);
    QCOMPARE(g.limit, 100); // `limit:` empty becomes 100
    QCOMPARE(g.machineType, QStringLiteral("e2-small"));
    QCOMPARE(g.zones, QStringList{QStringLiteral("europe-west1-b")});
    QCOMPARE(g.image,
             QStringLiteral(
                 "projects/ubuntu-os-pro-cloud/global/images/ubuntu-pro-1804-bionic-v20220131"));
    const PoolRow &n = report.pools.at(1);
    QCOMPARE(n.type, QStringLiteral("nomad"));
    QCOMPARE(n.limit, 100); // limit: 0 becomes 100
}

void tst_PoolValidator::positionsCountCharacters()
{
    // Columns count characters, not bytes; offsets stay bytes.
    const QByteArray text = "# \xc3\xbc\n{\xc3\xa9k: 1, version: 1}\n";
    const PoolReport report = validatePool(text);
    const Diagnostic *d = nullptr;
    for (const Diagnostic &x : report.diagnostics) {
        if (x.code == QLatin1String("pool.value.type"))
            d = &x;
    }
    QVERIFY(d);
    QCOMPARE(d->line, 2);
    QCOMPARE(d->column, 18);
    QCOMPARE(d->offset, text.lastIndexOf("1}"));
    QCOMPARE(d->length, 1);
    QCOMPARE(d->endColumn, 19);
    QCOMPARE(utf16Offset(text, d->offset),
             QString::fromUtf8(text).lastIndexOf(QLatin1String("1}")));
}

QTEST_GUILESS_MAIN(tst_PoolValidator)
#include "tst_PoolValidator.moc"
