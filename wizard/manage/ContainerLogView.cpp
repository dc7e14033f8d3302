#include "ContainerLogView.h"

#include "widgets/Tones.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace gs {

ContainerLogView::ContainerLogView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("manageLogView"));
    setAccessibleName(tr("Container log"));
    setReadOnly(true);
    // Wrapped: a known line's meaning is read whole, without scrolling sideways.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(5000);
    setMinimumHeight(160);
    setPlaceholderText(tr("The log shows here once it is followed."));
}

QString ContainerLogView::meaningPrefix()
{
    return QStringLiteral("    \u21b3 ");
}

void ContainerLogView::appendLines(const QList<manage::LogLine> &lines)
{
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat plain;
    QTextCharFormat meaning;
    meaning.setForeground(toneColor(Tone::Note, palette()));
    meaning.setFontItalic(true);
    for (const manage::LogLine &line : lines) {
        if (!document()->isEmpty())
            cursor.insertBlock();
        if (line.code.isEmpty()) {
            cursor.insertText(line.text, plain);
            continue;
        }
        // A known failure line: marked, and what it means right after it.
        ++m_findings;
        QTextCharFormat marked;
        marked.setForeground(toneColor(line.fatal ? Tone::Error : Tone::Warning, palette()));
        marked.setFontWeight(QFont::Bold);
        cursor.insertText(line.text, marked);
        cursor.insertBlock();
        cursor.insertText(meaningPrefix() + line.meaning, meaning);
    }
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace gs
