#pragma once

#include "pool/PoolDiagnostic.h"
#include "pool/PoolValidator.h"

#include <QFutureWatcher>
#include <QTextEdit>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QFrame;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace gs {

class PoolCodeEditor;
class YamlHighlighter;
class InlineError;

// The pool.yaml editor the VM Runner page embeds: the file with YAML colouring and line
// numbers, each finding underlined at its range with a marker in the gutter, a list of the
// findings (click to jump), one-click fixes, and the table of pools. It re-validates while the
// user types (debounced, off the GUI thread) and saves the text back as the user wrote it.
//
//   auto *editor = new PoolEditorWidget;             // page: poolEditorArea()->addWidget(editor)
//   editor->loadFile(path, &error);                  // shows and validates at once
//   connect(editor, &PoolEditorWidget::acceptableChanged, this, &QWizardPage::completeChanged);
//   bool isComplete() const { return editor->isAcceptable(); } // no errors, or the user chose
//                                                              // "continue despite errors"
//   editor->save(&error);                            // QSaveFile; CRLF and BOM kept
//   editor->fileBytes();                             // what save() writes (e.g. to upload)
//
// Also: setText(), text(), filePath(), isModified(), report(), hasErrors(), isReportCurrent(),
// validateNow() (synchronous), jumpTo(i), applyFix(i), setContinueDespiteErrors(bool),
// setValidateOptions(), setDebounceInterval(). Signals: reportChanged(), acceptableChanged(bool),
// modificationChanged(bool), fileSaved(path).
//
// objectNames: poolEditor, poolEditorText, poolEditorGutter, poolEditorDiagnostics,
// poolEditorFixButton, poolEditorPools, poolEditorSummary, poolEditorContinue, poolEditorSave,
// poolEditorNotice, poolEditorSwitchBar, poolEditorSwitchText, poolEditorSwitchSave,
// poolEditorSwitchDiscard.
class PoolEditorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PoolEditorWidget(QWidget *parent = nullptr);
    ~PoolEditorWidget() override;

    // Reads the file (UTF-8; refused when binary or larger than a pool file can be).
    bool loadFile(const QString &path, QString *error = nullptr);
    // The wizard's way in: shows `path`, saying inline why when it cannot. Edits not saved yet
    // are never dropped: the switch then waits for the user's "save first" or "discard"
    // (hasPendingFile()), and switching back to the file shown cancels it.
    void openFile(const QString &path);
    bool hasPendingFile() const { return !m_pendingPath.isEmpty(); }
    QString pendingFile() const { return m_pendingPath; }
    bool save(QString *error = nullptr); // to filePath()
    bool saveAs(const QString &path, QString *error = nullptr);
    // Before the file is used (uploaded): saves edits not saved yet. A failure is shown in the
    // editor's notice too, and the edits stay.
    bool saveIfModified(QString *error = nullptr);
    QString filePath() const { return m_path; }
    bool isModified() const;

    void setText(const QString &text); // replaces the document (not undoable), validates at once
    QString text() const;
    QByteArray fileBytes() const; // UTF-8 with the file's BOM and line endings

    const pool::PoolReport &report() const { return m_report; }
    bool hasErrors() const { return m_report.hasErrors(); }
    bool isReportCurrent() const { return m_reportRevision == m_revision; }
    void setValidateOptions(const pool::ValidateOptions &options);
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); } // default 300 ms

    // For a file that is not on this computer (the VM's): its caller saves it, not "Save".
    void setSaveButtonVisible(bool visible);

    void setContinueDespiteErrors(bool yes);
    bool continueDespiteErrors() const { return m_continue; }
    bool isAcceptable() const { return !hasErrors() || m_continue; }

    PoolCodeEditor *editor() const { return m_editor; }
    // 1-based line -> PoolCodeEditor::Marker (-1 none, 0 error, 1 warning, 2 note).
    int markerAt(int line) const;

public Q_SLOTS:
    void validateNow();
    void jumpTo(int diagnosticIndex);   // cursor to the finding, editor focused
    bool applyFix(int diagnosticIndex); // one undo step; re-validates at once

Q_SIGNALS:
    void reportChanged();
    void acceptableChanged(bool acceptable);
    void modificationChanged(bool modified);
    void fileSaved(const QString &path);
    void pendingFileChanged(bool pending);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's parts, in the order it calls them.
    void setUpDiagnosticsList();
    void setUpPoolsTable();
    QSplitter *buildSplitter(); // the editor, the findings bar and list, and the pools
    void setUpSwitchBar();
    void connectSignals();
    void jumpToPoolRow(int row);

    void setPendingFile(const QString &path);
    void switchToPending(bool saveFirst);
    void onTextChanged();
    void startValidation();
    void onValidationFinished();
    void showReport(const pool::PoolReport &report, const QByteArray &validated, quint64 revision);
    void showDiagnostics(const QList<pool::Diagnostic> &diagnostics); // list, underlines, gutter
    QTextEdit::ExtraSelection underline(const pool::Diagnostic &d) const;
    QTreeWidgetItem *diagnosticItem(const pool::Diagnostic &d, int index) const;
    void showPools(const QList<pool::PoolRow> &pools);
    void showSummary(const pool::PoolReport &report);
    void updateFixButton();
    void updateAcceptable();
    int documentPosition(int line, int column) const;

    PoolCodeEditor *m_editor;
    YamlHighlighter *m_highlighter;
    QTreeWidget *m_diagnostics;
    QTableWidget *m_pools;
    QLabel *m_summary;
    QPushButton *m_fixButton;
    QPushButton *m_saveButton;
    QCheckBox *m_continueBox;
    InlineError *m_notice; // a file that could not be read or saved
    QFrame *m_switchBar;   // unsaved edits while another file was picked
    QLabel *m_switchText;
    QPushButton *m_switchSave;
    QPushButton *m_switchDiscard;
    QString m_pendingPath;

    QString m_path;
    bool m_crlf = false;
    bool m_bom = false;
    bool m_continue = false;
    bool m_lastAcceptable = true;
    pool::ValidateOptions m_options;

    QTimer m_debounce;
    QFutureWatcher<pool::PoolReport> m_watcher;
    quint64 m_revision = 0; // bumps on every edit
    quint64 m_ticket = 0;   // bumps on every validation started; older results are dropped
    quint64 m_runningTicket = 0;
    quint64 m_runningRevision = 0;
    QByteArray m_runningBytes;
    bool m_pending = false; // an edit arrived while a validation was running

    pool::PoolReport m_report;
    QList<pool::PoolRow> m_shownPools; // the table is rebuilt only when these change
    QByteArray m_reportBytes;          // the UTF-8 text m_report is about (fix offsets refer to it)
    quint64 m_reportRevision = 0;
};

} // namespace gs
