#include "WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace gs {

namespace {

class WheelFilter : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Wheel)
            return false;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget || widget->hasFocus())
            return false;
        // Filtered and ignored: QApplication hands a real wheel event on to the parent (the
        // page's scroll area), as if the widget were not there.
        event->ignore();
        return true;
    }
};

WheelFilter *filter()
{
    static WheelFilter instance;
    return &instance;
}

void guard(QWidget *widget)
{
    if (widget->property("gsWheelGuarded").toBool())
        return;
    widget->setProperty("gsWheelGuarded", true);
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(filter());
}

} // namespace

void guardWheel(QWidget *root)
{
    if (!root)
        return;
    if (qobject_cast<QComboBox *>(root) || qobject_cast<QAbstractSpinBox *>(root))
        guard(root);
    for (QComboBox *combo : root->findChildren<QComboBox *>())
        guard(combo);
    for (QAbstractSpinBox *spin : root->findChildren<QAbstractSpinBox *>())
        guard(spin);
}

} // namespace gs
