#include "PoolEditorWidget.h"
#include "util/AtomicFile.h"

#include "PoolCodeEditor.h"
#include "ProblemDelegate.h"
#include "YamlHighlighter.h"

#include "pool/PoolFileEdits.h"
#include "util/LoggingCategories.h"
#include "widgets/EmptyState.h"
#include "widgets/InlineError.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace gs {

namespace {

constexpr int kMaxUnderlines = 2000; // beyond this the list still has them all

enum PoolColumn {
    NameColumn,
    TypeColumn,
    PlatformColumn,
    SizeColumn,
    MachineColumn,
    ZonesColumn,
    ImageColumn,
    ColumnCount
};

bool sameRows(const QList<pool::PoolRow> &a, const QList<pool::PoolRow> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const pool::PoolRow &x, const pool::PoolRow &y) {
                          return x.name == y.name && x.type == y.type && x.platform == y.platform &&
                                 x.pool == y.pool && x.limit == y.limit &&
                                 x.machineType == y.machineType && x.zones == y.zones &&
                                 x.image == y.image && x.line == y.line;
                      });
}

// UTF-16 index in `line` of the 1-based code point column.
int utf16Column(const QString &line, int column)
{
    int index = 0;
    for (int c = 1; c < column && index < line.size(); ++c)
        index += line.at(index).isHighSurrogate() && index + 1 < line.size() ? 2 : 1;
    return index;
}

} // namespace

PoolEditorWidget::PoolEditorWidget(QWidget *parent)
    : QWidget(parent)
    , m_editor(new PoolCodeEditor(this))
    , m_highlighter(new YamlHighlighter(m_editor->document()))
    , m_diagnostics(new QTreeWidget(this))
    , m_pools(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_fixButton(new QPushButton(tr("Apply fix"), this))
    , m_saveButton(new QPushButton(tr("Save"), this))
    , m_continueBox(new QCheckBox(tr("Continue despite errors"), this))
    , m_notice(new InlineError(QStringLiteral("poolEditorNotice"), this))
    , m_switchBar(new QFrame(this))
    , m_switchText(new QLabel(m_switchBar))
    , m_switchSave(new QPushButton(tr("Save, then open it"), m_switchBar))
    , m_switchDiscard(new QPushButton(tr("Discard the edits and open it"), m_switchBar))
{
    setObjectName(QStringLiteral("poolEditor"));
    m_highlighter->setPalette(m_editor->palette());
    m_editor->setObjectName(QStringLiteral("poolEditorText"));
    m_editor->setAccessibleName(tr("pool.yaml text"));
    m_diagnostics->setObjectName(QStringLiteral("poolEditorDiagnostics"));
    m_pools->setObjectName(QStringLiteral("poolEditorPools"));
    m_summary->setObjectName(QStringLiteral("poolEditorSummary"));
    m_fixButton->setObjectName(QStringLiteral("poolEditorFixButton"));
    m_saveButton->setObjectName(QStringLiteral("poolEditorSave"));
    m_continueBox->setObjectName(QStringLiteral("poolEditorContinue"));

    setUpDiagnosticsList();
    setUpPoolsTable();
    m_fixButton->setEnabled(false);
    m_fixButton->setToolTip(tr("Apply the automatic fix of the selected problem"));
    m_saveButton->setEnabled(false);
    m_continueBox->setVisible(false);
    m_continueBox->setToolTip(tr("The runner will probably refuse this file; go on anyway."));

    QSplitter *splitter = buildSplitter();
    setUpSwitchBar();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_switchBar);
    layout->addWidget(m_notice);
    layout->addWidget(splitter);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connectSignals();
    validateNow();
}

