// The layout check: every page in the states the page renderer shows (PageWalk), at the wizard's
// minimum and its default size, in English and German. Fails where a visible widget overlaps a
// visible sibling in the same layout, gets less than its minimum size (hint), or a word-wrapped
// label gets less height than its text needs at its width: what the screenshots show as clipped
// or overdrawn text.

#include "../WizardTestUtil.h"
#include "PageWalk.h"
#include "TestSshd.h"

#include "secrets/MemorySecretStore.h"
#include "widgets/StepList.h"

#include <QApplication>
#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QSettings>
#include <QTest>

#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

bool layoutContains(const QLayout *layout, const QWidget *widget)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (item->widget() == widget || (item->layout() && layoutContains(item->layout(), widget)))
            return true;
    }
    return false;
}

// Whether `widget` is placed by a layout of its parent (not a scroll area's viewport or bar, not
// a window of its own).
bool inParentLayout(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    if (!parent || widget->isWindow() || !parent->layout())
        return false;
    return layoutContains(parent->layout(), widget);
}

// The size a layout must give `widget` at least: what QLayout itself respects (an explicit
// minimum size, else the minimum size hint unless the policy ignores it), capped by a maximum.
QSize requiredSize(const QWidget *widget)
{
    const QSize hint = widget->minimumSizeHint();
    const QSize set = widget->minimumSize();
    const QSizePolicy policy = widget->sizePolicy();
    int w = set.width() > 0
                ? set.width()
                : (policy.horizontalPolicy() == QSizePolicy::Ignored ? 0 : hint.width());
    int h = set.height() > 0
                ? set.height()
                : (policy.verticalPolicy() == QSizePolicy::Ignored ? 0 : hint.height());
    w = qMin(w, widget->maximumWidth());
    h = qMin(h, widget->maximumHeight());
    return {qMax(w, 0), qMax(h, 0)};
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w && !w->inherits("QWizardPage"); w = w->parentWidget()) {
        QString name = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty())
            name += QLatin1Char('#') + w->objectName();
        if (const auto *label = qobject_cast<const QLabel *>(w))
            name += QStringLiteral("(\"%1\")").arg(label->text().left(40));
        path.prepend(name);
    }
    return path.join(QStringLiteral(" > "));
}

QString geometry(const QWidget *widget)
{
    const QRect r = widget->geometry();
    return QStringLiteral("%1x%2+%3+%4").arg(r.width()).arg(r.height()).arg(r.x()).arg(r.y());
}

// Every problem on the page as it is now, one line each.
QStringList layoutProblems(QWidget *page)
{
    QStringList problems;
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || !inParentLayout(widget))
            continue;
        const QSize needs = requiredSize(widget);
        if (widget->width() < needs.width() || widget->height() < needs.height()) {
            problems << QStringLiteral("%1 is %2, needs at least %3x%4")
                            .arg(describe(widget), geometry(widget))
                            .arg(needs.width())
                            .arg(needs.height());
        }
        if (const auto *label = qobject_cast<const QLabel *>(widget);
            label && label->wordWrap() && !label->text().isEmpty()) {
            const int height = label->heightForWidth(label->width());
            if (label->height() < height)
                problems << QStringLiteral("%1 is %2, its text needs %3 px height")
                                .arg(describe(widget), geometry(widget))
                                .arg(height);
        }
        // A page scrolls up and down only: content wider than the view hides its right edge.
        if (const auto *area = qobject_cast<const QScrollArea *>(widget);
            area && area->widget() && area->parentWidget()->inherits("QWizardPage") &&
            area->widget()->width() > area->viewport()->width()) {
            problems << QStringLiteral(
                            "%1 scrolls sideways: its content is %2 px wide, the view %3")
                            .arg(describe(widget))
                            .arg(area->widget()->width())
                            .arg(area->viewport()->width());
        }
        // Siblings after this one: each pair once.
        const QObjectList siblings = widget->parentWidget()->children();
        for (qsizetype i = siblings.indexOf(widget) + 1; i < siblings.size(); ++i) {
            auto *other = qobject_cast<QWidget *>(siblings.at(i));
            if (!other || !other->isVisible() || !inParentLayout(other))
                continue;
            if (widget->geometry().intersects(other->geometry())) {
                problems << QStringLiteral("%1 (%2) overlaps %3 (%4)")
                                .arg(describe(widget), geometry(widget), describe(other),
                                     geometry(other));
            }
        }
    }
    return problems;
}

} // namespace

class tst_WizardLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pages_data();
    void pages();
    void stepList();

private:
    std::unique_ptr<PageWalkFixtures> m_fixtures;
    std::unique_ptr<TestSshd> m_sshd;
};

