// Hostile input: the validator answers every file with at least one diagnostic and never
// crashes, recurses without bound or expands aliases. (Speed is measured in tests/bench/pool.)
#include "pool/PoolFileEdits.h"
#include "pool/PoolValidator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gs::pool;

class tst_PoolHostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostile_data();
    void hostile();
    void randomBytesNeverCrash();
    void truncationsNeverCrash();
};

namespace {

QByteArray repeated(const QByteArray &unit, int times)
{
    QByteArray out;
    out.reserve(unit.size() * times);
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

QByteArray billionLaughs()
{
    QByteArray y =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    const char *names = "abcdefghi";
    for (int i = 1; i < 9; ++i) {
        y += QByteArray(1, names[i]) + ": &" + names[i] + " [";
        for (int k = 0; k < 9; ++k)
            y += QByteArray(k ? ",*" : "*") + names[i - 1];
        y += "]\n";
    }
    return "version: \"1\"\n" + y +
           "instances:\n- name: x\n  type: google\n  spec:\n    tags: *i\n";
}

} // namespace

void tst_PoolHostileInput::hostile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");

    QTest::newRow("flow nesting 50k") << repeated("[", 50000) << "pool.yaml.tooDeep" << 1;
    QTest::newRow("flow map nesting")
        << "a: " + repeated("{b: ", 30000) << "pool.yaml.tooDeep" << 1;
    QTest::newRow("block seq nesting") << repeated("- ", 40000) + "x\n"
                                       << "pool.yaml.tooDeep" << 1;
    {
        QByteArray deep;
        for (int i = 0; i < 600; ++i)
            deep += QByteArray(i, ' ') + "k:\n";
        QTest::newRow("block map nesting") << deep << "pool.yaml.tooDeep" << kMaxNestingDepth;
    }
    QTest::newRow("nesting just allowed then syntax")
        << "a: " + repeated("[", 40) << "pool.yaml.syntax" << 1;
    QTest::newRow("billion laughs") << billionLaughs() << "pool.yaml.aliasExpansion" << 3;
    {
        // Aliases of aliases down a long chain: linear in the file, exponential if expanded.
        QByteArray chain = "x0: &x0 [a, b]\n";
        for (int i = 1; i < 60; ++i)
            chain += QStringLiteral("x%1: &x%1 [*x%2, *x%2]\n").arg(i).arg(i - 1).toUtf8();
        chain += "instances:\n- name: a\n  type: google\n  spec: {tags: *x59}\n";
        QTest::newRow("alias chain") << chain << "pool.yaml.aliasExpansion" << 2;
    }
    QTest::newRow("too large") << repeated("# padding line of a huge file\n", 200000)
                               << "pool.yaml.tooLarge" << 1;
    QTest::newRow("nul bytes") << QByteArray("version: \"1\"\ninst\0ances: []\n", 27)
                               << "pool.yaml.binary" << 2;
    QTest::newRow("invalid utf8") << QByteArray("version: \"1\"\nname: \xC3\x28\n")
                                  << "pool.yaml.encoding" << 2;
    QTest::newRow("overlong utf8") << QByteArray("a: \xC0\xAF\n") << "pool.yaml.encoding" << 1;
    QTest::newRow("surrogate utf8") << QByteArray("a: \xED\xA0\x80\n") << "pool.yaml.encoding" << 1;
    QTest::newRow("truncated utf8") << QByteArray("a: \xE2\x82") << "pool.yaml.encoding" << 1;
    QTest::newRow("control char") << QByteArray("a: b\x07\n") << "pool.yaml.control" << 1;
    QTest::newRow("escape char") << QByteArray("a: \x1B[31mred\n") << "pool.yaml.control" << 1;
    QTest::newRow("png header") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)
                                << "pool.yaml.encoding" << 1;
    QTest::newRow("recursive anchor")
        << QByteArray("a: &a [*a]\n") << "pool.yaml.recursiveAlias" << 1;
    // yaml-cpp 0.7 alone loops forever on these, emitting empty documents.
    QTest::newRow("stray comma") << QByteArray(",") << "pool.yaml.syntax" << 1;
    QTest::newRow("stray bracket after doc") << QByteArray("a: 1\n]\n") << "pool.yaml.syntax" << 2;
    QTest::newRow("undefined alias") << QByteArray("a: *nope\n") << "pool.yaml.syntax" << 1;
    QTest::newRow("unterminated quote")
        << "a: \"" + repeated("x", 100000) << "pool.yaml.syntax" << 1;
    QTest::newRow("quote open to the end")
        << QByteArray("instances:\n- name: \"a\n  type: google\n") << "pool.yaml.syntax" << 2;
    QTest::newRow("long line") << "instances: [" + repeated("x,", 500000) + "]\n"
                               << "pool.value.type" << 1;
    {
        QByteArray dups = "instances: []\nx:\n";
        for (int i = 0; i < 50000; ++i)
            dups += "  k: v\n";
        QTest::newRow("many duplicate keys") << dups << "pool.key.duplicate" << 4;
    }
    {
        QByteArray many = "version: \"1\"\ninstances:\n";
        for (int i = 0; i < 20000; ++i)
            many += "- {name: p, type: gcp}\n";
        QTest::newRow("many bad pools") << many << "pool.type.alias" << 3;
    }
    QTest::newRow("only bom") << QByteArray("\xEF\xBB\xBF") << "pool.instances.none" << 1;
    QTest::newRow("bom then error")
        << QByteArray("\xEF\xBB\xBFversion: 1\n") << "pool.value.type" << 1;
    QTest::newRow("crlf") << QByteArray("version: 1\r\ninstances: []\r\n") << "pool.value.type"
                          << 1;
}