void PoolEditorWidget::setUpDiagnosticsList()
{
    m_diagnostics->setColumnCount(2);
    m_diagnostics->setHeaderLabels({tr("Line"), tr("Problem")});
    m_diagnostics->setRootIsDecorated(false);
    // Rows as tall as their wrapped message: a finding is read in full, not cut off with "…".
    m_diagnostics->setUniformRowHeights(false);
    m_diagnostics->setWordWrap(true);
    m_diagnostics->setItemDelegateForColumn(1, new ProblemDelegate(m_diagnostics));
    // The view keeps row heights until the next layout; a wider or narrower column needs one.
    auto *relayout = new QTimer(m_diagnostics);
    relayout->setSingleShot(true);
    connect(relayout, &QTimer::timeout, m_diagnostics, &QTreeView::doItemsLayout);
    connect(m_diagnostics->header(), &QHeaderView::sectionResized, relayout,
            [relayout](int column) {
                if (column == 1)
                    relayout->start(0);
            });
    m_diagnostics->setAccessibleName(tr("Problems in pool.yaml"));
    showWhenEmpty(m_diagnostics, tr("No problems found."));
    m_diagnostics->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

void PoolEditorWidget::setUpPoolsTable()
{
    m_pools->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Platform"), tr("Pool / limit"),
                                        tr("Machine type"), tr("Zones"), tr("Image")});
    m_pools->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pools->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pools->verticalHeader()->hide();
    m_pools->horizontalHeader()->setStretchLastSection(true);
    m_pools->setAccessibleName(tr("Pools in pool.yaml"));
    showWhenEmpty(m_pools, tr("No pools: the file names no instance the runner could use."));
}

QSplitter *PoolEditorWidget::buildSplitter()
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_continueBox);
    bar->addWidget(m_fixButton);
    bar->addWidget(m_saveButton);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(bar);
    bottomLayout->addWidget(m_diagnostics);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(bottom);
    splitter->addWidget(m_pools);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 1);
    splitter->setObjectName(QStringLiteral("poolEditorSplitter"));
    // The sizes the user gave the editor, the findings and the pools stay from run to run.
    {
        const QSettings settings;
        splitter->restoreState(
            settings.value(QStringLiteral("poolEditor/splitterState")).toByteArray());
    }
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        QSettings().setValue(QStringLiteral("poolEditor/splitterState"), splitter->saveState());
    });
    return splitter;
}

void PoolEditorWidget::setUpSwitchBar()
{
    m_switchBar->setObjectName(QStringLiteral("poolEditorSwitchBar"));
    m_switchBar->setFrameShape(QFrame::StyledPanel);
    m_switchBar->setVisible(false);
    m_switchText->setObjectName(QStringLiteral("poolEditorSwitchText"));
    m_switchText->setWordWrap(true);
    m_switchSave->setObjectName(QStringLiteral("poolEditorSwitchSave"));
    m_switchDiscard->setObjectName(QStringLiteral("poolEditorSwitchDiscard"));
    auto *switchLayout = new QHBoxLayout(m_switchBar);
    switchLayout->addWidget(m_switchText, 1);
    switchLayout->addWidget(m_switchSave);
    switchLayout->addWidget(m_switchDiscard);
    connect(m_switchSave, &QPushButton::clicked, this, [this] { switchToPending(true); });
    connect(m_switchDiscard, &QPushButton::clicked, this, [this] { switchToPending(false); });
}

void PoolEditorWidget::connectSignals()
{
    connect(&m_debounce, &QTimer::timeout, this, &PoolEditorWidget::startValidation);
    connect(&m_watcher, &QFutureWatcher<pool::PoolReport>::finished, this,
            &PoolEditorWidget::onValidationFinished);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &PoolEditorWidget::onTextChanged);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_saveButton->setEnabled(modified && !m_path.isEmpty());
        Q_EMIT modificationChanged(modified);
    });
    connect(m_diagnostics, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { jumpTo(item->data(0, Qt::UserRole).toInt()); });
    connect(m_diagnostics, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { jumpTo(item->data(0, Qt::UserRole).toInt()); });
    connect(m_diagnostics, &QTreeWidget::currentItemChanged, this,
            &PoolEditorWidget::updateFixButton);
    connect(m_fixButton, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_diagnostics->currentItem())
            applyFix(item->data(0, Qt::UserRole).toInt());
    });
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        QString error;
        m_notice->setError(save(&error) ? QString() : error);
    });
    connect(m_continueBox, &QCheckBox::toggled, this, &PoolEditorWidget::setContinueDespiteErrors);
    connect(m_pools, &QTableWidget::cellClicked, this, &PoolEditorWidget::jumpToPoolRow);
}

