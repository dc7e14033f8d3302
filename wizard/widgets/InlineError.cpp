#include "InlineError.h"

#include "Tones.h"
#include <QPalette>

namespace gs {

InlineError::InlineError(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setVisible(false);
}

QSize InlineError::minimumSizeHint() const
{
    const QSize hint = QLabel::minimumSizeHint();
    const QMargins margins = contentsMargins();
    return {hint.width(), fontMetrics().height() + margins.top() + margins.bottom()};
}

QSize InlineError::sizeHint() const
{
    return {QLabel::sizeHint().width(), minimumSizeHint().height()};
}

void InlineError::setMessage(const QString &message, Kind kind)
{
    m_kind = kind;
    // Errors and warnings can be selected and copied (into a search, a ticket); a hint need not,
    // and a plain label lays out without a text document (the first page shows one at start).
    setTextInteractionFlags(kind == Kind::Info ? Qt::NoTextInteraction : Qt::TextSelectableByMouse);
    setText(message);
    const QPalette plain = parentWidget() ? parentWidget()->palette() : QPalette();
    switch (kind) {
    case Kind::Error:
        setPalette(tonedPalette(Tone::Error, plain));
        break;
    case Kind::Warning:
        setPalette(tonedPalette(Tone::Warning, plain));
        break;
    case Kind::Info:
        setPalette(plain);
        break;
    }
    // Not setVisible(true) directly: a widget on a page that is not shown yet stays hidden.
    setHidden(message.isEmpty());
}

} // namespace gs
