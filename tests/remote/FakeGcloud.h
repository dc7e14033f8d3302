#pragma once

// The stand-in gcloud (tests/remote/data/gcloud) first on PATH for as long as this object lives,
// answering from files in its own folder; see the script for what each file does.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace gs::test {

class FakeGcloud
{
public:
    // `sshdPort`: where start-iap-tunnel bridges to.
    explicit FakeGcloud(int sshdPort)
    {
        const QString program = m_dir.filePath(QStringLiteral("gcloud"));
        QFile::copy(QStringLiteral(GS_TESTS_DIR "/data/gcloud"), program);
        QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        answer(QStringLiteral("sshd-port"), QByteArray::number(sshdPort));
        m_oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(m_dir.path()) + ':' + m_oldPath);
        qputenv("GS_FAKE_GCLOUD_DIR", QFile::encodeName(m_dir.path()));
    }
    ~FakeGcloud()
    {
        qputenv("PATH", m_oldPath);
        qunsetenv("GS_FAKE_GCLOUD_DIR");
    }
    FakeGcloud(const FakeGcloud &) = delete;
    FakeGcloud &operator=(const FakeGcloud &) = delete;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    void answer(const QString &name, const QByteArray &content) const
    {
        QFile f(path(name));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
    }
    void remove(const QString &name) const { QFile::remove(path(name)); }
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QByteArray calls() const { return read(QStringLiteral("calls")); }

    // gcloud's JSON for an instance: OS Login in its metadata ("" leaves the key out), and its
    // external address ("" for none, as on Terraform's runner VM).
    static QByteArray instanceJson(const QString &enableOsLogin, const QString &natIp)
    {
        const QString metadata =
            enableOsLogin.isEmpty()
                ? QStringLiteral(
                      R"({"kind": "compute#metadata", "items": [{"key": "startup-script", "value": "true"}]})")
                : QStringLiteral(R"({"items": [{"key": "enable-oslogin", "value": "%1"}]})")
                      .arg(enableOsLogin);
        const QString access =
            natIp.isEmpty()
                ? QString()
                : QStringLiteral(
                      R"(, "accessConfigs": [{"name": "External NAT", "natIP": "%1", "type": "ONE_TO_ONE_NAT"}])")
                      .arg(natIp);
        return QStringLiteral(R"({"name": "gs-runner-vm", "id": "4242424242", "status": "RUNNING",
  "metadata": %1,
  "networkInterfaces": [{"name": "nic0", "networkIP": "10.0.0.7"%2}]})")
            .arg(metadata, access)
            .toUtf8();
    }
    static QByteArray projectJson(const QString &enableOsLogin)
    {
        return QStringLiteral(
                   R"({"name": "my-proj", "commonInstanceMetadata": {"items": [{"key": "enable-oslogin", "value": "%1"}]}})")
            .arg(enableOsLogin)
            .toUtf8();
    }
    // An OS Login profile with `primary` as the primary POSIX user of my-proj, `other` a second
    // one, and `publicKey` ("type base64 comment") registered.
    static QByteArray profileJson(const QString &primary, const QString &other = {},
                                  const QByteArray &publicKey = {})
    {
        QString accounts =
            QStringLiteral(
                R"({"accountId": "my-proj", "primary": true, "uid": "1001", "username": "%1"})")
                .arg(primary);
        if (!other.isEmpty())
            accounts +=
                QStringLiteral(R"(, {"accountId": "my-proj", "uid": "1002", "username": "%1"})")
                    .arg(other);
        const QString keys =
            publicKey.isEmpty()
                ? QString()
                : QStringLiteral(
                      R"(, "sshPublicKeys": {"ab12": {"fingerprint": "ab12", "key": "%1"}})")
                      .arg(QString::fromUtf8(publicKey.trimmed()));
        return QStringLiteral(R"({"name": "jane@example.com", "posixAccounts": [%1]%2})")
            .arg(accounts, keys)
            .toUtf8();
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_oldPath;
};

} // namespace gs::test
