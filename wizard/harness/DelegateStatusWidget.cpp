#include "DelegateStatusWidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs {

using harness::DelegateStatusResult;

DelegateStatusWidget::DelegateStatusWidget(QWidget *parent)
    : DelegateStatusWidget(nullptr, parent)
{}

DelegateStatusWidget::DelegateStatusWidget(harness::HarnessClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client ? client : new harness::HarnessClient(this))
{
    setObjectName(QStringLiteral("delegateStatusWidget"));
    setUpUi();
}

void DelegateStatusWidget::setUpUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *row = new QHBoxLayout;
    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setObjectName(QStringLiteral("harnessApiKeyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setClearButtonEnabled(true);
    m_keyEdit->setPlaceholderText(tr("Harness API key (pat.… or sat.…)"));
    m_keyEdit->setToolTip(tr("Kept in the system keychain, never in files or logs."));
    m_keyEdit->setAccessibleName(tr("Harness API key"));
    connect(m_keyEdit, &QLineEdit::textEdited, this, &DelegateStatusWidget::apiKeyEdited);
    row->addWidget(m_keyEdit, 1);
    m_checkButton = new QPushButton(tr("Check in Harness"), this);
    m_checkButton->setObjectName(QStringLiteral("checkInHarnessButton"));
    connect(m_checkButton, &QPushButton::clicked, this, &DelegateStatusWidget::check);
    row->addWidget(m_checkButton);
    layout->addLayout(row);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("delegateStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The state with a mark as well as in words (next to the text, not a glyph in it: a glyph
    // from a fallback font is taller than the label's layout expects).
    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("delegateStatusIcon"));
    m_statusIcon->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_statusLabel, 1);
    layout->addLayout(statusRow);

    m_replicas = new QTreeWidget(this);
    m_replicas->setObjectName(QStringLiteral("delegateReplicasView"));
    m_replicas->setRootIsDecorated(false);
    m_replicas->setHeaderLabels(
        {tr("Host name"), tr("Version"), tr("Connected"), tr("Last heartbeat")});
    m_replicas->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_replicas->hide();
    layout->addWidget(m_replicas);

    showStatus(QStringLiteral("idle"),
               tr("Ask Harness whether the delegate is connected (needs an API key)."));
}

QString DelegateStatusWidget::apiKey() const
{
    return m_keyEdit->text().trimmed();
}

void DelegateStatusWidget::setApiKeyFieldVisible(bool visible)
{
    m_keyEdit->setVisible(visible);
}

void DelegateStatusWidget::setManagerUrl(const QString &url)
{
    m_managerUrl = url.trimmed();
}

void DelegateStatusWidget::setAccountId(const QString &id)
{
    m_accountId = id.trimmed();
}

void DelegateStatusWidget::setDelegateName(const QString &name)
{
    m_delegateName = name.trimmed();
}

void DelegateStatusWidget::setApiKey(const QString &key)
{
    m_keyEdit->setText(key);
}

void DelegateStatusWidget::setExpectedHostName(const QString &hostName)
{
    m_expectedHostName = hostName.trimmed();
}

void DelegateStatusWidget::check()
{
    if (m_job)
        return; // the button is disabled meanwhile; a second click changes nothing
    m_checkButton->setEnabled(false);
    m_replicas->clear();
    m_replicas->hide();
    showStatus(QStringLiteral("checking"),
               tr("Asking Harness about delegate \"%1\"…").arg(m_delegateName));
    m_job = m_client->delegateStatus(m_managerUrl, m_accountId, apiKey(), m_delegateName);
    connect(m_job, &harness::DelegateStatusJob::finished, this, &DelegateStatusWidget::onChecked);
}

void DelegateStatusWidget::onChecked(const DelegateStatusResult &result)
{
    m_job = nullptr;
    m_last = result;
    m_checkButton->setEnabled(true);
    switch (result.state) {
    case DelegateStatusResult::State::Connected:
        showStatus(QStringLiteral("connected"), result.message);
        break;
    case DelegateStatusResult::State::NotYetConnected:
        showStatus(QStringLiteral("not-yet"),
                   result.message + QLatin1Char(' ') +
                       tr("A new delegate takes a minute or two; check again shortly."));
        break;
    case DelegateStatusResult::State::NotFound:
        showStatus(QStringLiteral("not-found"),
                   result.message + QLatin1Char(' ') +
                       tr("Check the delegate name, the account and the delegate's logs."));
        break;
    case DelegateStatusResult::State::Unknown:
        showStatus(QStringLiteral("error"), result.message);
        break;
    }

    for (const harness::DelegateReplica &replica : result.replicas) {
        const QString beat = replica.lastHeartbeat.isValid()
                                 ? replica.lastHeartbeat.toLocalTime().toString(Qt::ISODate)
                                 : tr("unknown");
        auto *item =
            new QTreeWidgetItem(m_replicas, {replica.hostName, replica.version,
                                             replica.connected ? tr("yes") : tr("no"), beat});
        if (!m_expectedHostName.isEmpty() &&
            replica.hostName.compare(m_expectedHostName, Qt::CaseInsensitive) == 0) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setToolTip(0, tr("The delegate container on this VM"));
        }
    }
    m_replicas->setVisible(!result.replicas.isEmpty());
    Q_EMIT checked(result);
}

void DelegateStatusWidget::showStatus(const QString &state, const QString &text)
{
    m_statusLabel->setProperty("state", state);
    m_statusLabel->setText(text);
    const QStyle::StandardPixmap pixmap =
        state == QLatin1String("connected")   ? QStyle::SP_DialogApplyButton
        : state == QLatin1String("not-yet")   ? QStyle::SP_MessageBoxInformation
        : state == QLatin1String("not-found") ? QStyle::SP_MessageBoxWarning
        : state == QLatin1String("error")     ? QStyle::SP_MessageBoxCritical
                                              : QStyle::SP_CustomBase;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    if (pixmap != QStyle::SP_CustomBase)
        m_statusIcon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    m_statusIcon->setVisible(pixmap != QStyle::SP_CustomBase);
    m_statusLabel->style()->unpolish(m_statusLabel);
    m_statusLabel->style()->polish(m_statusLabel);
}

} // namespace gs
