#include "ManageStatusView.h"

#include "widgets/ScrollingPage.h"
#include "widgets/Tones.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

namespace gs {

namespace {

using manage::ContainerStatus;
using manage::VmStatus;

// lupdate files the tr() calls of these free functions under "gs" (util/Translate.h).
QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("gs", text, comment, n);
}

// One line of a section, its mark and tone saying how it is (the words say it too).
struct Line
{
    enum class Mark { None, Good, Warning, Error };
    Mark mark = Mark::None;
    QString text;
    bool strong = false;
};

QString html(const QList<Line> &lines, const QPalette &palette)
{
    QStringList out;
    for (const Line &line : lines) {
        QString text = line.text.toHtmlEscaped();
        if (line.strong)
            text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
        if (line.mark == Line::Mark::None) {
            out << text;
            continue;
        }
        const Tone tone = line.mark == Line::Mark::Good      ? Tone::Good
                          : line.mark == Line::Mark::Warning ? Tone::Warning
                                                             : Tone::Error;
        const QString mark = line.mark == Line::Mark::Good      ? QStringLiteral("\u2714")
                             : line.mark == Line::Mark::Warning ? QStringLiteral("\u26a0")
                                                                : QStringLiteral("\u2716");
        out << QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                   .arg(toneColor(tone, palette).name(), mark, text);
    }
    return out.join(QStringLiteral("<br>"));
}

// "running, healthy, up since 2026-12-01 09:00 UTC (3 hours ago), 2 restarts"
Line stateLine(const ContainerStatus &c, bool healthy)
{
    if (!c.present)
        return {Line::Mark::Error, tr("not on the VM (%1)").arg(c.name)};
    QStringList parts{c.state};
    if (!c.health.isEmpty())
        parts << c.health;
    if (c.isRunning() && !c.startedAt.isEmpty())
        parts << tr("up since %1")
                     .arg(manage::describeTime(c.startedAt, QDateTime::currentDateTimeUtc()));
    if (c.restarts > 0)
        parts << tr("%n restart(s)", nullptr, c.restarts);
    const Line::Mark mark = !c.isRunning() ? Line::Mark::Error
                            : healthy      ? Line::Mark::Good
                                           : Line::Mark::Warning;
    return {mark, c.name + QStringLiteral(": ") + parts.join(QStringLiteral(", "))};
}

Line imageLine(const ContainerStatus &c)
{
    QString text = tr("Image: %1").arg(c.image);
    if (!c.digest.isEmpty())
        text += QStringLiteral(" (") + c.digest.section(QLatin1Char('@'), 1).left(19) +
                QStringLiteral("…)");
    else if (!c.imageId.isEmpty())
        text += QStringLiteral(" (") + c.imageId.left(19) + QStringLiteral("…)");
    if (!c.imageCreated.isEmpty())
        text += QStringLiteral(", ") +
                tr("built %1")
                    .arg(manage::describeTime(c.imageCreated, QDateTime::currentDateTimeUtc()));
    return {Line::Mark::None, text};
}

void addFindings(QList<Line> *lines, const QList<steps::LogFinding> &findings)
{
    for (const steps::LogFinding &f : findings)
        *lines << Line{f.fatal ? Line::Mark::Error : Line::Mark::Warning,
                       tr("Its log: %1").arg(f.meaning)};
}

QList<Line> runnerLines(const VmStatus &s)
{
    QList<Line> lines{stateLine(s.runner, s.runnerHealthy())};
    if (!s.runner.present)
        return lines;
    lines << imageLine(s.runner);
    if (s.runnerHealth == QLatin1String("OK"))
        lines << Line{Line::Mark::Good, tr("Health check on port 3000: OK")};
    else
        lines << Line{Line::Mark::Error,
                      s.runnerHealth.isEmpty()
                          ? tr("Health check on port 3000: no answer")
                          : tr("Health check on port 3000 answered: %1").arg(s.runnerHealth)};
    addFindings(&lines, s.runnerFindings);
    return lines;
}

Line harnessLine(const VmStatus &s)
{
    switch (s.harness) {
    case VmStatus::HarnessCheck::NotAsked:
        return {Line::Mark::None,
                tr("Connected in Harness: not asked (no API key; give one above to ask)")};
    case VmStatus::HarnessCheck::Connected:
        return {Line::Mark::Good, tr("Connected in Harness. %1").arg(s.harnessMessage)};
    case VmStatus::HarnessCheck::NotConnected:
        return {Line::Mark::Error, tr("Not connected in Harness: %1").arg(s.harnessMessage)};
    case VmStatus::HarnessCheck::Failed:
        return {Line::Mark::Warning, tr("Harness could not be asked: %1").arg(s.harnessMessage)};
    }
    return {};
}

QList<Line> delegateLines(const VmStatus &s)
{
    QList<Line> lines{stateLine(s.delegate, s.delegateHealthy())};
    if (s.delegate.present) {
        lines << imageLine(s.delegate);
        // The image's age decides whether the delegate stays connected: said loudly.
        if (!s.delegateImage.message.isEmpty())
            lines << Line{s.delegateImage.warning ? Line::Mark::Warning : Line::Mark::Good,
                          s.delegateImage.message, s.delegateImage.warning};
        if (s.delegateRegistered)
            lines << Line{Line::Mark::Good, tr("Registered with id %1").arg(s.delegateId)};
        else
            lines << Line{Line::Mark::Warning,
                          tr("No \"Delegate registered with id\" line in its log")};
        addFindings(&lines, s.delegateFindings);
    }
    lines << harnessLine(s);
    return lines;
}

QList<Line> upgraderLines(const VmStatus &s)
{
    if (!s.upgrader.present)
        return {{Line::Mark::None, tr("Not installed: nothing upgrades the delegate by itself. "
                                      "\"Install the upgrader\" below adds it.")}};
    Line state = stateLine(s.upgrader, true);
    if (!s.upgrader.isRunning())
        state.mark = Line::Mark::Warning;
    return {state, imageLine(s.upgrader)};
}

QList<Line> networkLines(const VmStatus &s)
{
    if (!s.networkPresent)
        return {{Line::Mark::Error, tr("The harness network is missing: the delegate cannot "
                                       "reach the runner.")}};
    QList<Line> lines{
        {Line::Mark::Good,
         s.networkContainers.isEmpty()
             ? tr("harness: nothing attached")
             : tr("harness: %1").arg(s.networkContainers.join(QStringLiteral(", ")))}};
    for (const ContainerStatus *c : {&s.runner, &s.delegate})
        if (c->present && !s.networkContainers.contains(c->name))
            lines << Line{Line::Mark::Error, tr("%1 is not attached to it.").arg(c->name)};
    return lines;
}

QList<Line> poolLines(const VmStatus &s)
{
    if (!s.poolOnVmRead)
        return {{Line::Mark::Warning, s.poolOnVmError}};
    if (!s.poolLocalKnown)
        return {{Line::Mark::None,
                 tr("%1: %n byte(s) on the VM; no local pool file to compare it with (pick one "
                    "on the first page).",
                    nullptr, int(s.poolOnVm.size()))
                     .arg(s.poolPath)}};
    if (s.poolDiff.isEmpty())
        return {{Line::Mark::Good, tr("%1 is the same as the local file.").arg(s.poolPath)}};
    return {{Line::Mark::Warning, tr("%1 on the VM differs from the local file.").arg(s.poolPath)}};
}

} // namespace

