#pragma once

// Helpers for driving the real SetupWizard by objectName.

#include "SetupWizard.h"
#include "WizardModel.h"
#include "widgets/CommandView.h"

#include "plan/ShellQuote.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QTest>

namespace gs::test {

template<class T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found) {
        // A missing objectName is a test failure, not a crash on the next line.
        qFatal("no child %s named %s", T::staticMetaObject.className(), name);
    }
    return found;
}

// Replaces the text of a line edit the way a user does: select all, type.
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Clicks a check box or radio button on its indicator: a wide one does not take clicks in the
// empty space right of its label.
inline void clickIndicator(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
}

// The VM Runner page keeps "Next" disabled while the pool file has errors until the user chooses
// to go on anyway; tests with a minimal (invalid) pool file make that choice.
inline void continueDespitePoolErrors(QWidget *page)
{
    auto *box = page->findChild<QAbstractButton *>(QStringLiteral("poolEditorContinue"));
    // A widget embedded into a shown page appears on the next event-loop turn.
    QCoreApplication::processEvents();
    if (box && box->isVisible() && !box->isChecked())
        clickIndicator(box);
}

inline QString commandText(CommandView *view, const QString &id, bool copy = false)
{
    for (const CommandView::Entry &entry : view->entries()) {
        if (entry.id == id)
            return copy ? entry.copyText : entry.displayText;
    }
    return {};
}

// The words of the first `docker run` in a shell text, as (option value) pairs plus the image and
// the arguments after it, so that commands can be compared regardless of option order, quoting
// and line continuation.
struct DockerRun
{
    QStringList options; // "--network harness", "-d", "-e NEXT_GEN=true", sorted
    QString image;
    QStringList arguments;
    bool sudo = false;
};

inline DockerRun parseDockerRun(const QString &text)
{
    DockerRun run;
    QStringList words;
    if (!shellSplit(text, &words))
        return run;
    qsizetype i = 0;
    for (; i + 1 < words.size(); ++i) {
        if (words.at(i) == QLatin1String("docker") && words.at(i + 1) == QLatin1String("run"))
            break;
    }
    if (i + 1 >= words.size())
        return run;
    run.sudo = i > 0 && words.at(i - 1) == QLatin1String("sudo");
    static const QStringList withValue{
        QStringLiteral("--network"), QStringLiteral("--hostname"), QStringLiteral("-v"),
        QStringLiteral("-p"),        QStringLiteral("--platform"), QStringLiteral("--name"),
        QStringLiteral("--restart"), QStringLiteral("-e"),         QStringLiteral("--env-file"),
        QStringLiteral("--cpus"),    QStringLiteral("--memory"),   QStringLiteral("--label")};
    for (i += 2; i < words.size(); ++i) {
        const QString word = words.at(i);
        if (!word.startsWith(QLatin1Char('-')))
            break;
        if (const qsizetype eq = word.indexOf(QLatin1Char('='));
            eq > 0 && word.startsWith(QLatin1String("--")))
            run.options.append(word.left(eq) + QLatin1Char(' ') + word.mid(eq + 1));
        else if (withValue.contains(word) && i + 1 < words.size())
            run.options.append(word + QLatin1Char(' ') + words.at(++i));
        else
            run.options.append(word);
    }
    if (i < words.size())
        run.image = words.at(i++);
    run.arguments = words.mid(i);
    run.options.sort();
    return run;
}

} // namespace gs::test
