#pragma once

#include "harness/HarnessClient.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gs {

// For the Delegate page: checks the account against the chosen cluster as the user types
// (debounced) and shows the verdict inline; on "not on this cluster" offers the other clusters.
// With a Harness API key it also proposes the current delegate image ("Use this image") and
// judges the page's image against it (latestVersionChanged: the page's own, offline check of
// the tag's date then stands back).
//
//   auto *check = new AccountCheckWidget(this);
//   connect(managerEdit, &QLineEdit::textChanged, check, &AccountCheckWidget::setManagerUrl);
//   connect(accountEdit, &QLineEdit::textChanged, check, &AccountCheckWidget::setAccountId);
//   connect(check, &AccountCheckWidget::clusterSuggested, …select it in the cluster picker…);
//   connect(check, &AccountCheckWidget::useImageRequested, imageEdit, &QLineEdit::setText);
class AccountCheckWidget : public QWidget
{
    Q_OBJECT
public:
    // Without a client the widget makes its own (system proxy, 20 s timeout).
    explicit AccountCheckWidget(QWidget *parent = nullptr);
    explicit AccountCheckWidget(harness::HarnessClient *client, QWidget *parent = nullptr);

    harness::HarnessClient *client() const { return m_client; }

    QString managerUrl() const { return m_managerUrl; }
    QString accountId() const { return m_accountId; }
    QString apiKey() const; // as in the key field
    QString proposedImage() const { return m_lastVersion.proposedImage; }
    // The latest supported delegate version Harness told; empty when it has not (yet).
    QString latestVersion() const { return m_lastVersion.ok() ? m_lastVersion.version : QString(); }
    const harness::AccountCheckResult &lastAccountResult() const { return m_lastAccount; }
    const harness::LatestVersionResult &lastVersionResult() const { return m_lastVersion; }
    bool isChecking() const;

    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); } // default 600 ms
    void setApiKeyFieldVisible(bool visible);                        // default visible
    // The clusters offered on 401; by default those of the result (gs::harnessClusters()).
    void setCandidateClusters(const QList<HarnessCluster> &clusters);

public Q_SLOTS:
    void setManagerUrl(const QString &url); // each setter re-checks after the debounce interval
    void setAccountId(const QString &id);
    void setApiKey(const QString &key); // e.g. from the keychain; apiKeyEdited is not emitted
    // The image the page has now: compared with the latest supported version.
    void setCurrentImage(const QString &image);
    void checkNow(); // no debounce

Q_SIGNALS:
    void accountChecked(const gs::harness::AccountCheckResult &result);
    void latestVersionChecked(const gs::harness::LatestVersionResult &result);
    // latestVersion() changed: Harness answered, or the answer was withdrawn (new account,
    // cluster or key). While it is set, Harness's verdict on the image wins over its date.
    void latestVersionChanged(const QString &version);
    void clusterSuggested(const QString &managerUrl); // the user picked "Try <cluster>"
    void useImageRequested(const QString &image);     // the user picked "Use this image"
    void apiKeyEdited(const QString &key);            // typed by the user: store it in the keychain

private:
    void setUpUi();
    void scheduleCheck();
    void scheduleVersionLookup();
    // Clears the last verdict and says what happens next for the input as it is: why it cannot
    // be checked (false), or that it is being checked (true).
    bool showReadiness();
    void startAccountCheck();
    void startVersionLookup();
    void onAccountChecked(const harness::AccountCheckResult &result);
    void onVersionChecked(const harness::LatestVersionResult &result);
    void setLastVersion(const harness::LatestVersionResult &result);
    void showVersion();
    void showStatus(QLabel *label, const QString &state, const QString &text);
    QLabel *addStateIcon(QLabel *label); // the mark next to `label`, set by showStatus
    void clearClusterButtons();
    void abortJobs();

    harness::HarnessClient *m_client = nullptr;
    QPointer<harness::AccountCheckJob> m_accountJob;
    QPointer<harness::LatestVersionJob> m_versionJob;
    QTimer m_debounce;
    QString m_managerUrl;
    QString m_accountId;
    QString m_currentImage;
    harness::AccountCheckResult m_lastAccount;
    harness::LatestVersionResult m_lastVersion;
    QList<HarnessCluster> m_candidates;
    bool m_candidatesSet = false;
    bool m_versionOnly = false; // the pending debounce only re-asks for the version

    QLabel *m_statusLabel = nullptr;
    QPushButton *m_recheckButton = nullptr;
    QWidget *m_clusterBox = nullptr;
    QHBoxLayout *m_clusterLayout = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QLabel *m_versionLabel = nullptr;
    QHash<QLabel *, QLabel *> m_stateIcons;
    QPushButton *m_useImageButton = nullptr;
};

} // namespace gs
