#pragma once

#include <QStyledItemDelegate>

namespace gs {

// Draws a finding of the pool editor's problem list as wrapped rich text: `code spans` of the
// validator's messages in the fixed-width font, and the fix hint on a line of its own. The row
// grows with the text, so a long message is read in full instead of ending in "…".
class ProblemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Message text with `code spans` as HTML, everything else escaped.
    static QString toHtml(const QString &text);
    // The same text for screen readers and tooltips: the back-quotes dropped.
    static QString toPlain(const QString &text);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace gs
