#include "GcloudLookup.h"

#include "util/LetGoOfProcess.h"
#include "util/LoggingCategories.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <pwd.h>
#include <unistd.h>

namespace gs::remote {

namespace {

// gcloud's MetadataHasEnable: unset when the key is absent, else whether the value is "true".
std::optional<bool> metadataFlag(const QJsonObject &metadata, const QString &key)
{
    const QJsonArray items = metadata.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("key")).toString() == key)
            return o.value(QLatin1String("value"))
                       .toString()
                       .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    }
    return std::nullopt;
}

QJsonObject parseObject(const QByteArray &out, bool *ok)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    *ok = error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

const QString kOsLoginKey = QStringLiteral("enable-oslogin");

} // namespace

QString gcloudLocalLoginName(const QProcessEnvironment &env, const QString &passwdName)
{
    for (const char *name : {"LOGNAME", "USER", "LNAME", "USERNAME"}) {
        const QString value = env.value(QLatin1String(name));
        if (!value.isEmpty())
            return value;
    }
    return passwdName;
}

bool gcloudUsableUserName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (c.unicode() >= 128 || c == QLatin1Char(' '))
            return false;
    }
    return true;
}

QString gcloudAccountUserName(const QString &account)
{
    QString name = account.section(QLatin1Char('@'), 0, 0).toLower();
    if (name.isEmpty())
        return {};
    for (QChar &c : name) {
        const bool alnum = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (!alnum)
            c = QLatin1Char('_');
    }
    if (!(name.at(0) >= QLatin1Char('a') && name.at(0) <= QLatin1Char('z')))
        name.prepend(QLatin1Char('g'));
    return name.left(32);
}

QString gcloudLocalUserName(const QProcessEnvironment &env, const QString &passwdName,
                            const QString &account)
{
    const QString local = gcloudLocalLoginName(env, passwdName);
    if (gcloudUsableUserName(local))
        return local;
    return gcloudAccountUserName(account);
}

QString passwdUserName()
{
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return {};
}

GcloudLookupJob::GcloudLookupJob(const GcloudSshCommand &command, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        finish(GcloudFacts::Status::TimedOut, tr("gcloud did not answer within %1 seconds.")
                                                  .arg(qMax(1, (m_timeoutMs + 999) / 1000)));
    });
}

GcloudLookupJob::~GcloudLookupJob()
{
    stopProcess();
}

void GcloudLookupJob::stopProcess()
{
    letGoOfProcess(m_process, this);
    m_process = nullptr;
}

void GcloudLookupJob::setTimeout(int ms)
{
    m_timeoutMs = ms;
}

void GcloudLookupJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_deadline->start(m_timeoutMs);
    m_program = QStandardPaths::findExecutable(QStringLiteral("gcloud"));
    if (m_program.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(GcloudFacts::Status::GcloudMissing,
                       tr("The gcloud CLI is not installed or not on PATH."));
            },
            Qt::QueuedConnection);
        return;
    }
    describeInstance();
}

void GcloudLookupJob::cancel()
{
    finish(GcloudFacts::Status::Cancelled, tr("Cancelled."));
}

void GcloudLookupJob::run(const QStringList &arguments, Then then)
{
    auto *process = new QProcess(this);
    m_process = process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Never a question on a terminal nobody sees: a prompt would only run into the deadline.
    env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
    process->setProcessEnvironment(env);
    process->setStandardInputFile(QProcess::nullDevice());
    const QStringList args = arguments + m_command.accountFlags();
    qCDebug(lcRemote).noquote() << "gcloud" << args.join(QLatin1Char(' '));
    connect(
        process, &QProcess::errorOccurred, this, [this, process, then](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart || process != m_process)
                return;
            m_process = nullptr;
            process->deleteLater();
            // Maybe still inside QProcess::start(): answered from the event loop.
            const QString error = tr("gcloud could not be started: %1").arg(process->errorString());
            QMetaObject::invokeMethod(
                this,
                [this, then, error] {
                    if (!m_finished)
                        then(false, {}, error);
                },
                Qt::QueuedConnection);
        });
    connect(process, &QProcess::finished, this,
            [this, process, then](int exitCode, QProcess::ExitStatus status) {
                if (process != m_process)
                    return;
                m_process = nullptr;
                process->deleteLater();
                const QByteArray out = process->readAllStandardOutput();
                QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                if (err.size() > 800)
                    err = QStringLiteral("…") + err.right(800);
                if (status != QProcess::NormalExit || exitCode != 0) {
                    if (err.isEmpty())
                        err = status == QProcess::NormalExit
                                  ? tr("gcloud ended with exit code %1.").arg(exitCode)
                                  : tr("gcloud crashed.");
                    then(false, out, err);
                    return;
                }
                then(true, out, {});
            });
    process->start(m_program, args);
}

