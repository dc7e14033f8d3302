#include "plan/ShellQuote.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace gs;

class TestShellQuote : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quote_data();
    void quote();
    void hostileStringsSurviveShells_data();
    void hostileStringsSurviveShells();
    void splitRoundTrip();
    void splitRejectsUnterminatedQuote();
};

void TestShellQuote::quote_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "docker-delegate"
                           << "docker-delegate";
    QTest::newRow("path") << "/runner/pool.yaml"
                          << "/runner/pool.yaml";
    QTest::newRow("url") << "http://vm-runner:3000/"
                         << "http://vm-runner:3000/";
    QTest::newRow("assignment") << "DELEGATE_NAME=a"
                                << "DELEGATE_NAME=a";
    QTest::newRow("empty") << ""
                           << "''";
    QTest::newRow("space") << "a b"
                           << "'a b'";
    QTest::newRow("single quote") << "it's"
                                  << "'it'\\''s'";
    QTest::newRow("dollar") << "$(reboot)"
                            << "'$(reboot)'";
    QTest::newRow("tilde") << "~/x"
                           << "'~/x'";
    QTest::newRow("glob") << "*"
                          << "'*'";
    QTest::newRow("non-ascii") << "café"
                               << "'café'";
}

void TestShellQuote::quote()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(shellQuote(input), expected);
}

// Strings a hostile or careless value could hold: quotes, substitutions, newlines, non-ASCII.
static QStringList hostileStrings(int count)
{
    const QStringList pieces = {"'",  "\"", "\\",    "$",       "$(id)", "`id`", "\n",   "\t",
                                " ",  ";",  "&&",    "|",       "*",     "?",    "[a]",  "~",
                                "#",  "!",  "{a,b}", "${HOME}", "é",     "日本", "🙂", "\r",
                                "-n", "-e", "%s",    "\\n",     "''",    "a",    "=",    "\x01"};
    QStringList out = pieces;
    QRandomGenerator rng(20261128); // fixed seed: a failure is reproducible
    while (out.size() < count) {
        QString s;
        const int n = int(rng.bounded(1, 12));
        for (int i = 0; i < n; ++i)
            s += pieces.at(int(rng.bounded(qsizetype(pieces.size()))));
        out << s;
    }
    return out;
}

void TestShellQuote::hostileStringsSurviveShells_data()
{
    QTest::addColumn<QString>("shell");
    QTest::newRow("dash") << "/bin/sh";
    QTest::newRow("bash") << "/bin/bash";
}

// Every value must come back from a real shell byte for byte.
void TestShellQuote::hostileStringsSurviveShells()
{
    QFETCH(QString, shell);
    const QStringList values = hostileStrings(4000);
    QString script;
    for (const QString &value : values)
        script += QStringLiteral("printf '%s\\0' ") + shellQuote(value) + QLatin1Char('\n');
    QProcess sh;
    sh.start(shell, {QStringLiteral("-c"), script});
    QVERIFY(sh.waitForFinished(60000));
    QCOMPARE(sh.exitCode(), 0);
    const QList<QByteArray> outputs = sh.readAllStandardOutput().split('\0');
    QCOMPARE(outputs.size(), values.size() + 1); // trailing empty piece after the last NUL
    for (qsizetype i = 0; i < values.size(); ++i)
        QCOMPARE(outputs.at(i), values.at(i).toUtf8());
}

void TestShellQuote::splitRoundTrip()
{
    const QStringList values = hostileStrings(2000);
    for (qsizetype i = 0; i + 3 < values.size(); i += 3) {
        const QStringList words = values.mid(i, 3);
        QStringList back;
        QVERIFY(shellSplit(shellJoin(words), &back));
        QCOMPARE(back, words);
    }
    QStringList words;
    QVERIFY(shellSplit(QStringLiteral("gcloud compute ssh --zone \"us west\" 'a b' c\\ d \\\n e"),
                       &words));
    QCOMPARE(words,
             (QStringList{"gcloud", "compute", "ssh", "--zone", "us west", "a b", "c d", "e"}));
}

void TestShellQuote::splitRejectsUnterminatedQuote()
{
    QStringList words;
    QVERIFY(!shellSplit(QStringLiteral("a 'b"), &words));
    QVERIFY(!shellSplit(QStringLiteral("a \"b"), &words));
}

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_ShellQuote.moc"
