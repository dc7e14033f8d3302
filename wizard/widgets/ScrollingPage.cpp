#include "ScrollingPage.h"

#include <QEvent>
#include <QPointer>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace gs {

namespace {

// A page scrolls up and down, never sideways: the window's minimum width is the content's
// minimum width plus room for the vertical scroll bar. QScrollArea's own hint is a few pixels.
class PageScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

    // Tall enough to work in: a page shrunk to a few lines of its content helps nobody, so the
    // view keeps about 20 lines (or all of the content, when it is shorter).
    QSize minimumSizeHint() const override
    {
        QSize hint = QScrollArea::minimumSizeHint();
        if (const QWidget *content = widget()) {
            const int width = content->minimumSizeHint().width() +
                              verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
            const int contentHeight =
                qMax(content->minimumSizeHint().height(), content->minimumHeight());
            const int height =
                qMin(contentHeight, 20 * fontMetrics().lineSpacing()) + 2 * frameWidth();
            hint = hint.expandedTo(QSize(width, height));
        }
        return hint;
    }
};

// Keeps the content's minimum height at what its layout needs at the viewport's width.
class WrapAwareContent : public QObject
{
public:
    WrapAwareContent(QScrollArea *scroll, QWidget *content)
        : QObject(content)
        , m_scroll(scroll)
        , m_content(content)
    {
        scroll->viewport()->installEventFilter(this);
        content->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)
            update();
        // Content that needs more width (a longer row appeared) widens the page's minimum.
        if (event->type() == QEvent::LayoutRequest && watched == m_content) {
            const int width = m_content->minimumSizeHint().width();
            if (width != m_contentWidth) {
                m_contentWidth = width;
                m_scroll->updateGeometry();
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void update()
    {
        const QLayout *layout = m_content->layout();
        if (!layout || !layout->hasHeightForWidth())
            return;
        const int height = layout->totalMinimumHeightForWidth(m_scroll->viewport()->width());
        if (m_content->minimumHeight() != height)
            m_content->setMinimumHeight(height);
    }

    QScrollArea *m_scroll;
    QWidget *m_content;
    int m_contentWidth = -1;
};

class BottomInView : public QObject
{
public:
    explicit BottomInView(QWidget *widget)
        : QObject(widget)
        , m_widget(widget)
    {
        widget->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize && m_widget->isVisible()) {
            const auto *resize = static_cast<QResizeEvent *>(event);
            if (resize->size().height() > resize->oldSize().height() &&
                resize->oldSize().height() > 0) {
                // After the scroll area has resized its content.
                QTimer::singleShot(0, this, &BottomInView::scroll);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void scroll()
    {
        for (QWidget *w = m_widget->parentWidget(); w; w = w->parentWidget()) {
            auto *area = qobject_cast<QScrollArea *>(w);
            if (!area || !area->widget())
                continue;
            const QPoint bottom = m_widget->mapTo(area->widget(), QPoint(0, m_widget->height()));
            area->ensureVisible(bottom.x(), bottom.y() - 1, 0, 0);
            return;
        }
    }

    QWidget *m_widget;
};

// Scrolls `widget` into view while the layouts settle (its place and the content's height come
// over a few turns of the event loop), then goes.
class Revealer : public QObject
{
public:
    Revealer(QWidget *widget, QScrollArea *area)
        : QObject(widget)
        , m_widget(widget)
        , m_area(area)
    {
        widget->installEventFilter(this);
        area->widget()->installEventFilter(this);
        QTimer::singleShot(0, this, &Revealer::reveal);
        QTimer::singleShot(400, this, &QObject::deleteLater);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Resize || event->type() == QEvent::Move)
            QTimer::singleShot(0, this, &Revealer::reveal);
        return QObject::eventFilter(watched, event);
    }

private:
    void reveal()
    {
        if (!m_area || !m_widget->isVisible())
            return;
        // Its bottom, then its top: all of it when it fits, its top when it does not. Not
        // ensureWidgetVisible(): for a text view that shows the text cursor only.
        const QPoint top = m_widget->mapTo(m_area->widget(), QPoint(0, 0));
        m_area->ensureVisible(top.x(), top.y() + m_widget->height() - 1, 0, 0);
        m_area->ensureVisible(top.x(), top.y(), 0, 0);
    }

    QWidget *m_widget;
    QPointer<QScrollArea> m_area;
};

} // namespace

void keepBottomInView(QWidget *widget)
{
    new BottomInView(widget);
}

void revealInPage(QWidget *widget)
{
    for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(w); area && area->widget()) {
            new Revealer(widget, area);
            return;
        }
    }
}

QVBoxLayout *makeScrollingPage(QWidget *page)
{
    auto *outer = new QVBoxLayout(page);
    auto *scroll = new PageScrollArea(page);
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Only a frame around what takes focus: Tab goes to its content, never to the frame.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    new WrapAwareContent(scroll, content);
    return layout;
}

} // namespace gs
