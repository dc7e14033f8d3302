#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace gs {

// A read-only value with a copy button, for values the user types elsewhere (the delegate name
// in the Gitspace infrastructure UI).
class CopyField : public QWidget
{
    Q_OBJECT
public:
    // The line edit is named `name`, the button `name + "Copy"`.
    explicit CopyField(const QString &name, QWidget *parent = nullptr);

    void setValue(const QString &value);
    // What the value is, for screen readers: the field's name and its button's ("Copy …").
    void setFieldName(const QString &name);
    QString value() const;

Q_SIGNALS:
    void copied();

private:
    QLineEdit *m_edit;
    QToolButton *m_copy;
};

} // namespace gs
