#pragma once

#include "TerraformFolder.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QProcess;
class QTimer;

namespace gs::terraform {

// Reads a Terraform folder the Harness Gitspaces module was applied in, asynchronously:
//   terraform show -json                  the runner VMs (never the .tfstate file itself)
//   terraform output -json                the instance_yaml output, when there is no pool.yaml
//   gcloud config get-value account       only when gcloud would not use the local user name
// then the key from the pool file's json_path (relative to the folder) or terraform.tfvars.
// Without terraform on PATH only the files are read, and `missing` says so. finished() comes
// once, always after start() returned.
class TerraformReadJob : public QObject
{
    Q_OBJECT
public:
    explicit TerraformReadJob(const QString &folder, QObject *parent = nullptr);
    ~TerraformReadJob() override;

    void setTimeout(int ms); // the whole read; default 60 s
    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    Findings findings() const { return m_findings; }

Q_SIGNALS:
    void progress(const QString &text);
    void finished(const gs::terraform::Findings &findings);

private:
    using Then = std::function<void(bool ok, const QByteArray &out, const QString &error)>;
    void run(const QString &program, const QStringList &arguments, Then then);
    void showState();
    void readPoolOutput();
    void findKey();
    void findUser();
    void fail(const QString &error);
    void finish();
    void stopProcess();

    Findings m_findings;
    QString m_terraform;
    QPointer<QProcess> m_process;
    QTimer *m_deadline;
    int m_timeoutMs = 60000;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace gs::terraform
