#pragma once

#include <QAbstractButton>
#include <QUrl>

namespace gs {

// A web link that looks like one (link colour, underlined, pointing hand) and works from the
// keyboard like a button: Tab reaches it, a focus frame shows it, Space or Enter opens the URL
// in the browser. The URL is its tooltip and, for screen readers, its description. Painted by
// hand rather than as a rich-text label, which would lay out a text document before the first
// paint of the page.
class LinkButton : public QAbstractButton
{
    Q_OBJECT
public:
    LinkButton(const QString &text, const QUrl &url, QWidget *parent = nullptr);

    QUrl url() const { return m_url; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QUrl m_url;
};

} // namespace gs