// A click on a pool row shows where that pool stands in the file.
void PoolEditorWidget::jumpToPoolRow(int row)
{
    const QTableWidgetItem *item = m_pools->item(row, NameColumn);
    if (!item)
        return;
    const int line = item->data(Qt::UserRole).toInt();
    QTextCursor cursor(m_editor->document()->findBlockByNumber(std::max(0, line - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
}

PoolEditorWidget::~PoolEditorWidget() = default;

void PoolEditorWidget::changeEvent(QEvent *event)
{
    // A light or dark theme chosen while the wizard is open: colours and marks follow it.
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(m_editor->palette());
        showReport(m_report, m_reportBytes, m_reportRevision);
    }
    QWidget::changeEvent(event);
}

bool PoolEditorWidget::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray bytes = file.read(pool::kMaxPoolFileBytes + 1);
    if (bytes.size() > pool::kMaxPoolFileBytes) {
        if (error)
            *error = tr("%1 is too large to be a pool file.").arg(path);
        return false;
    }
    // The editor holds text: refuse what would not survive the round trip unchanged.
    if (bytes.contains('\0')) {
        if (error)
            *error = tr("%1 is a binary file, not a pool file.").arg(path);
        return false;
    }
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    QString shown = QString::fromUtf8(bytes);
    if (shown.toUtf8() != bytes) {
        if (error)
            *error = tr("%1 is not UTF-8 text. Save it as UTF-8 and open it again.").arg(path);
        return false;
    }
    m_bom = bom;
    m_crlf = bytes.contains("\r\n");
    if (m_crlf)
        shown.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_path = path;
    setText(shown);
    return true;
}

void PoolEditorWidget::openFile(const QString &path)
{
    if (path == m_path) {
        // Back to the file shown: nothing to switch, and what was said about another is moot.
        setPendingFile(QString());
        m_notice->setError(QString());
        return;
    }
    if (isModified() && !text().isEmpty()) {
        setPendingFile(path);
        return;
    }
    setPendingFile(QString());
    QString error;
    m_notice->setError(loadFile(path, &error) ? QString() : error);
}

void PoolEditorWidget::setPendingFile(const QString &path)
{
    if (path == m_pendingPath)
        return;
    m_pendingPath = path;
    if (!path.isEmpty()) {
        const QString pending = QDir::toNativeSeparators(path);
        m_switchText->setText(
            m_path.isEmpty()
                ? tr("The text in the editor is not saved in any file. The pool file is now %1.")
                      .arg(pending)
                : tr("%1 has edits that are not saved. The pool file is now %2.")
                      .arg(QDir::toNativeSeparators(m_path), pending));
        m_switchSave->setVisible(!m_path.isEmpty());
    }
    // The bar's buttons go away with it: their focus goes to the editor, never on to whatever
    // comes next in the tab chain (the page's "Run for me").
    if (path.isEmpty() && m_switchBar->isAncestorOf(QApplication::focusWidget()))
        m_editor->setFocus(Qt::OtherFocusReason);
    m_switchBar->setVisible(!path.isEmpty());
    Q_EMIT pendingFileChanged(!path.isEmpty());
}

void PoolEditorWidget::switchToPending(bool saveFirst)
{
    const QString path = m_pendingPath;
    if (path.isEmpty())
        return;
    QString error;
    if (saveFirst && !save(&error)) {
        m_notice->setError(error); // the edits stay, and so does the question
        return;
    }
    setPendingFile(QString());
    // A file that cannot be shown leaves the editor as it was, edits included.
    m_notice->setError(loadFile(path, &error) ? QString() : error);
}

bool PoolEditorWidget::save(QString *error)
{
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("No file to save to.");
        return false;
    }
    return saveAs(m_path, error);
}

