#include "CommandView.h"

#include "CopyFeedback.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs {

namespace {

// Object names must stay valid identifiers for findChild() in tests.
QString idSuffix(const QString &id)
{
    QString out = id;
    for (QChar &c : out) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    return out;
}

} // namespace

CommandView::CommandView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *header = new QHBoxLayout;
    // The commands fold away: the form comes first, the commands are there when wanted.
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("commandsToggle"));
    m_toggle->setText(tr("Commands for this step:"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setToolTip(tr("Show or hide the commands"));
    connect(m_toggle, &QToolButton::clicked, this, [this] { setExpanded(!isExpanded()); });
    header->addWidget(m_toggle);
    header->addStretch();
    m_copyAll =
        new QPushButton(QIcon(QStringLiteral(":/icons/edit-copy.svg")), tr("Copy all"), this);
    m_copyAll->setObjectName(QStringLiteral("copyAllButton"));
    m_copyAll->setToolTip(tr("Copy every command of this step, with comments"));
    connect(m_copyAll, &QPushButton::clicked, this, [this] {
        copyWithFeedback(m_copyAll, copyAllText());
        Q_EMIT copied(QString());
    });
    header->addWidget(m_copyAll);
    layout->addLayout(header);

    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setObjectName(QStringLiteral("commandScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Only a frame around what takes focus: Tab goes to its content, never to the frame.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *inner = new QWidget(scroll);
    m_rowsLayout = new QVBoxLayout(inner);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_placeholder = new QLabel(inner);
    m_placeholder->setObjectName(QStringLiteral("commandPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Fill in the fields above to see the commands."));
    m_rowsLayout->addWidget(m_placeholder);
    m_rowsLayout->addStretch();
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    m_copyAll->setEnabled(false);
}

void CommandView::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    updateFit();
}

void CommandView::setExpanded(bool expanded)
{
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_scroll->setVisible(expanded);
    // Folded, the view takes only its header's height; the page's other widgets get the rest.
    QSizePolicy policy = sizePolicy();
    policy.setVerticalPolicy(expanded ? QSizePolicy::Preferred : QSizePolicy::Maximum);
    setSizePolicy(policy);
}

bool CommandView::isExpanded() const
{
    return !m_scroll->isHidden();
}

void CommandView::setFitContent(bool fit)
{
    m_fitContent = fit;
    m_scroll->setVerticalScrollBarPolicy(fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        fillRow(m_rows[i], m_entries.at(i));
    updateFit();
}

void CommandView::updateFit()
{
    if (!m_fitContent) {
        m_scroll->setMinimumHeight(0);
        return;
    }
    // Inside a page that scrolls, the view is as tall as its commands: one scroll bar, the page's.
    QWidget *inner = m_scroll->widget();
    inner->adjustSize();
    m_scroll->setMinimumHeight(inner->minimumSizeHint().height());
}

CommandView::Row CommandView::makeRow(const Entry &entry)
{
    Row row;
    auto *inner = m_rowsLayout->parentWidget();
    row.frame = new QWidget(inner);
    row.frame->setObjectName(QStringLiteral("commandRow_") + idSuffix(entry.id));
    auto *grid = new QVBoxLayout(row.frame);
    grid->setContentsMargins(0, 4, 0, 4);

    auto *top = new QHBoxLayout;
    row.summary = new QLabel(row.frame);
    row.summary->setWordWrap(true);
    top->addWidget(row.summary, 1);
    row.copy = new QToolButton(row.frame);
    row.copy->setObjectName(QStringLiteral("copyButton_") + idSuffix(entry.id));
    row.copy->setIcon(QIcon(QStringLiteral(":/icons/edit-copy.svg")));
    row.copy->setText(tr("Copy"));
    row.copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    row.copy->setToolTip(tr("Copy this command"));
    const QString id = entry.id;
    connect(row.copy, &QToolButton::clicked, this, [this, id] { copyEntry(id); });
    top->addWidget(row.copy);
    grid->addLayout(top);

    row.text = new QPlainTextEdit(row.frame);
    row.text->setObjectName(QStringLiteral("commandText_") + idSuffix(entry.id));
    row.text->setReadOnly(true);
    row.text->setLineWrapMode(QPlainTextEdit::NoWrap);
    row.text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    row.text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    grid->addWidget(row.text);
    return row;
}

void CommandView::fillRow(Row &row, const Entry &entry)
{
    row.summary->setText(entry.summary);
    // Screen readers say which command a text or a Copy button is about.
    row.text->setAccessibleName(entry.summary);
    row.copy->setAccessibleName(tr("Copy: %1").arg(entry.summary));
    if (row.text->toPlainText() != entry.displayText)
        row.text->setPlainText(entry.displayText);
    // Tall enough for the whole command (up to a limit), so most steps need no inner scrolling.
    // Fitting its content (a page that scrolls), every line shows: no scrolling inside the page.
    const int lines =
        qBound(1, int(entry.displayText.count(QLatin1Char('\n'))) + 1, m_fitContent ? 500 : 16);
    const QFontMetrics metrics(row.text->font());
    // Room for a horizontal scroll bar too: long lines (a here-document) must not hide a line.
    const int scrollBar = row.text->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    row.text->setFixedHeight(lines * metrics.lineSpacing() + 2 * row.text->frameWidth() + 12 +
                             scrollBar);
}

void CommandView::setEntries(const QList<Entry> &entries)
{
    bool sameIds = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameIds && i < entries.size(); ++i)
        sameIds = entries.at(i).id == m_entries.at(i).id;

    if (!sameIds) {
        for (const Row &row : std::as_const(m_rows))
            delete row.frame;
        m_rows.clear();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            Row row = makeRow(entries.at(i));
            // Before the placeholder and the stretch at the end.
            m_rowsLayout->insertWidget(int(i), row.frame);
            m_rows.append(row);
        }
        // New rows go to the end of the focus chain; Tab reaches them right after "Copy all".
        QWidget *previous = m_copyAll;
        for (const Row &row : std::as_const(m_rows)) {
            setTabOrder(previous, row.copy);
            setTabOrder(row.copy, row.text);
            previous = row.text;
        }
    }
    m_entries = entries;
    for (qsizetype i = 0; i < entries.size(); ++i)
        fillRow(m_rows[i], entries.at(i));
    m_placeholder->setVisible(entries.isEmpty());
    m_copyAll->setEnabled(!entries.isEmpty());
    updateFit();
}

QString CommandView::displayedText() const
{
    QStringList parts;
    for (const Entry &entry : m_entries)
        parts.append(entry.displayText);
    return parts.join(QLatin1Char('\n'));
}

QString CommandView::copyAllText() const
{
    QStringList parts;
    for (const Entry &entry : m_entries) {
        QString part;
        for (const QString &line : entry.summary.split(QLatin1Char('\n')))
            part += QStringLiteral("# ") + line + QLatin1Char('\n');
        // Optional commands (replacing an existing container) are there to uncomment, not to run
        // by accident in a paste.
        part += entry.optional
                    ? QStringLiteral("# ") +
                          QString(entry.copyText).replace(QLatin1Char('\n'), QStringLiteral("\n# "))
                    : entry.copyText;
        parts.append(part);
    }
    return parts.join(QStringLiteral("\n\n")) +
           (parts.isEmpty() ? QString() : QStringLiteral("\n"));
}

void CommandView::copyEntry(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id) {
            copyWithFeedback(m_rows.at(i).copy, m_entries.at(i).copyText);
            Q_EMIT copied(id);
            return;
        }
    }
}

} // namespace gs
