// The pool editor: markers and underlines where the findings are, click-to-jump, fixes, live
// re-validation, the pools table, and saving the user's text as it was.
#include "pooleditor/PoolCodeEditor.h"
#include "pooleditor/PoolEditorWidget.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace gs;

namespace {

QString corpusText(const char *name)
{
    QFile f(QStringLiteral(GS_SOURCE_DIR "/tests/pool/corpus/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// One pool with two findings: a json_path outside /runner (error, fix) and `size` (warning, fix).
const char kPool[] = "version: \"1\"\n"
                     "instances:\n"
                     "  - name: gs-west\n"
                     "    type: google\n"
                     "    spec:\n"
                     "      account:\n"
                     "        project_id: my-proj\n"
                     "        json_path: /key/sa.json\n"
                     "      image: projects/my-proj/global/images/img\n"
                     "      zone: [us-west1-a]\n"
                     "      size: e2-small\n";

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char kOtherPool[] = "version: \"1\"\ninstances: []\n";

} // namespace

class tst_PoolEditorWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partsHaveNames();
    void markersAndUnderlines();
    void clickMovesTheCursor();
    void fixButtonAppliesTheFix();
    void liveRevalidationIsDebounced();
    void staleResultsAreDropped();
    void errorsNeedExplicitOverride();
    void poolsTable();
    void saveKeepsTheFileAsWritten();
    void loadRefusesBinary();
    void switchingFileKeepsUnsavedEdits_data();
    void switchingFileKeepsUnsavedEdits();
    void failedSaveKeepsEditsAndQuestion();
    void fileProblemsShownInline();
};

void tst_PoolEditorWidget::partsHaveNames()
{
    PoolEditorWidget w;
    for (const char *name :
         {"poolEditorText", "poolEditorGutter", "poolEditorDiagnostics", "poolEditorFixButton",
          "poolEditorPools", "poolEditorSummary", "poolEditorContinue", "poolEditorSave"})
        QVERIFY2(w.findChild<QWidget *>(QLatin1String(name)), name);
    QCOMPARE(w.objectName(), QStringLiteral("poolEditor"));
}

void tst_PoolEditorWidget::markersAndUnderlines()
{
    PoolEditorWidget w;
    w.setText(QString::fromLatin1(kPool));
    QVERIFY(w.isReportCurrent());
    QCOMPARE(w.report().diagnostics.size(), 2);
    QCOMPARE(w.markerAt(8), int(PoolCodeEditor::ErrorMarker));
    QCOMPARE(w.markerAt(11), int(PoolCodeEditor::WarningMarker));
    for (int line : {1, 2, 3, 7, 9, 10, 12})
        QCOMPARE(w.markerAt(line), int(PoolCodeEditor::NoMarker));
    const QList<QTextEdit::ExtraSelection> underlines = w.editor()->extraSelections();
    QCOMPARE(underlines.size(), 2);
    QCOMPARE(underlines.at(0).cursor.selectedText(), QStringLiteral("/key/sa.json"));
    QCOMPARE(underlines.at(0).cursor.block().blockNumber(), 7);
    QCOMPARE(underlines.at(0).format.underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(underlines.at(1).cursor.selectedText(), QStringLiteral("size"));
    QCOMPARE(
        w.findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"))->topLevelItemCount(),
        2);
    QCOMPARE(w.findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"))
                 ->topLevelItem(0)
                 ->text(0),
             QStringLiteral("8:20"));
}

void tst_PoolEditorWidget::clickMovesTheCursor()
{
    PoolEditorWidget w;
    w.resize(900, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setText(QString::fromLatin1(kPool));
    auto *list = w.findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"));
    QTreeWidgetItem *second = list->topLevelItem(1);
    const QRect rect = list->visualItemRect(second);
    QVERIFY(rect.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    const QTextCursor cursor = w.editor()->textCursor();
    QCOMPARE(cursor.blockNumber() + 1, 11);
    QCOMPARE(cursor.positionInBlock() + 1, 7);
    QVERIFY(w.editor()->hasFocus() || !QApplication::focusWidget()); // focus moves to the text
}

void tst_PoolEditorWidget::fixButtonAppliesTheFix()
{
    PoolEditorWidget w;
    w.setText(QString::fromLatin1(kPool));
    auto *list = w.findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"));
    auto *fix = w.findChild<QPushButton *>(QStringLiteral("poolEditorFixButton"));
    QVERIFY(!fix->isEnabled());
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY(fix->isEnabled());
    QVERIFY(fix->text().contains(QLatin1String("/runner/sa.json")));
    QSignalSpy changed(&w, &PoolEditorWidget::reportChanged);
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(w.text().contains(QLatin1String("        json_path: /runner/sa.json\n")));
    QVERIFY(!w.hasErrors());
    QCOMPARE(w.report().diagnostics.size(), 1);
    // Only the value changed, and it is one undo step.
    QCOMPARE(w.text().size(), qsizetype(sizeof(kPool) - 1 + 3));
    w.editor()->undo();
    QCOMPARE(w.text(), QString::fromLatin1(kPool));
}

void tst_PoolEditorWidget::liveRevalidationIsDebounced()
{
    PoolEditorWidget w;
    w.setDebounceInterval(30);
    w.setText(QString::fromLatin1(kPool));
    QSignalSpy changed(&w, &PoolEditorWidget::reportChanged);
    QTextCursor end(w.editor()->document());
    end.movePosition(QTextCursor::End);
    w.editor()->setTextCursor(end);
    QTest::keyClicks(w.editor(), "    pool: \"3\""); // a quoted number: one more error
    QTest::keyClick(w.editor(), Qt::Key_Return);
    QVERIFY(!w.isReportCurrent());
    QTRY_VERIFY(w.isReportCurrent());
    QCOMPARE(changed.count(), 1); // all keystrokes inside one debounce interval: one run
    QCOMPARE(w.report().diagnostics.size(), 3);
    QCOMPARE(w.markerAt(12), int(PoolCodeEditor::ErrorMarker));
}

void tst_PoolEditorWidget::staleResultsAreDropped()
{
    PoolEditorWidget w;
    w.setDebounceInterval(0);
    w.setText(QStringLiteral("version: \"1\"\n"));
    QSignalSpy changed(&w, &PoolEditorWidget::reportChanged);
    QTextCursor c(w.editor()->document());
    c.movePosition(QTextCursor::End);
    // Start a run on "version: 1" (an error), then edit before its result is back.
    c.insertText(QStringLiteral("x: 1\n"));
    QTest::qWait(1); // the timer fires, a validation starts on the thread pool
    c.insertText(QStringLiteral("instances: []\n"));
    QTRY_VERIFY(w.isReportCurrent());
    QTest::qWait(50);
    // Whatever arrived, what is shown belongs to the final text.
    QVERIFY(w.isReportCurrent());
    bool unknownX = false;
    for (const auto &d : w.report().diagnostics)
        unknownX = unknownX || d.code == QLatin1String("pool.key.unknown");
    QVERIFY(unknownX);
    for (const auto &d : w.report().diagnostics)
        QVERIFY(d.code != QLatin1String("pool.instances.none") || d.line != 1);
    QVERIFY(changed.count() >= 1);
}

void tst_PoolEditorWidget::errorsNeedExplicitOverride()
{
    PoolEditorWidget w;
    w.show();
    QSignalSpy acceptable(&w, &PoolEditorWidget::acceptableChanged);
    w.setText(corpusText("type-values.yaml"));
    QVERIFY(w.hasErrors());
    QVERIFY(!w.isAcceptable());
    QCOMPARE(acceptable.count(), 1);
    QCOMPARE(acceptable.last().at(0).toBool(), false);
    auto *box = w.findChild<QCheckBox *>(QStringLiteral("poolEditorContinue"));
    QVERIFY(box->isVisible());
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
    QVERIFY(w.continueDespiteErrors());
    QVERIFY(w.isAcceptable());
    QCOMPARE(acceptable.last().at(0).toBool(), true);
    w.setContinueDespiteErrors(false);
    QVERIFY(!w.isAcceptable());
    w.setText(corpusText("terraform-gcp.yaml")); // notes only
    QVERIFY(w.isAcceptable());
    QVERIFY(!box->isVisible());
}

void tst_PoolEditorWidget::poolsTable()
{
    PoolEditorWidget w;
    w.setText(corpusText("runner-example.yaml"));
    auto *table = w.findChild<QTableWidget *>(QStringLiteral("poolEditorPools"));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("ubuntu-gcp"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("google"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("linux/amd64"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("1 / 100"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("e2-small"));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("europe-west1-b"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("nomad-linux"));
}

void tst_PoolEditorWidget::saveKeepsTheFileAsWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pool.yaml"));
    const QByteArray original = "\xEF\xBB\xBF# from Terraform\r\nversion: 1   # keep\r\n"
                                "instances: []\r\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    PoolEditorWidget w;
    QString error;
    QVERIFY2(w.loadFile(path, &error), qPrintable(error));
    QCOMPARE(w.filePath(), path);
    QVERIFY(!w.isModified());
    QCOMPARE(w.fileBytes(), original);
    QCOMPARE(w.report().diagnostics.first().line, 2);
    QVERIFY(w.applyFix(0)); // version: 1 -> "1"
    QVERIFY(w.isModified());
    QSignalSpy saved(&w, &PoolEditorWidget::fileSaved);
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("poolEditorSave")), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray expected = original;
    expected.replace("version: 1 ", "version: \"1\" ");
    QCOMPARE(f.readAll(), expected);
    QVERIFY(!w.isModified());
}

void tst_PoolEditorWidget::loadRefusesBinary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89PNG\r\n\x1A\n\0\0", 10));
    }
    PoolEditorWidget w;
    w.setText(QStringLiteral("version: \"1\"\n"));
    QString error;
    QVERIFY(!w.loadFile(path, &error));
    QVERIFY(error.contains(QLatin1String("binary")));
    QCOMPARE(w.text(), QStringLiteral("version: \"1\"\n")); // untouched
    QVERIFY(!w.loadFile(dir.filePath(QStringLiteral("missing.yaml")), &error));
    QVERIFY(error.contains(QLatin1String("Cannot read")));
}

void tst_PoolEditorWidget::switchingFileKeepsUnsavedEdits_data()
{
    QTest::addColumn<bool>("saveFirst");
    QTest::newRow("discard") << false;
    QTest::newRow("save first") << true;
}

void tst_PoolEditorWidget::switchingFileKeepsUnsavedEdits()
{
    QFETCH(bool, saveFirst);
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.yaml"));
    const QString second = dir.filePath(QStringLiteral("second.yaml"));
    writeFile(first, kPool);
    writeFile(second, kOtherPool);
    PoolEditorWidget w;
    w.show();
    auto *bar = w.findChild<QWidget *>(QStringLiteral("poolEditorSwitchBar"));
    QVERIFY(bar);
    w.openFile(first);
    QCOMPARE(w.filePath(), first);
    QVERIFY(!w.hasPendingFile());
    QVERIFY(!bar->isVisible());

    QVERIFY(w.applyFix(0));
    const QString edited = w.text();
    QSignalSpy pending(&w, &PoolEditorWidget::pendingFileChanged);
    w.openFile(second);
    // Nothing dropped: the edits and their file stay, and the bar asks.
    QCOMPARE(w.filePath(), first);
    QCOMPARE(w.text(), edited);
    QVERIFY(w.isModified());
    QVERIFY(w.hasPendingFile());
    QCOMPARE(w.pendingFile(), second);
    QVERIFY(bar->isVisible());
    const QString question = w.findChild<QLabel *>(QStringLiteral("poolEditorSwitchText"))->text();
    QVERIFY2(question.contains(first) && question.contains(second), qPrintable(question));
    QCOMPARE(pending.count(), 1);
    QCOMPARE(pending.last().first().toBool(), true);

    // Picking the shown file again cancels the switch.
    w.openFile(first);
    QVERIFY(!w.hasPendingFile());
    QVERIFY(!bar->isVisible());
    QCOMPARE(w.text(), edited);
    QCOMPARE(pending.last().first().toBool(), false);
    w.openFile(second);
    QVERIFY(w.hasPendingFile());

    QTest::mouseClick(w.findChild<QPushButton *>(saveFirst
                                                     ? QStringLiteral("poolEditorSwitchSave")
                                                     : QStringLiteral("poolEditorSwitchDiscard")),
                      Qt::LeftButton);
    QCOMPARE(w.filePath(), second);
    QCOMPARE(w.text(), QString::fromUtf8(kOtherPool));
    QVERIFY(!w.isModified());
    QVERIFY(!w.hasPendingFile());
    QVERIFY(!bar->isVisible());
    QCOMPARE(readFile(second), QByteArray(kOtherPool));
    if (saveFirst)
        QCOMPARE(QString::fromUtf8(readFile(first)), edited);
    else
        QCOMPARE(readFile(first), QByteArray(kPool));
}

void tst_PoolEditorWidget::failedSaveKeepsEditsAndQuestion()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("gone")));
    const QString first = dir.filePath(QStringLiteral("gone/first.yaml"));
    const QString second = dir.filePath(QStringLiteral("second.yaml"));
    writeFile(first, kPool);
    writeFile(second, kOtherPool);
    PoolEditorWidget w;
    w.show();
    w.openFile(first);
    QVERIFY(w.applyFix(0));
    const QString edited = w.text();
    w.openFile(second);
    QVERIFY(w.hasPendingFile());
    // The folder disappears (an unmounted share, a cleaned temp dir): saving cannot work.
    QVERIFY(QDir(dir.filePath(QStringLiteral("gone"))).removeRecursively());
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("poolEditorSwitchSave")),
                      Qt::LeftButton);
    auto *notice = w.findChild<QLabel *>(QStringLiteral("poolEditorNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("Cannot save")), qPrintable(notice->text()));
    QCOMPARE(w.filePath(), first);
    QCOMPARE(w.text(), edited);
    QVERIFY(w.hasPendingFile());
    // The Save button says the same, inline.
    notice->clear();
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("poolEditorSave")), Qt::LeftButton);
    QVERIFY2(notice->text().contains(QLatin1String("Cannot save")), qPrintable(notice->text()));
    QVERIFY(w.isModified());
}

void tst_PoolEditorWidget::fileProblemsShownInline()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("pool.yaml"));
    const QString binary = dir.filePath(QStringLiteral("key.bin"));
    writeFile(good, kOtherPool);
    writeFile(binary, QByteArray("\x89PNG\r\n\x1A\n\0\0", 10));
    PoolEditorWidget w;
    w.show();
    w.openFile(good);
    auto *notice = w.findChild<QLabel *>(QStringLiteral("poolEditorNotice"));
    QVERIFY(!notice->isVisible());
    w.openFile(binary);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("binary")), qPrintable(notice->text()));
    QCOMPARE(w.filePath(), good); // the editor still shows the last file it could read
    QCOMPARE(w.text(), QString::fromUtf8(kOtherPool));
    w.openFile(good);
    QVERIFY(!notice->isVisible());
}

QTEST_MAIN(tst_PoolEditorWidget)
#include "tst_PoolEditorWidget.moc"