bool PoolEditorWidget::saveAs(const QString &path, QString *error)
{
    // Atomic: a crash or a full disk never leaves half a pool file behind.
    QString why;
    if (!writeFileAtomically(path, fileBytes(), &why)) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(path, why);
        qCWarning(lcWizard) << "pool editor: cannot save" << path << why;
        return false;
    }
    m_path = path;
    m_editor->document()->setModified(false);
    Q_EMIT fileSaved(path);
    return true;
}

bool PoolEditorWidget::saveIfModified(QString *error)
{
    if (!isModified())
        return true;
    QString why;
    const bool saved = save(&why);
    m_notice->setError(saved ? QString() : why);
    if (error)
        *error = why;
    return saved;
}

bool PoolEditorWidget::isModified() const
{
    return m_editor->document()->isModified();
}

void PoolEditorWidget::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    validateNow();
}

QString PoolEditorWidget::text() const
{
    return m_editor->toPlainText();
}

QByteArray PoolEditorWidget::fileBytes() const
{
    QString t = text();
    if (m_crlf)
        t.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QByteArray bytes = t.toUtf8();
    if (m_bom)
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}

void PoolEditorWidget::setValidateOptions(const pool::ValidateOptions &options)
{
    m_options = options;
    validateNow();
}

void PoolEditorWidget::setSaveButtonVisible(bool visible)
{
    m_saveButton->setVisible(visible);
}

void PoolEditorWidget::setContinueDespiteErrors(bool yes)
{
    if (m_continue == yes)
        return;
    m_continue = yes;
    if (m_continueBox->isChecked() != yes)
        m_continueBox->setChecked(yes);
    updateAcceptable();
}

int PoolEditorWidget::markerAt(int line) const
{
    return m_editor->markerAt(line);
}

void PoolEditorWidget::onTextChanged()
{
    ++m_revision;
    m_fixButton->setEnabled(false); // fixes refer to the text as it was validated
    m_debounce.start();
}

void PoolEditorWidget::startValidation()
{
    if (m_watcher.isRunning()) {
        m_pending = true; // one run at a time; the newest text goes next
        return;
    }
    m_pending = false;
    m_runningTicket = ++m_ticket;
    m_runningRevision = m_revision;
    m_runningBytes = text().toUtf8();
    const QByteArray bytes = m_runningBytes;
    const pool::ValidateOptions options = m_options;
    m_summary->setText(tr("Checking…"));
    m_watcher.setFuture(
        QtConcurrent::run([bytes, options] { return pool::validatePool(bytes, options); }));
}

void PoolEditorWidget::onValidationFinished()
{
    const pool::PoolReport report = m_watcher.result();
    // Drop results overtaken by an edit or by a synchronous validateNow().
    if (m_runningTicket == m_ticket && m_runningRevision == m_revision)
        showReport(report, m_runningBytes, m_runningRevision);
    m_runningBytes.clear();
    if (m_pending || m_reportRevision != m_revision) {
        if (!m_debounce.isActive())
            startValidation();
    }
}

void PoolEditorWidget::validateNow()
{
    m_debounce.stop();
    ++m_ticket; // a result still on its way is now stale
    const QByteArray bytes = text().toUtf8();
    showReport(pool::validatePool(bytes, m_options), bytes, m_revision);
}

