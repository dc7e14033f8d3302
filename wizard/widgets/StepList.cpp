#include "StepList.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace gs {

StepList::StepList(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("stepList"));
    setAccessibleName(tr("Steps"));
    m_layout->addStretch(1);
}

void StepList::addStep(int id, const QString &title)
{
    Row row;
    row.id = id;
    row.title = title;
    auto *line = new QHBoxLayout;
    row.icon = new QLabel(this);
    row.icon->setObjectName(QStringLiteral("stepIcon_%1").arg(id));
    row.icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    // Plain text in two labels: rich text would parse and lay out a document for every row on
    // the way to the first paint.
    row.text = new QLabel(this);
    row.text->setObjectName(QStringLiteral("stepText_%1").arg(id));
    row.text->setTextFormat(Qt::PlainText);
    row.statusLabel = new QLabel(this);
    row.statusLabel->setObjectName(QStringLiteral("stepStatus_%1").arg(id));
    row.statusLabel->setTextFormat(Qt::PlainText);
    QFont small = row.statusLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    row.statusLabel->setFont(small);
    auto *words = new QVBoxLayout;
    words->setSpacing(0);
    words->addWidget(row.text);
    words->addWidget(row.statusLabel);
    line->addWidget(row.icon);
    line->addLayout(words, 1);
    m_layout->insertLayout(m_layout->count() - 1, line); // above the stretch
    m_rows.append(row);
    update(m_rows.last());
}

void StepList::setStatus(int id, Status status)
{
    for (Row &row : m_rows) {
        if (row.id == id && row.status != status) {
            row.status = status;
            update(row);
        }
    }
}

void StepList::setCurrent(int id)
{
    m_current = id;
    for (Row &row : m_rows)
        update(row);
}

void StepList::setStepVisible(int id, bool visible)
{
    for (Row &row : m_rows) {
        if (row.id != id || row.visible == visible)
            continue;
        row.visible = visible;
        for (QLabel *label : {row.icon, row.text, row.statusLabel})
            label->setVisible(visible);
    }
}

bool StepList::isStepVisible(int id) const
{
    for (const Row &row : m_rows) {
        if (row.id == id)
            return row.visible;
    }
    return false;
}

StepList::Status StepList::status(int id) const
{
    for (const Row &row : m_rows) {
        if (row.id == id)
            return row.status;
    }
    return Status::ToDo;
}

QString StepList::statusText(Status status)
{
    switch (status) {
    case Status::ToDo:
        return tr("to do");
    case Status::Done:
        return tr("done");
    case Status::Warning:
        return tr("done, with warnings");
    case Status::Failed:
        return tr("failed");
    case Status::Running:
        return tr("running…");
    }
    return {};
}

void StepList::update(Row &row)
{
    QStyle::StandardPixmap pixmap = QStyle::SP_CustomBase;
    switch (row.status) {
    case Status::ToDo:
        break;
    case Status::Done:
        pixmap = QStyle::SP_DialogApplyButton;
        break;
    case Status::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case Status::Failed:
        pixmap = QStyle::SP_MessageBoxCritical;
        break;
    case Status::Running:
        pixmap = QStyle::SP_BrowserReload;
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    row.icon->setFixedWidth(size);
    row.icon->setPixmap(pixmap == QStyle::SP_CustomBase
                            ? QPixmap()
                            : style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    const bool current = row.id == m_current;
    row.text->setText(current ? QStringLiteral("▸ ") + row.title : row.title);
    QFont font = row.text->font();
    if (font.bold() != current) {
        font.setBold(current);
        row.text->setFont(font);
    }
    row.statusLabel->setText(statusText(row.status));
    row.text->setAccessibleName(row.title + QStringLiteral(": ") + statusText(row.status) +
                                (current ? tr(" (current step)") : QString()));
}

} // namespace gs