ManageStatusView::ManageStatusView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("manageStatusView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("manageStatusHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);

    m_sections = new QWidget(this);
    auto *form = new QFormLayout(m_sections);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_sections);
    const std::pair<QString, const char *> sections[] = {
        {tr("VM runner:"), "manageRunnerStatus"},  {tr("Delegate:"), "manageDelegateStatus"},
        {tr("Upgrader:"), "manageUpgraderStatus"}, {tr("Network:"), "manageNetworkStatus"},
        {tr("Pool file:"), "managePoolStatus"},
    };
    for (const auto &[title, name] : sections) {
        auto *label = new QLabel(m_sections);
        label->setObjectName(QLatin1String(name));
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *titleLabel = new QLabel(title, m_sections);
        titleLabel->setBuddy(label);
        form->addRow(titleLabel, label);
        m_sectionLabels << label;
    }

    m_diffToggle = new QPushButton(tr("Show differences"), this);
    m_diffToggle->setObjectName(QStringLiteral("poolDiffToggle"));
    m_diffToggle->setCheckable(true);
    m_diffToggle->setAutoDefault(false);
    auto *toggleRow = new QHBoxLayout;
    toggleRow->addWidget(m_diffToggle);
    toggleRow->addStretch();
    layout->addLayout(toggleRow);
    m_diffView = new QPlainTextEdit(this);
    m_diffView->setObjectName(QStringLiteral("poolDiffView"));
    m_diffView->setAccessibleName(tr("Differences between pool.yaml on the VM and the local file"));
    m_diffView->setReadOnly(true);
    m_diffView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diffView->setMinimumHeight(160);
    layout->addWidget(m_diffView);
    connect(m_diffToggle, &QPushButton::toggled, this, [this](bool on) {
        m_diffView->setVisible(on);
        m_diffToggle->setText(on ? tr("Hide differences") : tr("Show differences"));
        if (on)
            revealInPage(m_diffView);
    });
    showMessage(QString());
}

