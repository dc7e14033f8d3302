#pragma once

#include "plan/GcloudSshCommand.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QProcess;
class QTimer;

namespace gs::remote {

struct GcloudPosixAccount
{
    QString username;
    QString accountId; // the project the POSIX account belongs to
    bool primary = false;
};

// What gcloud says about the instance of a pasted `gcloud compute ssh` and about the signed-in
// account: what deciding the login needs. Filled by GcloudLookupJob; ConnectOptions::fromGcloud
// decides from it.
struct GcloudFacts
{
    enum class Status {
        NotAsked,      // no lookup ran: decide from the command and this computer alone
        Ok,            // the instance was described
        GcloudMissing, // no gcloud on PATH
        Failed,        // gcloud ran and failed (not logged in, no such instance, no permission…)
        TimedOut,
        Cancelled,
    };
    Status status = Status::NotAsked;
    QString error; // not Ok: what went wrong, with what gcloud printed

    // enable-oslogin from the instance's metadata, else the project's; unset when neither has it
    // (OS Login is then off) or the project could not be read (then osLoginError says why).
    std::optional<bool> osLogin;
    QString osLoginError;
    QString externalIp; // networkInterfaces[0].accessConfigs[0].natIP; empty: none
    QString internalIp; // networkInterfaces[0].networkIP

    // The OS Login profile, read only when OS Login is on.
    bool profileRead = false;
    QString profileError;
    QList<GcloudPosixAccount> posixAccounts;
    QStringList profileKeys; // "type base64" of each SSH key in the profile

    // The active account; asked only when the local user name is one gcloud does not use.
    QString account;

    bool ok() const { return status == Status::Ok; }
};

// The user name `gcloud compute ssh` logs in as when the command names none and OS Login is off,
// exactly as gcloud finds it: Python's getpass.getuser() (LOGNAME, USER, LNAME, USERNAME, the
// first one set, else the password database's `passwdName`), kept as it is (no lower-casing).
// When that name is one gcloud refuses (non-ASCII, or a space), the account's name instead (see
// gcloudAccountUserName); empty when that is needed but `account` is not known.
QString gcloudLocalUserName(const QProcessEnvironment &env, const QString &passwdName,
                            const QString &account = {});
// The name getpass.getuser() gives, before gcloud's check.
QString gcloudLocalLoginName(const QProcessEnvironment &env, const QString &passwdName);
bool gcloudUsableUserName(const QString &name);
// gcloud's mapping of an account e-mail to a user name: the part before '@', lower-cased, every
// character other than a-z and 0-9 as '_', a 'g' in front unless it starts with a letter, at most
// 32 characters. "Jane.Doe@example.com" gives "jane_doe".
QString gcloudAccountUserName(const QString &account);
// This process's values for the two functions above.
QString passwdUserName();

// Asks gcloud, asynchronously and within a deadline, what the login through a pasted
// `gcloud compute ssh` depends on:
//   gcloud compute instances describe INSTANCE --zone Z [--project P] --format=json
//   gcloud compute project-info describe [--project P] --format=json   (instance metadata silent)
//   gcloud compute os-login describe-profile [--project P] --format=json  (OS Login on)
//   gcloud config get-value account                      (local user name unusable for gcloud)
// one after the other, each with the command's --account/--configuration flags, prompts off.
// finished() comes once, always after start() returned.
class GcloudLookupJob : public QObject
{
    Q_OBJECT
public:
    explicit GcloudLookupJob(const gs::GcloudSshCommand &command, QObject *parent = nullptr);
    ~GcloudLookupJob() override;

    void setTimeout(int ms); // the whole lookup; default 45 s
    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    GcloudFacts facts() const { return m_facts; }

Q_SIGNALS:
    void progress(const QString &text);
    void finished(const gs::remote::GcloudFacts &facts);

private:
    using Then = std::function<void(bool ok, const QByteArray &out, const QString &error)>;
    void run(const QStringList &arguments, Then then);
    void describeInstance();
    void describeProject();
    void describeProfile();
    void readAccount();
    void finish(GcloudFacts::Status status, const QString &error = {});
    void stopProcess();

    gs::GcloudSshCommand m_command;
    GcloudFacts m_facts;
    QString m_program;
    QPointer<QProcess> m_process;
    QTimer *m_deadline;
    int m_timeoutMs = 45000;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace gs::remote

Q_DECLARE_METATYPE(gs::remote::GcloudFacts)
