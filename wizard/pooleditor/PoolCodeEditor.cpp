#include "PoolCodeEditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace gs {

// Paints through the editor, which knows the block geometry.
class PoolEditorGutter : public QWidget
{
public:
    explicit PoolEditorGutter(PoolCodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    PoolCodeEditor *m_editor;
};

PoolCodeEditor::PoolCodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new PoolEditorGutter(this))
{
    m_gutter->setObjectName(QStringLiteral("poolEditorGutter"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &PoolCodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &PoolCodeEditor::updateGutter);
    updateGutterWidth();
}

bool PoolCodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QPlainTextEdit::viewportEvent(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const int position = cursorForPosition(help->pos()).position();
    QStringList messages;
    const QList<QTextEdit::ExtraSelection> selections = extraSelections();
    for (const QTextEdit::ExtraSelection &sel : selections) {
        const QString tip = sel.format.toolTip();
        if (!tip.isEmpty() && position >= sel.cursor.selectionStart() &&
            position <= sel.cursor.selectionEnd() && !messages.contains(tip))
            messages.append(tip);
    }
    if (messages.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), viewport());
    return true;
}

void PoolCodeEditor::setMarkers(const QHash<int, Marker> &markers)
{
    m_markers = markers;
    m_gutter->update();
}

QColor PoolCodeEditor::markerColor(Marker marker, const QPalette &palette)
{
    // Shades that stand out from the editor's background, light or dark (contrast 3 or more).
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (marker) {
    case ErrorMarker:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
    case WarningMarker:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc4, 0x5a, 0x00);
    case NoteMarker:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x19, 0x76, 0xd2);
    case NoMarker:
        break;
    }
    return {};
}

int PoolCodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    const int marker = fontMetrics().height();
    return marker + 6 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void PoolCodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void PoolCodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void PoolCodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void PoolCodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setRenderHint(QPainter::Antialiasing);
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int line = fontMetrics().height();
    const int numbersRight = m_gutter->width() - 4;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const Marker marker = markerAt(number);
            if (marker != NoMarker) {
                const int d = line * 2 / 3;
                painter.setPen(Qt::NoPen);
                painter.setBrush(markerColor(marker, palette()));
                painter.drawEllipse(QRect(3, top + (line - d) / 2, d, d));
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, numbersRight, line, Qt::AlignRight, QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

} // namespace gs
