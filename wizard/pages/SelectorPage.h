#pragma once

#include "SetupPage.h"

namespace gs {

class CopyField;

// "Delegate Selector": the values to type into the Gitspace infrastructure UI.
class SelectorPage : public SetupPage
{
    Q_OBJECT
public:
    explicit SelectorPage(WizardModel *model, QWidget *parent = nullptr);

    // Empty: the delegate status check (Harness API) goes here.
    QVBoxLayout *statusArea()
    {
        ensureBuilt();
        return m_statusArea;
    }

protected:
    void build() override;
    void refresh() override;

private:
    CopyField *m_name;
    CopyField *m_tags;
    QVBoxLayout *m_statusArea = nullptr;
};

} // namespace gs
