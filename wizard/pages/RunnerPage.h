#pragma once

#include "SetupPage.h"

#include <QDateTime>
#include <QHash>

class QLineEdit;

namespace gs {

class CommandView;
class InlineError;

// "Start the VM Runner": pool file, optional service-account key, runner directory and image;
// mkdir, pool.yaml upload, the harness network (only if missing), the runner container.
class RunnerPage : public SetupPage
{
    Q_OBJECT
public:
    explicit RunnerPage(WizardModel *model, QWidget *parent = nullptr);

    bool isComplete() const override;
    QString runBlockedReason() const override;
    // The pool editor's verdict (no errors, or the user chose to go on despite them), from
    // whoever embeds the editor; completeChanged() is theirs to emit when it changes.
    void setPoolAcceptable(std::function<bool()> acceptable)
    {
        m_poolAcceptable = std::move(acceptable);
        Q_EMIT completeChanged();
    }

    // Empty: the pool file editor (syntax colouring, diagnostics, pools table) goes here.
    QVBoxLayout *poolEditorArea()
    {
        ensureBuilt();
        return m_poolEditorArea;
    }
    // Empty: the "Run for me" panel goes here.
    QVBoxLayout *runArea()
    {
        ensureBuilt();
        return m_runArea;
    }

protected:
    void build() override;
    void loadFromModel() override;
    void refresh() override;

private:
    void edited();
    void check();

    QLineEdit *m_poolFile;
    InlineError *m_poolFileError;
    QLineEdit *m_keyFile;
    InlineError *m_keyFileError;
    QLineEdit *m_directory;
    InlineError *m_directoryError;
    QLineEdit *m_image;
    InlineError *m_imageError;
    CommandView *m_commands;
    QVBoxLayout *m_poolEditorArea = nullptr;
    QVBoxLayout *m_runArea = nullptr;
    std::function<bool()> m_poolAcceptable;
};

} // namespace gs