void PoolEditorWidget::showReport(const pool::PoolReport &report, const QByteArray &validated,
                                  quint64 revision)
{
    m_report = report;
    m_reportBytes = validated;
    m_reportRevision = revision;

    showDiagnostics(report.diagnostics);
    if (m_pools->rowCount() != report.pools.size() || !sameRows(m_shownPools, report.pools))
        showPools(report.pools);
    showSummary(report);
    updateFixButton();
    updateAcceptable();
    Q_EMIT reportChanged();
}

void PoolEditorWidget::showDiagnostics(const QList<pool::Diagnostic> &diagnostics)
{
    QList<QTextEdit::ExtraSelection> underlines;
    QHash<int, PoolCodeEditor::Marker> markers;
    m_diagnostics->setUpdatesEnabled(false);
    m_diagnostics->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(diagnostics.size());
    const QIcon icons[] = {style()->standardIcon(QStyle::SP_MessageBoxCritical),
                           style()->standardIcon(QStyle::SP_MessageBoxWarning),
                           style()->standardIcon(QStyle::SP_MessageBoxInformation)};
    for (int i = 0; i < diagnostics.size(); ++i) {
        const pool::Diagnostic &d = diagnostics.at(i);
        const auto marker = static_cast<PoolCodeEditor::Marker>(d.severity);
        const auto existing = markers.constFind(d.line);
        if (existing == markers.constEnd() || *existing > marker)
            markers.insert(d.line, marker);
        if (underlines.size() < kMaxUnderlines)
            underlines.append(underline(d));
        auto *item = diagnosticItem(d, i);
        item->setIcon(0, icons[static_cast<int>(d.severity)]);
        items.append(item);
    }
    m_diagnostics->addTopLevelItems(items);
    m_diagnostics->setUpdatesEnabled(true);
    m_editor->setExtraSelections(underlines);
    m_editor->setMarkers(markers);
}

QTextEdit::ExtraSelection PoolEditorWidget::underline(const pool::Diagnostic &d) const
{
    const auto marker = static_cast<PoolCodeEditor::Marker>(d.severity);
    QTextEdit::ExtraSelection sel;
    const int start = documentPosition(d.line, d.column);
    int end = documentPosition(d.endLine, d.endColumn);
    sel.cursor = QTextCursor(m_editor->document());
    if (end <= start) {
        // An empty range (a missing key, the end of the file): mark one character.
        const int last = m_editor->document()->characterCount() - 1;
        end = std::min(start + 1, last);
        sel.cursor.setPosition(std::max(0, std::min(start, end - 1)));
    } else {
        sel.cursor.setPosition(start);
    }
    sel.cursor.setPosition(end, QTextCursor::KeepAnchor);
    sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    sel.format.setUnderlineColor(PoolCodeEditor::markerColor(marker, m_editor->palette()));
    sel.format.setToolTip(ProblemDelegate::toPlain(d.message));
    return sel;
}

QTreeWidgetItem *PoolEditorWidget::diagnosticItem(const pool::Diagnostic &d, int index) const
{
    auto *item = new QTreeWidgetItem;
    item->setText(0, QStringLiteral("%1:%2").arg(d.line).arg(d.column));
    const QString text =
        d.fix ? d.message + QLatin1Char('\n') +
                    tr("Fix available: %1. Select this line, then press \"Fix\" above.")
                        .arg(d.fix->title)
              : d.message;
    item->setText(1, text);
    item->setData(1, Qt::AccessibleTextRole, ProblemDelegate::toPlain(text));
    item->setToolTip(1, QStringLiteral("%1 [%2]").arg(ProblemDelegate::toPlain(d.message), d.code));
    item->setData(0, Qt::UserRole, index);
    return item;
}

