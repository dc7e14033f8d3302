#pragma once

class QVBoxLayout;
class QWidget;

namespace gs {

// Makes `page` scroll as a whole and returns the layout to fill: one scroll bar for the page,
// whatever its content (a box that appears, long commands), so the page never asks the window to
// grow. The content keeps the height its word-wrapped text needs at the width it gets, which
// QScrollArea on its own does not (it sizes the content from its minimum size hint).
QVBoxLayout *makeScrollingPage(QWidget *page);

// When `widget` (inside a scrolling page) grows, for instance because a question appeared at its
// end, the page scrolls so that its lower edge is in view.
void keepBottomInView(QWidget *widget);

// Once the layouts have settled, scrolls the page `widget` is in so that as much of it as fits
// is in view (a box shown on request, below the fold).
void revealInPage(QWidget *widget);

} // namespace gs
