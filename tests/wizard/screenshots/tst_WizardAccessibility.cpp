// Accessibility of every page, in the states the page renderer shows (PageWalk), English and
// German: each control a keyboard or screen-reader user reaches has a name (its text, a buddy
// label or an accessible name), Tab goes through a page in reading order, and with a dark
// palette every label, the pool editor's colours and the problem marks stay legible.

#include "../WizardTestUtil.h"
#include "PageWalk.h"
#include "TestSshd.h"

#include "pooleditor/PoolCodeEditor.h"
#include "pooleditor/YamlHighlighter.h"
#include "secrets/MemorySecretStore.h"
#include "widgets/Tones.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStyleFactory>
#include <QTest>
#include <QTextEdit>

#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w && !w->inherits("QWizardPage"); w = w->parentWidget()) {
        QString name = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty())
            name += QLatin1Char('#') + w->objectName();
        path.prepend(name);
    }
    return path.join(QStringLiteral(" > "));
}

bool reachable(const QWidget *widget)
{
    // A spin box's or combo box's own line edit is part of it: the box is what is announced.
    const QWidget *parent = widget->parentWidget();
    if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent))
        return false;
    return widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus);
}

bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) ||
           qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QTextEdit *>(widget);
}

// Controls that a screen reader would announce without a name.
QStringList unnamedControls(QWidget *root)
{
    QStringList problems;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!isControl(widget) || !reachable(widget))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            problems << describe(widget) + QStringLiteral(": no accessible name");
    }
    return problems;
}

// Tab order: from each control the next one is not above it, nor left of it on the same row.
QStringList tabOrderProblems(QWidget *page)
{
    QList<QWidget *> chain;
    QWidget *start = page;
    for (QWidget *w = start->nextInFocusChain(); w && w != start; w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && reachable(w) && !chain.contains(w))
            chain << w;
    }
    QStringList problems;
    for (int i = 1; i < chain.size(); ++i) {
        const QRect a(chain.at(i - 1)->mapTo(page, QPoint()), chain.at(i - 1)->size());
        const QRect b(chain.at(i)->mapTo(page, QPoint()), chain.at(i)->size());
        const bool above = b.bottom() < a.top();
        const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
        const bool leftOnRow = sameRow && b.right() < a.left();
        if (above || leftOnRow)
            problems << QStringLiteral("Tab goes from %1 to %2, %3")
                            .arg(describe(chain.at(i - 1)), describe(chain.at(i)),
                                 above ? QStringLiteral("which is above it")
                                       : QStringLiteral("which is left of it"));
    }
    return problems;
}

// WCAG's contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a) + 0.05;
    const double lb = luminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

QColor backgroundOf(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->autoFillBackground() || w->isWindow())
            return w->palette().color(w->backgroundRole());
    }
    return widget->palette().color(QPalette::Window);
}

// Labels whose text colour does not stand out from what is behind them (WCAG AA: 4.5).
QStringList illegibleLabels(QWidget *root)
{
    QStringList problems;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->isVisible() || !label->isEnabled() || label->text().trimmed().isEmpty())
            continue;
        const double ratio =
            contrast(label->palette().color(label->foregroundRole()), backgroundOf(label));
        if (ratio < 4.5)
            problems << QStringLiteral("%1 (\"%2\"): contrast %3")
                            .arg(describe(label), label->text().left(40))
                            .arg(ratio, 0, 'f', 1);
    }
    return problems;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

class tst_WizardAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pages_data();
    void pages();
    void editorColoursOnBothPalettes_data();
    void editorColoursOnBothPalettes();

private:
    std::unique_ptr<PageWalkFixtures> m_fixtures;
    std::unique_ptr<TestSshd> m_sshd;
};

void tst_WizardAccessibility::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_WizardAccessibility"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_fixtures = std::make_unique<PageWalkFixtures>();
    QVERIFY(m_fixtures->isValid());
    // As root, a throwaway sshd gives the Connect page its host-key states.
    QString error;
    m_sshd = startWalkSshd(&error);
    if (!m_sshd) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("no test sshd: %1").arg(error)));
        qInfo("no test sshd (%s): the host-key states are not checked", qPrintable(error));
    }
}

void tst_WizardAccessibility::pages_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("dark");
    QTest::addRow("en-light") << QStringLiteral("en") << false;
    QTest::addRow("de-light") << QStringLiteral("de") << false;
    QTest::addRow("en-dark") << QStringLiteral("en") << true;
}

void tst_WizardAccessibility::pages()
{
    QFETCH(QString, lang);
    QFETCH(bool, dark);
    const PageWalkLanguage language(lang);
    const QPalette before = QApplication::palette();
    if (dark)
        QApplication::setPalette(darkPalette());
    QSettings().clear();
    MemorySecretStore store;
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    QStringList problems;
    int states = 0;
    const bool walked =
        walkPages(&wizard, *m_fixtures, m_sshd.get(), [&](int, const QString &state) {
            ++states;
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
            const QString where =
                QStringLiteral("%1 (%2): ").arg(wizard.currentPage()->objectName(), state);
            QStringList found = unnamedControls(&wizard) + tabOrderProblems(wizard.currentPage());
            if (dark)
                found += illegibleLabels(&wizard);
            for (const QString &problem : std::as_const(found))
                problems << where + problem;
        });
    if (dark)
        QApplication::setPalette(before);
    QVERIFY(walked);
    QVERIFY(states >= 12);
    problems.removeDuplicates();
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(),
             qPrintable(
                 QStringLiteral("%1 accessibility problems (listed above)").arg(problems.size())));
}

void tst_WizardAccessibility::editorColoursOnBothPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << false;
    QTest::addRow("dark") << true;
}

// The YAML colours and the problem marks are picked for the editor's background.
void tst_WizardAccessibility::editorColoursOnBothPalettes()
{
    QFETCH(bool, dark);
    PoolCodeEditor editor;
    if (dark)
        editor.setPalette(darkPalette());
    const QColor base = editor.palette().color(QPalette::Base);
    YamlHighlighter highlighter(editor.document());
    highlighter.setPalette(editor.palette());
    const QList<QTextCharFormat> formats = highlighter.formats();
    QVERIFY(formats.size() >= 5);
    for (const QTextCharFormat &format : formats)
        QVERIFY2(contrast(format.foreground().color(), base) >= 4.5,
                 qPrintable(format.foreground().color().name()));
    for (auto marker :
         {PoolCodeEditor::ErrorMarker, PoolCodeEditor::WarningMarker, PoolCodeEditor::NoteMarker})
        QVERIFY2(contrast(PoolCodeEditor::markerColor(marker, editor.palette()), base) >= 3.0,
                 qPrintable(PoolCodeEditor::markerColor(marker, editor.palette()).name()));
    for (auto tone : {Tone::Error, Tone::Warning, Tone::Good})
        QVERIFY(contrast(toneColor(tone, editor.palette()),
                         editor.palette().color(QPalette::Window)) >= 4.5);
}

QTEST_MAIN(tst_WizardAccessibility)
#include "tst_WizardAccessibility.moc"
