#pragma once

#include "widgets/CommandView.h"

#include "plan/CommandBuilder.h"

#include <QWizardPage>

#include <functional>

class QBoxLayout;
class QVBoxLayout;

namespace gs {

class WizardModel;

// What every page shares: the model, the command rendering rules for the token, and named empty
// containers where other widgets (connection panel, "Run for me" panel, …) are embedded.
class SetupPage : public QWizardPage
{
    Q_OBJECT
public:
    SetupPage(WizardModel *wizardModel, QWidget *parent = nullptr);

    void initializePage() override;

    // Pages build their widgets when first shown (or when a container is asked for): the
    // window paints its first page without paying for the other six.
    void ensureBuilt();
    bool isBuilt() const { return m_built; }

    // Why this page's "Run for me" cannot run with the inputs as they are: the same checks as
    // Next (isComplete), said in words. Empty: it can. Pages emit completeChanged() when it may
    // have changed.
    virtual QString runBlockedReason() const;

Q_SIGNALS:
    // After build(): the place to embed widgets into the page's containers without building
    // every page at start-up.
    void built();

protected:
    WizardModel *model() const { return m_model; }

    // Creates the page's widgets; called once.
    virtual void build() = 0;

    // Fields from the model (page shown, answers opened, keychain answered).
    virtual void loadFromModel() {}
    // The commands and other derived views, after any change of the model.
    virtual void refresh() {}

    // An empty, named vertical layout inside `parentLayout` for a widget embedded later; it gets
    // `stretch` of the room the page has to spare.
    QVBoxLayout *addArea(QBoxLayout *parentLayout, const QString &objectName, int stretch = 0);

    // How a command shows and copies (the same text): the token read at a hidden prompt until
    // the user reveals it; files as the plan prepared them.
    CommandView::Entry entryFor(const CommandBuilder &builder, const PlannedCommand &command) const;
    QList<CommandView::Entry> entriesFor(const CommandBuilder &builder, const StepPlan &step) const;

private:
    WizardModel *m_model;
    bool m_built = false;
};

} // namespace gs
