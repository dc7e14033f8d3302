#pragma once

#include "harness/HarnessClient.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace gs {

// For the Delegate Selector page: "Check in Harness" asks the API whether the delegate is
// connected and shows connected / not yet / not found with each replica's host and version.
//
//   auto *status = new DelegateStatusWidget(this);
//   status->setManagerUrl(…); status->setAccountId(…); status->setDelegateName(…);
//   status->setApiKey(keyFromKeychain);
class DelegateStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DelegateStatusWidget(QWidget *parent = nullptr);
    explicit DelegateStatusWidget(harness::HarnessClient *client, QWidget *parent = nullptr);

    harness::HarnessClient *client() const { return m_client; }
    QString apiKey() const;
    const harness::DelegateStatusResult &lastResult() const { return m_last; }
    bool isChecking() const { return !m_job.isNull(); }
    void setApiKeyFieldVisible(bool visible); // default visible

public Q_SLOTS:
    void setManagerUrl(const QString &url);
    void setAccountId(const QString &id);
    void setDelegateName(const QString &name);
    void setApiKey(const QString &key); // apiKeyEdited is not emitted
    // The container's host name, when known: its replica is marked in the table.
    void setExpectedHostName(const QString &hostName);
    void check(); // what the button does

Q_SIGNALS:
    void checked(const gs::harness::DelegateStatusResult &result);
    void apiKeyEdited(const QString &key); // typed by the user: store it in the keychain

private:
    void setUpUi();
    void onChecked(const harness::DelegateStatusResult &result);
    void showStatus(const QString &state, const QString &text);

    harness::HarnessClient *m_client = nullptr;
    QPointer<harness::DelegateStatusJob> m_job;
    QString m_managerUrl;
    QString m_accountId;
    QString m_delegateName;
    QString m_expectedHostName;
    harness::DelegateStatusResult m_last;

    QLineEdit *m_keyEdit = nullptr;
    QPushButton *m_checkButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_statusIcon = nullptr;
    QTreeWidget *m_replicas = nullptr;
};

} // namespace gs
