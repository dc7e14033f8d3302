#include "LinkButton.h"

#include <QDesktopServices>
#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QStylePainter>

namespace gs {
namespace {
constexpr int kMargin = 2; // room for the focus frame around the text
} // namespace

LinkButton::LinkButton(const QString &text, const QUrl &url, QWidget *parent)
    : QAbstractButton(parent)
    , m_url(url)
{
    setText(text);
    setToolTip(url.toDisplayString());
    setAccessibleDescription(tr("Opens %1 in the web browser").arg(url.toDisplayString()));
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(this, &QAbstractButton::clicked, this, [this] { QDesktopServices::openUrl(m_url); });
}

QSize LinkButton::sizeHint() const
{
    const QSize text = fontMetrics().size(Qt::TextShowMnemonic, this->text());
    return text + QSize(2 * kMargin, 2 * kMargin);
}

void LinkButton::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QFont font = this->font();
    font.setUnderline(true);
    painter.setFont(font);
    const QPalette::ColorGroup group = isEnabled() ? QPalette::Normal : QPalette::Disabled;
    painter.setPen(palette().color(group, isDown() ? QPalette::LinkVisited : QPalette::Link));
    const QRect textRect = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextShowMnemonic, text());
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(QPalette::Window);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
    }
}

void LinkButton::keyPressEvent(QKeyEvent *event)
{
    // Enter opens a link in every browser; a button alone would only take Space.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        click();
        return;
    }
    QAbstractButton::keyPressEvent(event);
}

} // namespace gs
