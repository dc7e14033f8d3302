#include "CopyField.h"

#include "CopyFeedback.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace gs {

CopyField::CopyField(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_copy(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setObjectName(name);
    m_edit->setReadOnly(true);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(name + QStringLiteral("Copy"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/edit-copy.svg")));
    m_copy->setText(tr("Copy"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_copy);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        copyWithFeedback(m_copy, m_edit->text());
        Q_EMIT copied();
    });
}

void CopyField::setValue(const QString &value)
{
    m_edit->setText(value);
    m_copy->setEnabled(!value.isEmpty());
}

void CopyField::setFieldName(const QString &name)
{
    m_edit->setAccessibleName(name);
    m_copy->setAccessibleName(tr("Copy: %1").arg(name));
}

QString CopyField::value() const
{
    return m_edit->text();
}

} // namespace gs