void GcloudLookupJob::describeInstance()
{
    Q_EMIT progress(tr("Asking gcloud about the instance %1…").arg(m_command.instance));
    QStringList args{QStringLiteral("compute"),  QStringLiteral("instances"),
                     QStringLiteral("describe"), m_command.instance,
                     QStringLiteral("--zone"),   m_command.zone};
    if (!m_command.project.isEmpty())
        args << QStringLiteral("--project") << m_command.project;
    args << QStringLiteral("--format=json");
    run(args, [this](bool ok, const QByteArray &out, const QString &error) {
        if (!ok) {
            finish(GcloudFacts::Status::Failed, error);
            return;
        }
        bool parsed = false;
        const QJsonObject instance = parseObject(out, &parsed);
        if (!parsed) {
            finish(GcloudFacts::Status::Failed,
                   tr("gcloud's description of the instance is not JSON."));
            return;
        }
        const QJsonObject nic =
            instance.value(QLatin1String("networkInterfaces")).toArray().at(0).toObject();
        m_facts.internalIp = nic.value(QLatin1String("networkIP")).toString();
        m_facts.externalIp = nic.value(QLatin1String("accessConfigs"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QLatin1String("natIP"))
                                 .toString();
        m_facts.osLogin =
            metadataFlag(instance.value(QLatin1String("metadata")).toObject(), kOsLoginKey);
        // The instance's own setting wins; without one, the project's applies.
        if (m_facts.osLogin.has_value())
            describeProfile();
        else
            describeProject();
    });
}

void GcloudLookupJob::describeProject()
{
    Q_EMIT progress(tr("Asking gcloud whether OS Login is on for the project…"));
    QStringList args{QStringLiteral("compute"), QStringLiteral("project-info"),
                     QStringLiteral("describe")};
    if (!m_command.project.isEmpty())
        args << QStringLiteral("--project") << m_command.project;
    args << QStringLiteral("--format=json");
    run(args, [this](bool ok, const QByteArray &out, const QString &error) {
        bool parsed = false;
        const QJsonObject project = ok ? parseObject(out, &parsed) : QJsonObject();
        if (!ok || !parsed)
            m_facts.osLoginError =
                ok ? tr("gcloud's description of the project is not JSON.") : error;
        else
            m_facts.osLogin = metadataFlag(
                project.value(QLatin1String("commonInstanceMetadata")).toObject(), kOsLoginKey);
        describeProfile();
    });
}

void GcloudLookupJob::describeProfile()
{
    if (m_facts.osLogin != true) {
        readAccount();
        return;
    }
    Q_EMIT progress(tr("Reading your OS Login profile…"));
    QStringList args{QStringLiteral("compute"), QStringLiteral("os-login"),
                     QStringLiteral("describe-profile")};
    if (!m_command.project.isEmpty())
        args << QStringLiteral("--project") << m_command.project;
    args << QStringLiteral("--format=json");
    run(args, [this](bool ok, const QByteArray &out, const QString &error) {
        bool parsed = false;
        const QJsonObject profile = ok ? parseObject(out, &parsed) : QJsonObject();
        if (!ok || !parsed) {
            m_facts.profileError = ok ? tr("gcloud's OS Login profile is not JSON.") : error;
        } else {
            m_facts.profileRead = true;
            const QJsonArray accounts = profile.value(QLatin1String("posixAccounts")).toArray();
            for (const QJsonValue &value : accounts) {
                const QJsonObject a = value.toObject();
                GcloudPosixAccount account;
                account.username = a.value(QLatin1String("username")).toString();
                account.accountId = a.value(QLatin1String("accountId")).toString();
                account.primary = a.value(QLatin1String("primary")).toBool();
                if (!account.username.isEmpty())
                    m_facts.posixAccounts << account;
            }
            const QJsonObject keys = profile.value(QLatin1String("sshPublicKeys")).toObject();
            for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
                const QStringList parts = it.value()
                                              .toObject()
                                              .value(QLatin1String("key"))
                                              .toString()
                                              .split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (parts.size() >= 2)
                    m_facts.profileKeys << parts.at(0) + QLatin1Char(' ') + parts.at(1);
            }
        }
        readAccount();
    });
}

void GcloudLookupJob::readAccount()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (gcloudUsableUserName(gcloudLocalLoginName(env, passwdUserName()))) {
        finish(GcloudFacts::Status::Ok);
        return;
    }
    run({QStringLiteral("config"), QStringLiteral("get-value"), QStringLiteral("account")},
        [this](bool ok, const QByteArray &out, const QString &) {
            if (ok)
                m_facts.account = QString::fromUtf8(out).trimmed();
            finish(GcloudFacts::Status::Ok);
        });
}

void GcloudLookupJob::finish(GcloudFacts::Status status, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline->stop();
    stopProcess();
    m_facts.status = status;
    if (status != GcloudFacts::Status::Ok)
        m_facts.error = error;
    qCDebug(lcRemote) << "gcloud lookup finished:" << int(status) << m_facts.error;
    Q_EMIT finished(m_facts);
}

} // namespace gs::remote
