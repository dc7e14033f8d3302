// The Summary page's run area: what "Run for me" did on each page, the transcript of what ran,
// and uninstall with the exact list of what it removes.
#include "RunController.h"
#include "util/AtomicFile.h"

#include "SetupWizard.h"
#include "WizardModel.h"
#include "pages/SummaryPage.h"
#include "run/RunPanel.h"
#include "widgets/CommandView.h"
#include "widgets/FileDialogs.h"
#include "widgets/Tones.h"

#include "steps/StepContext.h"
#include "steps/Transcript.h"
#include "steps/UninstallStep.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace gs {

void RunController::embedSummary()
{
    SummaryPage *page = m_wizard->summaryPage();
    QVBoxLayout *area = page->runArea();

    // What "Run for me" did on each page, what it found in place, and what went wrong.
    m_results = new QLabel(page);
    m_results->setObjectName(QStringLiteral("runResults"));
    m_results->setTextFormat(Qt::PlainText);
    m_results->setWordWrap(true);
    m_results->setTextInteractionFlags(Qt::TextSelectableByMouse);
    area->addWidget(m_results);

    embedTranscript(page, area);
    embedUninstall(page, area);
    updateTranscript();
    updateResults();
    updateUninstallPlan();
    updateConnectionState();
}

void RunController::embedTranscript(SummaryPage *page, QVBoxLayout *area)
{
    // Shown once there is a transcript: until then the summary above gets the room.
    m_transcriptBox = new QWidget(page);
    m_transcriptBox->setObjectName(QStringLiteral("transcriptBox"));
    auto *transcriptLayout = new QVBoxLayout(m_transcriptBox);
    transcriptLayout->setContentsMargins(0, 0, 0, 0);
    area->addWidget(m_transcriptBox);
    auto *transcriptLabel = new QLabel(tr("Transcript of what ran (secrets masked):"), page);
    transcriptLayout->addWidget(transcriptLabel);
    m_transcriptView = new QPlainTextEdit(page);
    m_transcriptView->setObjectName(QStringLiteral("transcriptView"));
    m_transcriptView->setReadOnly(true);
    m_transcriptView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_transcriptView->setMinimumHeight(120);
    transcriptLayout->addWidget(m_transcriptView);
    auto *save = new QPushButton(tr("Save transcript…"), page);
    save->setObjectName(QStringLiteral("saveTranscriptButton"));
    auto *saveStatus = new QLabel(page);
    saveStatus->setObjectName(QStringLiteral("saveTranscriptStatus"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(saveStatus, 1);
    transcriptLayout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, [this, page, saveStatus] {
        FileDialogs::saveFile(
            page, tr("Save transcript"), QStringLiteral("transcript.txt"),
            tr("Text files (*.txt);;All files (*)"), [this, saveStatus](const QString &path) {
                QString error;
                saveStatus->setText(saveTranscript(path, &error) ? tr("Saved to %1.").arg(path)
                                                                 : error);
            });
    });
}

void RunController::embedUninstall(SummaryPage *page, QVBoxLayout *area)
{
    auto *uninstallLabel = new QLabel(
        tr("Uninstall: these commands remove the delegate and the runner containers this setup "
           "made or adopted, and nothing else; each one checks that first."),
        page);
    uninstallLabel->setWordWrap(true);
    area->addWidget(uninstallLabel);
    auto *removeNetwork = new QCheckBox(
        tr("Also remove the harness network (kept while another container uses it)"), page);
    removeNetwork->setObjectName(QStringLiteral("uninstallNetworkCheck"));
    auto *removeDirectory =
        new QCheckBox(tr("Also remove the files the setup wrote (pool.yaml, the key) and the "
                         "runner directory, when nothing else is in it"),
                      page);
    removeDirectory->setObjectName(QStringLiteral("uninstallDirectoryCheck"));
    area->addWidget(removeNetwork);
    area->addWidget(removeDirectory);
    connect(removeNetwork, &QCheckBox::toggled, this, [this](bool on) {
        m_context->options().removeNetworkOnUninstall = on;
        updateUninstallPlan();
    });
    connect(removeDirectory, &QCheckBox::toggled, this, [this](bool on) {
        m_context->options().removeDirectoryOnUninstall = on;
        updateUninstallPlan();
    });
    m_uninstallCommands = new CommandView(page);
    m_uninstallCommands->setObjectName(QStringLiteral("uninstallCommands"));
    // Folded: the summary above keeps the room until the commands are asked for.
    m_uninstallCommands->setExpanded(false);
    area->addWidget(m_uninstallCommands);
    RunPanel *panel = nullptr;
    {
        auto *hint = new QLabel(tr("Connect on the SSH page to uninstall from here."), page);
        hint->setObjectName(QStringLiteral("runHint_uninstall"));
        hint->setWordWrap(true);
        area->addWidget(hint);
        m_hints.insert(int(steps::StepKind::Uninstall), hint);
        panel = makeRunPanel(steps::StepKind::Uninstall, page);
        panel->setRunText(tr("Uninstall for me"));
        // Removing things is a decision: asked in a window-modal dialog that lists exactly
        // what the plan removes, Cancel the default.
        panel->setDestructive(
            [this](std::function<void()> proceed) { confirmUninstall(std::move(proceed)); });
        area->addWidget(panel);
    }
}

void RunController::confirmUninstall(std::function<void()> proceed)
{
    const StepPlan plan = steps::UninstallStep::plan(*m_context);
    QStringList lines;
    for (const PlannedCommand &command : plan.commands) {
        lines << QStringLiteral("# ") + command.summary;
        lines << command.script << QString();
    }
    auto *dialog = new QDialog(m_wizard);
    dialog->setObjectName(QStringLiteral("uninstallConfirmDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Uninstall from the VM?"));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QLabel(
        tr("Uninstall runs exactly these commands on %1, and nothing else:")
            .arg(m_model->config().ssh.host.isEmpty() ? tr("the VM") : m_model->config().ssh.host),
        dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *list = new QPlainTextEdit(dialog);
    list->setObjectName(QStringLiteral("uninstallConfirmList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    list->setPlainText(lines.join(QLatin1Char('\n')).trimmed());
    list->setMinimumSize(560, 220);
    layout->addWidget(list, 1);
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *uninstall = buttons->addButton(tr("&Uninstall"), QDialogButtonBox::AcceptRole);
    uninstall->setObjectName(QStringLiteral("uninstallConfirmButton"));
    uninstall->setAutoDefault(false);
    QPalette palette = uninstall->palette();
    palette.setColor(QPalette::ButtonText, toneColor(Tone::Error, palette));
    uninstall->setPalette(palette);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("uninstallCancelButton"));
    cancel->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [proceed = std::move(proceed)] { proceed(); });
    dialog->open();
    cancel->setFocus(Qt::OtherFocusReason);
}

void RunController::updateUninstallPlan()
{
    if (!m_uninstallCommands)
        return;
    const StepPlan plan = steps::UninstallStep::plan(*m_context);
    QList<CommandView::Entry> entries;
    for (const PlannedCommand &command : plan.commands) {
        CommandView::Entry entry;
        entry.id = command.id;
        entry.summary = command.summary;
        entry.displayText = command.script;
        entry.copyText = command.script;
        entries << entry;
    }
    m_uninstallCommands->setEntries(entries);
}

void RunController::updateTranscript()
{
    if (!m_transcriptView)
        return;
    // Transcript::toText() is masked already.
    if (m_transcriptBox)
        m_transcriptBox->setVisible(!m_transcript->toText().isEmpty());
    QScrollBar *bar = m_transcriptView->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_transcriptView->setPlainText(m_transcript->toText());
    if (atEnd)
        bar->setValue(bar->maximum());
}

bool RunController::saveTranscript(const QString &path, QString *error) const
{
    // Secrets are masked in it, but what ran on the VM is the admin's own business: 0600.
    QString why;
    if (!writeFileAtomically(path, m_transcript->toText().toUtf8(), &why,
                             QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, why);
        return false;
    }
    return true;
}

} // namespace gs
