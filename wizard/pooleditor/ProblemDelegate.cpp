#include "ProblemDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>
#include <QtMath>

namespace gs {
namespace {

constexpr int kPadding = 3;

void setUpDocument(QTextDocument &doc, const QStyleOptionViewItem &option, const QString &html,
                   int width)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(kPadding);
    const QString code = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    doc.setDefaultStyleSheet(QStringLiteral("code { font-family: '%1'; }").arg(code));
    doc.setHtml(html);
    doc.setTextWidth(width);
}

} // namespace

QString ProblemDelegate::toHtml(const QString &text)
{
    QString html;
    const QStringList parts = text.split(QLatin1Char('`'));
    for (int i = 0; i < parts.size(); ++i) {
        // Odd parts sit between two back-quotes; a lone back-quote at the end stays text.
        const bool code = i % 2 == 1 && i + 1 < parts.size();
        const QString escaped = parts.at(i).toHtmlEscaped();
        if (code)
            html += QStringLiteral("<code>%1</code>").arg(escaped);
        else
            html += (i % 2 == 1 ? QStringLiteral("`") : QString()) + escaped;
    }
    // The view hands the text over with U+2028 for each line break (QStyledItemDelegate does).
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"))
        .replace(QChar::LineSeparator, QStringLiteral("<br>"));
}

QString ProblemDelegate::toPlain(const QString &text)
{
    QString plain = text;
    return plain.remove(QLatin1Char('`'));
}

int ProblemDelegate::textWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    int width = option.rect.width();
    // Asked for a size before the view gave the row a rectangle: the column decides.
    if (const auto *tree = qobject_cast<const QTreeView *>(option.widget); tree && width <= 0)
        width = tree->columnWidth(index.column());
    return width > 0 ? width : 400;
}

void ProblemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString html = toHtml(opt.text);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QTextDocument doc;
    setUpDocument(doc, opt, html, opt.rect.width());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor color =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(), opt.rect.size()));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, color);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize ProblemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QTextDocument doc;
    setUpDocument(doc, opt, toHtml(opt.text), textWidth(opt, index));
    return {qCeil(doc.idealWidth()), qCeil(doc.size().height())};
}

} // namespace gs