void tst_PoolHostileInput::hostile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    const PoolReport report = validatePool(text);
    QVERIFY(!report.diagnostics.isEmpty());
    QVERIFY(report.diagnostics.size() <= 1001);
    const Diagnostic *found = nullptr;
    for (const Diagnostic &d : report.diagnostics) {
        QVERIFY(d.offset >= 0 && d.offset + d.length <= text.size());
        if (!found && d.code == code)
            found = &d;
    }
    QVERIFY2(found, qPrintable(report.diagnostics.first().code + QLatin1Char(' ') +
                               report.diagnostics.first().message));
    QCOMPARE(found->line, line);
    // The helpers the wizard uses on the same text survive it as well.
    QByteArray rewritten;
    (void)rewriteJsonPath(text, QStringLiteral("/runner/sa.json"), &rewritten);
    (void)jsonPathReferences(text, QStringLiteral("/tmp"));
}

void tst_PoolHostileInput::randomBytesNeverCrash()
{
    QRandomGenerator rng(20261128);
    const QByteArray alphabet = "[]{}:-?&*!|>'\"#,\n \t abc123<<~%@`\\";
    for (int round = 0; round < 3000; ++round) {
        QByteArray text;
        const int size = static_cast<int>(rng.bounded(400));
        for (int i = 0; i < size; ++i)
            text += alphabet.at(static_cast<int>(rng.bounded(alphabet.size())));
        const PoolReport report = validatePool(text);
        for (const Diagnostic &d : report.diagnostics)
            QVERIFY(d.offset + d.length <= text.size());
    }
}

void tst_PoolHostileInput::truncationsNeverCrash()
{
    // Every prefix of a real file: half-typed text is what the editor sees all the time.
    QFile f(QStringLiteral(GS_TESTS_DIR "/corpus/anchors.yaml"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray full = f.readAll();
    for (int n = 0; n <= full.size(); ++n) {
        const QByteArray text = full.left(n);
        const PoolReport report = validatePool(text);
        for (const Diagnostic &d : report.diagnostics)
            QVERIFY(d.offset + d.length <= text.size());
    }
}

QTEST_GUILESS_MAIN(tst_PoolHostileInput)
#include "tst_PoolHostileInput.moc"
