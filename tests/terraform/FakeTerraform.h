#pragma once

// The stand-in terraform (data/terraform) first on PATH for as long as this object lives, and a
// Terraform folder as the Harness Gitspaces module leaves it (main.tf, terraform.tfvars,
// pool.yaml, the key), built piece by piece by each test.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace gs::test {

class FakeTerraform
{
public:
    FakeTerraform()
    {
        const QString program = m_programDir.filePath(QStringLiteral("terraform"));
        QFile::copy(QStringLiteral(GS_TESTS_DIR "/data/terraform"), program);
        QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(m_programDir.path()) + ':' + m_oldPath);
        qputenv("GS_FAKE_TERRAFORM_DIR", QFile::encodeName(m_programDir.path()));
        QDir().mkpath(folder());
    }
    ~FakeTerraform()
    {
        qputenv("PATH", m_oldPath);
        qunsetenv("GS_FAKE_TERRAFORM_DIR");
    }
    FakeTerraform(const FakeTerraform &) = delete;
    FakeTerraform &operator=(const FakeTerraform &) = delete;

    // Where terraform "ran": a folder with a space in its name, as users' folders have.
    QString folder() const { return m_work.filePath(QStringLiteral("gitspaces infra")); }
    QString inFolder(const QString &name) const { return QDir(folder()).filePath(name); }
    QString workPath(const QString &name) const { return m_work.filePath(name); }
    QString programDir() const { return m_programDir.path(); }

    // terraform's answers (see data/terraform).
    void answer(const QString &name, const QByteArray &content) const
    {
        write(m_programDir.filePath(name), content);
    }
    QByteArray calls() const { return read(m_programDir.filePath(QStringLiteral("calls"))); }

    static void write(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The module's folder after terraform apply: main.tf, terraform.tfvars naming `keyPath`,
    // and (with `withPoolFile`) the pool.yaml the null_resource wrote, json_path as given.
    void writeModuleFolder(const QString &keyPath, bool withPoolFile = true) const
    {
        write(inFolder(QStringLiteral("main.tf")),
              "module \"harness-gitspaces\" {\n  source = \"harness/harness-gitspaces/gcp\"\n"
              "  service_account_key_file = var.service_account_key_file\n}\n");
        write(inFolder(QStringLiteral("terraform.tfvars")),
              "# written by hand\nservice_account_key_file = \"" + keyPath.toUtf8() +
                  "\"\ninfra_config_yaml_file = \"infra-config.yaml\"\nmanage_dns_zone = "
                  "false\n");
        if (withPoolFile)
            write(inFolder(QStringLiteral("pool.yaml")), poolYaml(keyPath));
    }
    static QByteArray poolYaml(const QString &jsonPath)
    {
        return "version: \"1\"\ninstances:\n  - name: mygs-us-west1\n    type: google\n"
               "    pool: 0\n    limit: 1000\n    platform:\n      os: linux\n      arch: amd64\n"
               "    spec:\n      account:\n        project_id: my-proj\n"
               "        no_service_account: true\n        json_path: " +
               jsonPath.toUtf8() +
               "\n      image: projects/my-proj/global/images/gitspaces\n"
               "      network: projects/my-proj/global/networks/mygs-network\n"
               "      subnetwork: projects/my-proj/regions/us-west1/subnetworks/harnessdefault\n"
               "      private_ip: true\n      zone:\n        - us-west1-a\n";
    }
    // A service-account key as the Console downloads it (the private key is a stand-in).
    static QByteArray serviceAccountKey()
    {
        return R"({"type": "service_account", "project_id": "my-proj",
  "private_key_id": "0123abcd", "private_key": "-----BEGIN PRIVATE KEY-----\nSTANDIN\n-----END PRIVATE KEY-----\n",
  "client_email": "gitspaces@my-proj.iam.gserviceaccount.com", "client_id": "1234567890"})";
    }

    // `terraform show -json` for the module: the runner VM of each region in
    // `regions` inside module.harness-gitspaces.module.infra, next to a gateway instance and a
    // data source, as the real state has them.
    static QByteArray showJson(const QStringList &regions)
    {
        QStringList vms;
        for (const QString &region : regions)
            // (moc reads this file too: no \" inside the raw strings)
            vms << QStringLiteral(
                       R"({"address": "module.harness-gitspaces.module.infra.google_compute_instance.runner_vm[%2]",
  "mode": "managed", "type": "google_compute_instance", "name": "runner_vm", "index": %2,
  "provider_name": "registry.terraform.io/hashicorp/google", "schema_version": 6,
  "values": {"name": "mygs-%1-runner-vm", "zone": "%1-a", "project": "my-proj",
    "machine_type": "e2-standard-4", "tags": ["runner-vm"],
    "network_interface": [{"access_config": [], "network_ip": "10.0.0.7",
      "subnetwork": "projects/my-proj/regions/%1/subnetworks/harnessdefault"}]},
  "sensitive_values": {}})")
                       .arg(region, QString::number(vms.size()));
        const QString others = QStringLiteral(
            R"({"address": "module.harness-gitspaces.module.infra.google_compute_instance_template.gateway",
  "mode": "managed", "type": "google_compute_instance_template", "name": "gateway",
  "values": {"name": "mygs-gateway-runner-vm-template", "project": "my-proj"}},
 {"address": "module.harness-gitspaces.module.infra.data.google_compute_instance.lookup",
  "mode": "data", "type": "google_compute_instance", "name": "lookup",
  "values": {"name": "old-runner-vm", "zone": "us-east1-b", "project": "my-proj"}})");
        return QStringLiteral(
                   R"({"format_version": "1.0", "terraform_version": "1.5.7",
 "values": {"outputs": {"instance_yaml": {"sensitive": false, "value": "version: '1'\n", "type": "string"}},
  "root_module": {"resources": [{"address": "null_resource.pool_yaml", "mode": "managed",
     "type": "null_resource", "name": "pool_yaml", "values": {"id": "42"}}],
   "child_modules": [{"address": "module.harness-gitspaces", "resources": [],
     "child_modules": [{"address": "module.harness-gitspaces.module.infra",
       "resources": [%1%2%3]}]}]}}})")
            .arg(vms.join(QLatin1String(", ")), vms.isEmpty() ? QString() : QStringLiteral(", "),
                 others)
            .toUtf8();
    }

private:
    QTemporaryDir m_programDir;
    QTemporaryDir m_work;
    QByteArray m_oldPath;
};

} // namespace gs::test
