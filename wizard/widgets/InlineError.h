#pragma once

#include <QLabel>

namespace gs {

// The message under a field that says what is wrong with it and how to fix it. Hidden while
// there is nothing to say; never a modal.
class InlineError : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Info };

    explicit InlineError(const QString &objectName, QWidget *parent = nullptr);

    void setError(const QString &message) { setMessage(message, Kind::Error); }
    void setMessage(const QString &message, Kind kind);
    bool hasError() const { return m_kind == Kind::Error && !text().isEmpty(); }

    // One line high: the height comes from heightForWidth at the width the label gets. QLabel's
    // own hints are the heights at a narrow width, and a form gave its row that much, leaving
    // empty space above and below a message wrapped at the form's real width.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

private:
    Kind m_kind = Kind::Error;
};

} // namespace gs
