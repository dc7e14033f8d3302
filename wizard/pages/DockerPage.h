#pragma once

#include "SetupPage.h"

namespace gs {

class CommandView;

// "Install Docker": the commands that check for Docker and install it when it is missing.
class DockerPage : public SetupPage
{
    Q_OBJECT
public:
    explicit DockerPage(WizardModel *model, QWidget *parent = nullptr);

    // Empty: the "Run for me" panel goes here.
    QVBoxLayout *runArea()
    {
        ensureBuilt();
        return m_runArea;
    }

protected:
    void build() override;
    void refresh() override;

private:
    CommandView *m_commands;
    QVBoxLayout *m_runArea = nullptr;
};

} // namespace gs
