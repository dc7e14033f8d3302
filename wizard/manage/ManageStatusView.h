#pragma once

#include "manage/VmStatus.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace gs {

class InlineError;

// The Manage page's status: what StatusJob found, in sections (the VM runner, the delegate, the
// upgrader, the network, the pool file), what is down said first, and the pool file's
// differences on request. Marks and words, never colour alone.
//
// objectNames: manageStatusView, manageStatusHeadline, manageRunnerStatus,
// manageDelegateStatus, manageUpgraderStatus, manageNetworkStatus, managePoolStatus,
// poolDiffToggle, poolDiffView.
class ManageStatusView : public QWidget
{
    Q_OBJECT
public:
    explicit ManageStatusView(QWidget *parent = nullptr);

    void showStatus(const manage::VmStatus &status);
    // No status (yet): the sections go, `message` says why (not connected, asking…).
    void showMessage(const QString &message);

    QLabel *headline() const { return m_headline; }
    QLabel *section(const char *objectName) const;
    QPushButton *diffToggle() const { return m_diffToggle; }
    QPlainTextEdit *diffView() const { return m_diffView; }

private:
    QLabel *addSection(const QString &title, const char *objectName);

    QLabel *m_headline;
    QWidget *m_sections;
    QList<QLabel *> m_sectionLabels;
    QPushButton *m_diffToggle;
    QPlainTextEdit *m_diffView;
};

// Fills `view` with a unified diff: "+" lines in the good tone, "-" lines in the error tone, the
// "@@" lines in the note tone.
void showDiff(QPlainTextEdit *view, const QStringList &diff);

} // namespace gs
