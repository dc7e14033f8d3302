#include "DelegateConnectedWait.h"

#include "util/LoggingCategories.h"

namespace gs::harness {

namespace {

// Waiting does not fix these; everything else (not listed yet, not connected yet, network,
// timeout, 5xx) may be fixed by the next poll.
bool isFinalFailure(Failure failure)
{
    switch (failure) {
    case Failure::InvalidInput:
    case Failure::Tls:
    case Failure::Unauthorized:
    case Failure::Forbidden:
    case Failure::NotFound:
    case Failure::HttpError:
    case Failure::MalformedResponse:
    case Failure::Cancelled:
        return true;
    default:
        return false;
    }
}

bool hasReplicaOn(const DelegateStatusResult &result, const QString &hostName)
{
    for (const DelegateReplica &replica : result.replicas) {
        if (replica.hostName.compare(hostName, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

DelegateConnectedWait::DelegateConnectedWait(HarnessClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DelegateConnectedWait::poll);
}

void DelegateConnectedWait::start(const QString &managerUrl, const QString &accountId,
                                  const QString &apiKey, const QString &delegateName,
                                  const QString &expectedHostName)
{
    cancel();
    m_managerUrl = managerUrl;
    m_accountId = accountId;
    m_apiKey = apiKey;
    m_delegateName = delegateName;
    m_expectedHostName = expectedHostName.trimmed();
    m_last = {};
    m_running = true;
    m_elapsed.start();
    m_timer.start(0);
}

void DelegateConnectedWait::cancel()
{
    if (!m_running)
        return;
    m_timer.stop();
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    m_job = nullptr;
    finish(Result::failure(tr("Cancelled before Harness reported the delegate connected.")));
}

void DelegateConnectedWait::poll()
{
    if (!m_client) {
        finish(Result::failure(tr("The Harness client is gone.")));
        return;
    }
    m_job = m_client->delegateStatus(m_managerUrl, m_accountId, m_apiKey, m_delegateName);
    connect(m_job, &DelegateStatusJob::finished, this, &DelegateConnectedWait::onAnswer);
}

void DelegateConnectedWait::onAnswer(const DelegateStatusResult &result)
{
    m_job = nullptr;
    m_last = result;
    const bool onExpectedHost =
        m_expectedHostName.isEmpty() || hasReplicaOn(result, m_expectedHostName);

    if (result.state == DelegateStatusResult::State::Connected && onExpectedHost) {
        finish(Result::success());
        return;
    }
    if (isFinalFailure(result.failure) || result.noTransport) {
        finish(Result::failure(result.message));
        return;
    }

    const auto elapsed = std::chrono::milliseconds(m_elapsed.elapsed());
    if (elapsed + m_interval > m_deadline) {
        QString why = result.message;
        if (result.state == DelegateStatusResult::State::Connected)
            why = tr("Delegate \"%1\" is connected in Harness, but none of its replicas runs on "
                     "%2 (%3): another host runs a delegate of the same name.")
                      .arg(m_delegateName, m_expectedHostName, describe(result));
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
        finish(
            Result::failure(tr("Not connected in Harness after %1 s: %2").arg(seconds).arg(why)));
        return;
    }
    Q_EMIT progress(describe(result));
    m_timer.start(m_interval);
}

void DelegateConnectedWait::finish(const Result &result)
{
    m_running = false;
    m_timer.stop();
    Result final = result;
    if (result.ok)
        final.message = tr("Delegate \"%1\" is connected in Harness (%2).")
                            .arg(m_delegateName, describe(m_last));
    qCInfo(lcHarness).noquote() << final.message;
    Q_EMIT finished(final, m_last);
}

QString DelegateConnectedWait::describe(const DelegateStatusResult &result)
{
    QString text;
    switch (result.state) {
    case DelegateStatusResult::State::Connected:
        text = tr("connected");
        break;
    case DelegateStatusResult::State::NotYetConnected:
        text = tr("not connected yet");
        break;
    case DelegateStatusResult::State::NotFound:
        text = tr("not listed yet");
        break;
    case DelegateStatusResult::State::Unknown:
        return result.message;
    }
    QStringList replicas;
    for (const DelegateReplica &replica : result.replicas)
        replicas.append(QStringLiteral("%1 %2%3").arg(
            replica.hostName.isEmpty() ? tr("(no host name)") : replica.hostName, replica.version,
            replica.connected ? QString() : tr(" (disconnected)")));
    if (!replicas.isEmpty())
        text += QStringLiteral("; ") + tr("replicas: %1").arg(replicas.join(QStringLiteral(", ")));
    if (result.lastHeartbeat.isValid())
        text += QStringLiteral("; ") +
                tr("last heartbeat %1").arg(result.lastHeartbeat.toString(Qt::ISODate));
    return text;
}

} // namespace gs::harness
