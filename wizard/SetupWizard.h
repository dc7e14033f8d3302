#pragma once

#include <QWizard>

namespace gs {

class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    explicit SetupWizard(QWidget *parent = nullptr);
};

} // namespace gs