void PoolEditorWidget::showPools(const QList<pool::PoolRow> &pools)
{
    m_shownPools = pools;
    m_pools->setUpdatesEnabled(false);
    m_pools->setRowCount(static_cast<int>(pools.size()));
    for (int r = 0; r < pools.size(); ++r) {
        const pool::PoolRow &p = pools.at(r);
        const QStringList cells = {
            p.name,        p.type,
            p.platform,    QStringLiteral("%1 / %2").arg(p.pool).arg(p.limit),
            p.machineType, p.zones.join(QLatin1String(", ")),
            p.image};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *cell = new QTableWidgetItem(cells.at(c));
            cell->setToolTip(cells.at(c));
            if (c == NameColumn)
                cell->setData(Qt::UserRole, p.line);
            m_pools->setItem(r, c, cell);
        }
    }
    m_pools->setUpdatesEnabled(true);
}

void PoolEditorWidget::showSummary(const pool::PoolReport &report)
{
    const int errors = report.count(pool::Severity::Error);
    const int warnings = report.count(pool::Severity::Warning);
    const int notes = report.count(pool::Severity::Note);
    if (report.diagnostics.isEmpty())
        m_summary->setText(
            tr("No problems found. %n pool(s).", nullptr, static_cast<int>(report.pools.size())));
    else
        m_summary->setText(
            tr("%1, %2, %3. %4.", "errors, warnings, notes. pools.")
                .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                     tr("%n note(s)", nullptr, notes),
                     tr("%n pool(s)", nullptr, static_cast<int>(report.pools.size()))));
    m_continueBox->setVisible(errors > 0);
}

int PoolEditorWidget::documentPosition(int line, int column) const
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return std::max(0, m_editor->document()->characterCount() - 1);
    return block.position() +
           std::min(utf16Column(block.text(), column), static_cast<int>(block.length()) - 1);
}

void PoolEditorWidget::jumpTo(int diagnosticIndex)
{
    if (diagnosticIndex < 0 || diagnosticIndex >= m_report.diagnostics.size())
        return;
    const pool::Diagnostic &d = m_report.diagnostics.at(diagnosticIndex);
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(documentPosition(d.line, d.column));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool PoolEditorWidget::applyFix(int diagnosticIndex)
{
    if (!isReportCurrent() || diagnosticIndex < 0 || diagnosticIndex >= m_report.diagnostics.size())
        return false;
    const pool::Diagnostic d = m_report.diagnostics.at(diagnosticIndex);
    if (!d.fix)
        return false;
    QList<pool::TextEdit> edits = d.fix->edits;
    std::sort(edits.begin(), edits.end(),
              [](const pool::TextEdit &a, const pool::TextEdit &b) { return a.offset > b.offset; });
    // Byte offsets of the validated text -> document positions (the text has no BOM or CR).
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    for (const pool::TextEdit &e : edits) {
        const qsizetype from = pool::utf16Offset(m_reportBytes, e.offset);
        const qsizetype to = pool::utf16Offset(m_reportBytes, e.offset + e.length);
        cursor.setPosition(static_cast<int>(from));
        cursor.setPosition(static_cast<int>(to), QTextCursor::KeepAnchor);
        cursor.insertText(QString::fromUtf8(e.replacement));
    }
    cursor.endEditBlock();
    qCDebug(lcWizard) << "pool editor: applied fix" << d.fix->title << "for" << d.code;
    validateNow();
    return true;
}

void PoolEditorWidget::updateFixButton()
{
    const QTreeWidgetItem *item = m_diagnostics->currentItem();
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    const bool fixable = isReportCurrent() && index >= 0 && index < m_report.diagnostics.size() &&
                         m_report.diagnostics.at(index).fix.has_value();
    m_fixButton->setEnabled(fixable);
    m_fixButton->setText(fixable ? tr("Fix: %1").arg(m_report.diagnostics.at(index).fix->title)
                                 : tr("Apply fix"));
}

void PoolEditorWidget::updateAcceptable()
{
    const bool acceptable = isAcceptable();
    if (acceptable != m_lastAcceptable) {
        m_lastAcceptable = acceptable;
        Q_EMIT acceptableChanged(acceptable);
    }
}

} // namespace gs
