#include "CopyFeedback.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QStyle>
#include <QTimer>

namespace gs {
namespace {
constexpr int kShownMs = 1500;
const char kOriginalText[] = "gsCopyOriginalText";
const char kOriginalIcon[] = "gsCopyOriginalIcon";
const char kOriginalName[] = "gsCopyOriginalName";
} // namespace

void copyWithFeedback(QAbstractButton *button, const QString &text)
{
    QApplication::clipboard()->setText(text);
    if (!button)
        return;
    if (!button->property(kOriginalText).isValid()) {
        button->setProperty(kOriginalText, button->text());
        button->setProperty(kOriginalIcon, button->icon());
        button->setProperty(kOriginalName, button->accessibleName());
        button->setMinimumWidth(button->sizeHint().width());
    }
    const QString copied = QApplication::translate("gs::CopyFeedback", "Copied");
    button->setText(copied);
    // A name set for screen readers ("Copy: <command>") would hide the new text from them.
    if (!button->property(kOriginalName).toString().isEmpty())
        button->setAccessibleName(copied);
    button->setIcon(button->style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, button));
    // A second copy within the moment restarts it: one timer per button, found by name.
    auto *timer = button->findChild<QTimer *>(QStringLiteral("gsCopyFeedbackTimer"),
                                              Qt::FindDirectChildrenOnly);
    if (!timer) {
        timer = new QTimer(button);
        timer->setObjectName(QStringLiteral("gsCopyFeedbackTimer"));
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, button, [button] {
            button->setText(button->property(kOriginalText).toString());
            button->setIcon(button->property(kOriginalIcon).value<QIcon>());
            const QString name = button->property(kOriginalName).toString();
            if (!name.isEmpty())
                button->setAccessibleName(name);
            button->setProperty(kOriginalText, QVariant());
        });
    }
    timer->start(kShownMs);
}

} // namespace gs
