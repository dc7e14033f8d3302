#include "TabOrder.h"

#include <QAbstractScrollArea>
#include <QLayout>
#include <QList>
#include <QScrollArea>
#include <QSplitter>
#include <QWidget>

namespace gs {
namespace {

void collect(QWidget *widget, QList<QWidget *> &out);

void collectLayout(QLayout *layout, QList<QWidget *> &out)
{
    // QBoxLayout, QFormLayout and QGridLayout all list their items in reading order.
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *child = item->widget())
            collect(child, out);
        else if (QLayout *inner = item->layout())
            collectLayout(inner, out);
    }
}

void collect(QWidget *widget, QList<QWidget *> &out)
{
    if (widget->isWindow())
        return;
    if (auto *scroll = qobject_cast<QScrollArea *>(widget); scroll && scroll->widget()) {
        collect(scroll->widget(), out);
        return;
    }
    if (auto *splitter = qobject_cast<QSplitter *>(widget)) {
        for (int i = 0; i < splitter->count(); ++i)
            collect(splitter->widget(i), out);
        return;
    }
    // A control that takes focus itself (a line edit, a spin box with its inner editor, an item
    // view): one stop, whatever it holds. Also one that Tab skips for now: Qt takes Tab away from
    // the unchecked radio buttons of a group and gives it back to the one checked later.
    if (widget->focusPolicy() != Qt::NoFocus && !widget->focusProxy()) {
        out.append(widget);
        return;
    }
    if (QLayout *layout = widget->layout())
        collectLayout(layout, out);
}

} // namespace

void setTabOrderFromLayout(QWidget *root)
{
    QList<QWidget *> order;
    if (QLayout *layout = root->layout())
        collectLayout(layout, order);
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

} // namespace gs