void tst_WizardLayout::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_WizardLayout"));
    m_fixtures = std::make_unique<PageWalkFixtures>();
    QVERIFY(m_fixtures->isValid());
    // As root, a throwaway sshd gives the Connect page its host-key question, as in the
    // screenshots; elsewhere those two states are left out (said, not hidden).
    QString error;
    m_sshd = startWalkSshd(&error);
    if (!m_sshd) {
        // In CI a missing real part is a failure, not a skip (design.md, "Testing with real
        // parts").
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            QFAIL(qPrintable(QStringLiteral("no test sshd: %1").arg(error)));
        qInfo("no test sshd (%s): the host-key states are not checked", qPrintable(error));
    }
}

void tst_WizardLayout::pages_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("minimum");
    for (const char *lang : {"en", "de"}) {
        QTest::addRow("%s-minimum", lang) << QString::fromLatin1(lang) << true;
        QTest::addRow("%s-default", lang) << QString::fromLatin1(lang) << false;
    }
}

void tst_WizardLayout::pages()
{
    QFETCH(QString, lang);
    QFETCH(bool, minimum);
    const PageWalkLanguage language(lang);
    QSettings().clear();
    MemorySecretStore store;
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QSize defaultSize = wizard.size();

    QStringList problems;
    int states = 0;
    const bool walked =
        walkPages(&wizard, *m_fixtures, m_sshd.get(), [&](int, const QString &state) {
            ++states;
            // As the renderer sizes the window; layouts settle over a few turns of the event loop
            // (word-wrapped labels ask twice, the wizard's minimum follows its pages).
            for (int i = 0; i < 4; ++i) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                QCoreApplication::processEvents();
                wizard.resize(minimum ? wizard.minimumSizeHint().expandedTo(wizard.minimumSize())
                                      : defaultSize);
            }
            const QString where = QStringLiteral("%1 (%2) at %3x%4: ")
                                      .arg(wizard.currentPage()->objectName(), state)
                                      .arg(wizard.width())
                                      .arg(wizard.height());
            // The window keeps the size it has from page to page: no page may need more.
            if (!minimum && wizard.size() != defaultSize)
                problems << where +
                                QStringLiteral("the window grew from %1x%2 (its minimum is %3x%4)")
                                    .arg(defaultSize.width())
                                    .arg(defaultSize.height())
                                    .arg(wizard.minimumWidth())
                                    .arg(wizard.minimumHeight());
            for (const QString &problem : layoutProblems(wizard.currentPage()))
                problems << where + problem;
            // The steps at the side get what they need too, at every size.
            for (const QString &problem : layoutProblems(wizard.sideWidget()))
                problems << where + problem;
        });
    QVERIFY(walked);
    QVERIFY(states >= 12);
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 layout problems (listed above)").arg(problems.size())));
}

// The steps at the side: every page, its status in words and an icon, the current one marked.
void tst_WizardLayout::stepList()
{
    QSettings().clear();
    MemorySecretStore store;
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *steps = wizard.findChild<StepList *>(QStringLiteral("stepList"));
    QVERIFY(steps);
    QVERIFY(steps->isVisible());
    auto title = [&](int id) {
        return child<QLabel>(steps, qPrintable(QStringLiteral("stepText_%1").arg(id)));
    };
    auto status = [&](int id) {
        return child<QLabel>(steps, qPrintable(QStringLiteral("stepStatus_%1").arg(id)))->text();
    };
    QVERIFY(title(SetupWizard::Prerequisites)->font().bold());
    QVERIFY(title(SetupWizard::Prerequisites)->text().startsWith(QStringLiteral("▸ ")));
    QCOMPARE(status(SetupWizard::Connect), StepList::statusText(StepList::Status::ToDo));
    QCOMPARE(steps->status(SetupWizard::Docker), StepList::Status::ToDo);
    // Passed, a page without a step of its own is done: the word and the icon say so.
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(SetupWizard::Connect));
    QCOMPARE(steps->status(SetupWizard::Prerequisites), StepList::Status::Done);
    QCOMPARE(status(SetupWizard::Prerequisites), StepList::statusText(StepList::Status::Done));
    QVERIFY(!child<QLabel>(steps, "stepIcon_0")->pixmap().isNull());
    QVERIFY(title(SetupWizard::Connect)->font().bold());
    QVERIFY(!title(SetupWizard::Prerequisites)->font().bold());
    QVERIFY(!title(SetupWizard::Prerequisites)->text().startsWith(QStringLiteral("▸ ")));
    // Screen readers hear the title, the status and which step is current, in one name.
    QVERIFY(title(SetupWizard::Connect)
                ->accessibleName()
                .contains(StepList::statusText(StepList::Status::ToDo)));
}

QTEST_MAIN(tst_WizardLayout)
#include "tst_WizardLayout.moc"
