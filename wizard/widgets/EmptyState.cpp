#include "EmptyState.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QPainter>
#include <QPointer>

namespace gs {
namespace {

class EmptyStatePainter : public QObject
{
public:
    EmptyStatePainter(QAbstractItemView *view, const QString &text)
        : QObject(view)
        , m_view(view)
        , m_viewport(view->viewport())
        , m_text(text)
    {
        view->viewport()->installEventFilter(this);
        QAbstractItemModel *model = view->model();
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &EmptyStatePainter::update);
        connect(model, &QAbstractItemModel::modelReset, this, &EmptyStatePainter::update);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyStatePainter::update);
        update();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && isEmpty()) {
            QPainter painter(m_view->viewport());
            painter.setPen(m_view->palette().color(QPalette::Disabled, QPalette::Text));
            const QRect area = m_view->viewport()->rect().adjusted(8, 8, -8, -8);
            painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_text);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool isEmpty() const { return m_view->model()->rowCount(m_view->rootIndex()) == 0; }

    void update()
    {
        // A view being destroyed deletes its viewport before its model, which then resets.
        if (!m_viewport)
            return;
        m_view->setAccessibleDescription(isEmpty() ? m_text : QString());
        m_view->viewport()->update();
    }

    QAbstractItemView *m_view;
    QPointer<QWidget> m_viewport;
    QString m_text;
};

} // namespace

void showWhenEmpty(QAbstractItemView *view, const QString &text)
{
    new EmptyStatePainter(view, text);
}

} // namespace gs
