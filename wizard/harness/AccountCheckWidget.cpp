#include "AccountCheckWidget.h"

#include "harness/DelegateImage.h"
#include "plan/InputChecks.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gs {

using harness::AccountCheckResult;
using harness::LatestVersionResult;

AccountCheckWidget::AccountCheckWidget(QWidget *parent)
    : AccountCheckWidget(nullptr, parent)
{}

AccountCheckWidget::AccountCheckWidget(harness::HarnessClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client ? client : new harness::HarnessClient(this))
{
    setObjectName(QStringLiteral("accountCheckWidget"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(600);
    connect(&m_debounce, &QTimer::timeout, this, &AccountCheckWidget::startAccountCheck);
    setUpUi();
}

void AccountCheckWidget::setUpUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *statusRow = new QHBoxLayout;
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("accountCheckStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusRow->addWidget(addStateIcon(m_statusLabel), 0, Qt::AlignTop);
    statusRow->addWidget(m_statusLabel, 1);
    m_recheckButton = new QPushButton(tr("Check again"), this);
    m_recheckButton->setObjectName(QStringLiteral("accountRecheckButton"));
    connect(m_recheckButton, &QPushButton::clicked, this, &AccountCheckWidget::checkNow);
    statusRow->addWidget(m_recheckButton, 0, Qt::AlignTop);
    layout->addLayout(statusRow);

    m_clusterBox = new QWidget(this);
    m_clusterBox->setObjectName(QStringLiteral("tryClusterBox"));
    m_clusterLayout = new QHBoxLayout(m_clusterBox);
    m_clusterLayout->setContentsMargins(0, 0, 0, 0);
    m_clusterBox->hide();
    layout->addWidget(m_clusterBox);

    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("harnessApiKeyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setClearButtonEnabled(true);
    m_keyEdit->setPlaceholderText(
        tr("Harness API key (optional, pat.… or sat.…): proposes the current delegate image"));
    m_keyEdit->setToolTip(tr("Kept in the system keychain, never in files or logs."));
    m_keyEdit->setAccessibleName(tr("Harness API key"));
    connect(m_keyEdit, &QLineEdit::textEdited, this, [this](const QString &key) {
        Q_EMIT apiKeyEdited(key);
        scheduleVersionLookup();
    });
    layout->addWidget(m_keyEdit);

    auto *versionRow = new QHBoxLayout;
    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("latestVersionLabel"));
    m_versionLabel->setWordWrap(true);
    m_versionLabel->setTextFormat(Qt::PlainText);
    m_versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_versionLabel->hide();
    versionRow->addWidget(addStateIcon(m_versionLabel), 0, Qt::AlignTop);
    versionRow->addWidget(m_versionLabel, 1);
    m_useImageButton = new QPushButton(tr("Use this image"), this);
    m_useImageButton->setObjectName(QStringLiteral("useImageButton"));
    m_useImageButton->hide();
    connect(m_useImageButton, &QPushButton::clicked, this, [this] {
        if (!m_lastVersion.proposedImage.isEmpty())
            Q_EMIT useImageRequested(m_lastVersion.proposedImage);
    });
    versionRow->addWidget(m_useImageButton, 0, Qt::AlignTop);
    layout->addLayout(versionRow);

    showStatus(m_statusLabel, QStringLiteral("idle"), tr("Enter the account id to check it."));
}

QString AccountCheckWidget::apiKey() const
{
    return m_keyEdit->text().trimmed();
}

bool AccountCheckWidget::isChecking() const
{
    return m_debounce.isActive() || !m_accountJob.isNull() || !m_versionJob.isNull();
}

void AccountCheckWidget::setApiKeyFieldVisible(bool visible)
{
    m_keyEdit->setVisible(visible);
}

void AccountCheckWidget::setCandidateClusters(const QList<HarnessCluster> &clusters)
{
    m_candidates = clusters;
    m_candidatesSet = true;
}

void AccountCheckWidget::setManagerUrl(const QString &url)
{
    if (url.trimmed() == m_managerUrl)
        return;
    m_managerUrl = url.trimmed();
    scheduleCheck();
}

void AccountCheckWidget::setAccountId(const QString &id)
{
    if (id.trimmed() == m_accountId)
        return;
    m_accountId = id.trimmed();
    scheduleCheck();
}

void AccountCheckWidget::setApiKey(const QString &key)
{
    if (key == m_keyEdit->text())
        return;
    m_keyEdit->setText(key);
    scheduleVersionLookup();
}

void AccountCheckWidget::checkNow()
{
    m_debounce.stop();
    startAccountCheck();
}

void AccountCheckWidget::scheduleCheck()
{
    abortJobs();
    m_versionOnly = false;
    // What shows is about the input as it is now, not the verdict on the one before it.
    showReadiness();
    m_debounce.start();
}

void AccountCheckWidget::scheduleVersionLookup()
{
    // A new key does not change the account's verdict: ask only for the version, unless the
    // account check still has to run.
    const bool accountKnown = !m_debounce.isActive() && m_accountJob.isNull() &&
                              m_lastAccount.verdict == AccountCheckResult::Verdict::Ok;
    if (!accountKnown) {
        scheduleCheck();
        return;
    }
    if (m_versionJob) {
        disconnect(m_versionJob, nullptr, this, nullptr);
        m_versionJob->abort();
    }
    m_versionJob = nullptr;
    m_versionOnly = true;
    m_debounce.start();
}

void AccountCheckWidget::abortJobs()
{
    // Disconnect first: an answer for the old input must not show up.
    if (m_accountJob) {
        disconnect(m_accountJob, nullptr, this, nullptr);
        m_accountJob->abort();
    }
    if (m_versionJob) {
        disconnect(m_versionJob, nullptr, this, nullptr);
        m_versionJob->abort();
    }
    m_accountJob = nullptr;
    m_versionJob = nullptr;
}

void AccountCheckWidget::startAccountCheck()
{
    if (m_versionOnly) {
        m_versionOnly = false;
        setLastVersion({});
        m_useImageButton->hide();
        if (apiKey().isEmpty())
            m_versionLabel->hide();
        else
            startVersionLookup();
        return;
    }
    abortJobs();
    if (!showReadiness())
        return;
    m_accountJob = m_client->checkAccount(m_managerUrl, m_accountId);
    connect(m_accountJob, &harness::AccountCheckJob::finished, this,
            &AccountCheckWidget::onAccountChecked);
}

bool AccountCheckWidget::showReadiness()
{
    clearClusterButtons();
    m_lastAccount = {};
    setLastVersion({});
    m_versionLabel->hide();
    m_useImageButton->hide();

    // Format problems are shown by the page's own field checks; no need to ask the network.
    const QString formatError = InputChecks::accountId(m_accountId);
    if (!formatError.isEmpty()) {
        showStatus(m_statusLabel, QStringLiteral("idle"), formatError);
        return false;
    }
    if (m_managerUrl.isEmpty()) {
        showStatus(m_statusLabel, QStringLiteral("idle"),
                   tr("Choose the Harness cluster to check the account against it."));
        return false;
    }
    showStatus(m_statusLabel, QStringLiteral("checking"),
               tr("Checking account %1 on %2…").arg(m_accountId, m_managerUrl));
    return true;
}

void AccountCheckWidget::onAccountChecked(const AccountCheckResult &result)
{
    m_accountJob = nullptr;
    m_lastAccount = result;
    switch (result.verdict) {
    case AccountCheckResult::Verdict::Ok:
        showStatus(m_statusLabel, QStringLiteral("ok"), result.message);
        break;
    case AccountCheckResult::Verdict::NotOnCluster: {
        showStatus(m_statusLabel, QStringLiteral("error"), result.message);
        const QList<HarnessCluster> clusters =
            m_candidatesSet ? m_candidates : result.otherClusters;
        for (const HarnessCluster &cluster : clusters) {
            if (cluster.managerUrl.isEmpty() || cluster.managerUrl == m_managerUrl)
                continue;
            auto *button = new QPushButton(tr("Try %1").arg(cluster.label), m_clusterBox);
            button->setObjectName(QStringLiteral("tryClusterButton_") + cluster.id);
            button->setToolTip(cluster.managerUrl);
            const QString url = cluster.managerUrl;
            connect(button, &QPushButton::clicked, this, [this, url] {
                // Set first, so the page echoing the URL back through setManagerUrl() is a no-op.
                m_managerUrl = url;
                Q_EMIT clusterSuggested(url);
                checkNow();
            });
            m_clusterLayout->addWidget(button);
        }
        m_clusterLayout->addStretch(1);
        m_clusterBox->setVisible(!clusters.isEmpty());
        break;
    }
    case AccountCheckResult::Verdict::CannotReach:
    case AccountCheckResult::Verdict::Failed:
        showStatus(m_statusLabel, QStringLiteral("error"), result.message);
        break;
    }
    Q_EMIT accountChecked(result);
    if (result.verdict == AccountCheckResult::Verdict::Ok && !apiKey().isEmpty())
        startVersionLookup();
}

void AccountCheckWidget::startVersionLookup()
{
    showStatus(m_versionLabel, QStringLiteral("checking"),
               tr("Asking Harness for the current delegate version…"));
    m_versionJob = m_client->latestDelegateVersion(m_managerUrl, m_accountId, apiKey());
    connect(m_versionJob, &harness::LatestVersionJob::finished, this,
            &AccountCheckWidget::onVersionChecked);
}

void AccountCheckWidget::onVersionChecked(const LatestVersionResult &result)
{
    m_versionJob = nullptr;
    setLastVersion(result);
    showVersion();
    Q_EMIT latestVersionChecked(result);
}

void AccountCheckWidget::setLastVersion(const LatestVersionResult &result)
{
    const QString before = latestVersion();
    m_lastVersion = result;
    if (latestVersion() != before)
        Q_EMIT latestVersionChanged(latestVersion());
}

void AccountCheckWidget::setCurrentImage(const QString &image)
{
    m_currentImage = image.trimmed();
    // Only once Harness answered: a result not asked for yet also counts as ok().
    if (!latestVersion().isEmpty())
        showVersion();
}

void AccountCheckWidget::showVersion()
{
    const LatestVersionResult &result = m_lastVersion;
    if (!result.ok()) {
        showStatus(m_versionLabel, QStringLiteral("error"), result.message);
        m_useImageButton->hide();
        return;
    }
    if (m_currentImage == result.proposedImage) {
        showStatus(m_versionLabel, QStringLiteral("ok"),
                   tr("The delegate image is the current one (%1).").arg(result.version));
        m_useImageButton->hide();
        return;
    }
    const harness::ImageTagCheck age =
        harness::DelegateImage::check(m_currentImage, result.version);
    QString text = tr("Current delegate image: %1").arg(result.proposedImage);
    QString state = QStringLiteral("ok");
    if (!m_currentImage.isEmpty() && !age.message.isEmpty()) {
        text = age.message + QLatin1Char('\n') + text;
        if (age.warning)
            state = QStringLiteral("warning");
    }
    showStatus(m_versionLabel, state, text);
    m_useImageButton->show();
}

QLabel *AccountCheckWidget::addStateIcon(QLabel *label)
{
    auto *icon = new QLabel(this);
    icon->setObjectName(label->objectName() + QStringLiteral("Icon"));
    icon->hide();
    m_stateIcons.insert(label, icon);
    return icon;
}

void AccountCheckWidget::showStatus(QLabel *label, const QString &state, const QString &text)
{
    // "state" lets style sheets (and tests) tell ok from error without parsing text.
    label->setProperty("state", state);
    label->setText(text);
    label->show();
    // Said with a mark as well as in words (a glyph in the text would come from a fallback font
    // whose height the label's layout does not expect).
    if (QLabel *icon = m_stateIcons.value(label)) {
        const QStyle::StandardPixmap pixmap =
            state == QLatin1String("ok")        ? QStyle::SP_DialogApplyButton
            : state == QLatin1String("error")   ? QStyle::SP_MessageBoxCritical
            : state == QLatin1String("warning") ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_CustomBase;
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        if (pixmap != QStyle::SP_CustomBase)
            icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
        icon->setVisible(pixmap != QStyle::SP_CustomBase);
    }
    label->style()->unpolish(label);
    label->style()->polish(label);
}

void AccountCheckWidget::clearClusterButtons()
{
    while (QLayoutItem *item = m_clusterLayout->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    m_clusterBox->hide();
}

} // namespace gs
