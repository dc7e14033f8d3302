// The small widgets that make pages read well: links that work from the keyboard, Copy that says
// "Copied" (to screen readers too), lists that say they are empty, findings with code spans and
// the editor's underline tooltip.

#include "pooleditor/PoolCodeEditor.h"
#include "pooleditor/PoolEditorWidget.h"
#include "pooleditor/ProblemDelegate.h"
#include "widgets/CommandView.h"
#include "widgets/CopyField.h"
#include "widgets/EmptyState.h"
#include "widgets/LinkButton.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>

using namespace gs;

// Receives the URLs QDesktopServices would hand to the browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

class TestWidgetPolish : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkOpensWithEnterAndSpace();
    void copySaysCopiedThenComesBack();
    void emptyListSaysSo();
    void findingsRenderCodeSpans();
    void underlineShowsTheFinding();
};

void TestWidgetPolish::linkOpensWithEnterAndSpace()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    const QUrl url(QStringLiteral("https://developer.harness.io/docs/x"));
    QWidget window;
    auto *link = new LinkButton(QStringLiteral("Guide"), url, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(link->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    link->setFocus();
    QTest::keyClick(link, Qt::Key_Return);
    QTest::keyClick(link, Qt::Key_Space);
    QCOMPARE(catcher.urls, QList<QUrl>({url, url}));
    QCOMPARE(link->toolTip(), url.toDisplayString());
    QVERIFY(link->font().underline() || link->palette().color(QPalette::Link).isValid());
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(link);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Guide"));
    QVERIFY(iface->text(QAccessible::Description).contains(url.toDisplayString()));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestWidgetPolish::copySaysCopiedThenComesBack()
{
    CommandView view;
    CommandView::Entry entry;
    entry.id = QStringLiteral("one");
    entry.summary = QStringLiteral("Create the network");
    entry.displayText = entry.copyText = QStringLiteral("docker network create harness");
    view.setEntries({entry});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *copy = view.findChild<QToolButton *>(QStringLiteral("copyButton_one"));
    QVERIFY(copy);
    const int width = copy->width();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(copy);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Copy: Create the network"));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), entry.copyText);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Copied"));
    QVERIFY(copy->width() >= width);
    // Back to "Copy" by itself, a moment later.
    QTRY_COMPARE_WITH_TIMEOUT(copy->text(), QStringLiteral("Copy"), 3000);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Copy: Create the network"));

    auto *copyAll = view.findChild<QPushButton *>(QStringLiteral("copyAllButton"));
    QTest::mouseClick(copyAll, Qt::LeftButton);
    QCOMPARE(copyAll->text(), QStringLiteral("Copied"));
    QTRY_COMPARE_WITH_TIMEOUT(copyAll->text(), QStringLiteral("Copy all"), 3000);

    CopyField field(QStringLiteral("name"));
    field.setValue(QStringLiteral("docker-delegate"));
    field.setFieldName(QStringLiteral("Delegate name"));
    auto *fieldCopy = field.findChild<QToolButton *>(QStringLiteral("nameCopy"));
    QCOMPARE(QAccessible::queryAccessibleInterface(fieldCopy)->text(QAccessible::Name),
             QStringLiteral("Copy: Delegate name"));
    fieldCopy->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("docker-delegate"));
    QCOMPARE(fieldCopy->text(), QStringLiteral("Copied"));
}

void TestWidgetPolish::emptyListSaysSo()
{
    QListWidget list;
    showWhenEmpty(&list, QStringLiteral("Nothing here."));
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QCOMPARE(list.accessibleDescription(), QStringLiteral("Nothing here."));
    // Painted in the middle: the viewport is not blank.
    const QImage empty = list.viewport()->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < empty.height(); ++y)
        for (int x = 0; x < empty.width(); ++x)
            colours.insert(empty.pixel(x, y));
    QVERIFY(colours.size() > 1);
    list.addItem(QStringLiteral("runner-vm"));
    QVERIFY(list.accessibleDescription().isEmpty());
    list.clear();
    QCOMPARE(list.accessibleDescription(), QStringLiteral("Nothing here."));
}

void TestWidgetPolish::findingsRenderCodeSpans()
{
    QCOMPARE(ProblemDelegate::toHtml(QStringLiteral("`pool: -1` is <odd> & `x`")),
             QStringLiteral("<code>pool: -1</code> is &lt;odd&gt; &amp; <code>x</code>"));
    // A lone back-quote stays text.
    QCOMPARE(ProblemDelegate::toHtml(QStringLiteral("a ` b")), QStringLiteral("a ` b"));
    QCOMPARE(ProblemDelegate::toPlain(QStringLiteral("Unknown key `limits`")),
             QStringLiteral("Unknown key limits"));

    // In the editor: a long finding wraps (its row is taller than one line), and a fixable one
    // says how to apply the fix.
    PoolEditorWidget editor;
    editor.resize(500, 600);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setText(QStringLiteral("version: \"1\"\ninstances:\n  - name: a\n    type: google\n"
                                  "    pool: -1\n    limits: 4\n    spec:\n      account:\n"
                                  "        project_id: p\n        json_path: /abs/sa.json\n"));
    editor.validateNow();
    auto *list = editor.findChild<QTreeWidget *>(QStringLiteral("poolEditorDiagnostics"));
    QVERIFY(list->topLevelItemCount() > 0);
    bool sawFix = false;
    bool sawTallRow = false;
    const int line = list->fontMetrics().height();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        sawFix |= item->text(1).contains(QLatin1String("Fix available:"));
        QVERIFY(!item->data(1, Qt::AccessibleTextRole).toString().contains(QLatin1Char('`')));
        sawTallRow |= list->visualItemRect(item).height() > 2 * line;
    }
    QVERIFY(sawFix);
    QVERIFY(sawTallRow);
}

void TestWidgetPolish::underlineShowsTheFinding()
{
    PoolEditorWidget editor;
    editor.resize(700, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setText(QStringLiteral("version: \"1\"\ninstances:\n  - name: a\n    type: google\n"
                                  "    limits: 4\n"));
    editor.validateNow();
    auto *code = editor.findChild<PoolCodeEditor *>(QStringLiteral("poolEditorText"));
    // On "limits" (line 5), where the unknown key is underlined.
    const QTextBlock block = code->document()->findBlockByNumber(4);
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 6);
    const QPoint pos = code->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, pos, code->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(code->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QLatin1String("limits")), qPrintable(QToolTip::text()));
    QVERIFY(!QToolTip::text().contains(QLatin1Char('`')));
    // Off the underline: no tooltip.
    const QPoint off =
        code->cursorRect(QTextCursor(code->document()->findBlockByNumber(0))).center();
    QHelpEvent away(QEvent::ToolTip, off, code->viewport()->mapToGlobal(off));
    QApplication::sendEvent(code->viewport(), &away);
    QTRY_VERIFY(!QToolTip::isVisible());
}

QTEST_MAIN(TestWidgetPolish)
#include "tst_WidgetPolish.moc"