QLabel *ManageStatusView::section(const char *objectName) const
{
    for (QLabel *label : m_sectionLabels)
        if (label->objectName() == QLatin1String(objectName))
            return label;
    return nullptr;
}

void ManageStatusView::showMessage(const QString &message)
{
    m_headline->setPalette(palette());
    m_headline->setText(message);
    m_headline->setHidden(message.isEmpty());
    m_sections->hide();
    m_diffToggle->hide();
    m_diffView->hide();
}

void ManageStatusView::showStatus(const manage::VmStatus &status)
{
    const QStringList problems = status.problems();
    m_headline->setPalette(tonedPalette(problems.isEmpty() ? Tone::Good : Tone::Error, palette()));
    m_headline->setText(
        problems.isEmpty()
            ? QStringLiteral("\u2714 ") + tr("The runner and the delegate are running and healthy.")
            : QStringLiteral("\u2716 ") + problems.join(QStringLiteral("\n\u2716 ")));
    m_headline->show();
    // Docker could not be asked: there is nothing to show in the sections.
    m_sections->setVisible(status.dockerProblem.isEmpty());
    const QList<QList<Line>> sections = {runnerLines(status), delegateLines(status),
                                         upgraderLines(status), networkLines(status),
                                         poolLines(status)};
    for (int i = 0; i < sections.size(); ++i)
        m_sectionLabels.at(i)->setText(html(sections.at(i), palette()));
    const bool differs = status.dockerProblem.isEmpty() && !status.poolDiff.isEmpty();
    showDiff(m_diffView, status.poolDiff);
    m_diffToggle->setVisible(differs);
    if (!differs)
        m_diffToggle->setChecked(false);
    m_diffView->setVisible(differs && m_diffToggle->isChecked());
}

void showDiff(QPlainTextEdit *view, const QStringList &diff)
{
    view->clear();
    QTextCursor cursor(view->document());
    const QPalette palette = view->palette();
    QTextCharFormat plain;
    QTextCharFormat header;
    header.setFontWeight(QFont::Bold);
    QTextCharFormat added;
    added.setForeground(toneColor(Tone::Good, palette));
    QTextCharFormat removed;
    removed.setForeground(toneColor(Tone::Error, palette));
    QTextCharFormat hunk;
    hunk.setForeground(toneColor(Tone::Note, palette));
    bool first = true;
    for (const QString &line : diff) {
        if (!first)
            cursor.insertBlock();
        first = false;
        const QTextCharFormat *format = &plain;
        if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")))
            format = &header;
        else if (line.startsWith(QLatin1Char('+')))
            format = &added;
        else if (line.startsWith(QLatin1Char('-')))
            format = &removed;
        else if (line.startsWith(QLatin1String("@@")))
            format = &hunk;
        cursor.insertText(line, *format);
    }
    view->moveCursor(QTextCursor::Start);
}

} // namespace gs
