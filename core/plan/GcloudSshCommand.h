#pragma once

#include <QString>
#include <QStringList>

namespace gs {

// The "SSH → View gcloud command" text from the Cloud Console, understood:
//   gcloud compute ssh --zone "us-west1-a" "gs-runner-vm" --tunnel-through-iap --project "my-proj"
struct GcloudSshCommand
{
    QString instance;
    QString user; // from "user@instance", often empty
    QString zone;
    QString project;
    bool tunnelThroughIap = false;
    bool internalIp = false; // --internal-ip: the VM's address inside the VPC, not the external one
    QString sshKeyFile;      // --ssh-key-file; empty: gcloud's ~/.ssh/google_compute_engine
    int port = 22;           // from --ssh-flag="-p N", as gcloud passes it on to ssh
    QStringList otherFlags;  // flags we keep but do not interpret ("--flag=value" for values)

    // Parses `text`; on failure returns false and sets `error` to a message the user can act on.
    static bool parse(const QString &text, GcloudSshCommand *out, QString *error);
    // The canonical command line, quoted for a shell.
    QString toCommandLine() const;
    // The flags that choose gcloud's account or configuration (--account, --configuration,
    // --impersonate-service-account): every gcloud call made for this command carries them.
    QStringList accountFlags() const;
    // The proxy command that opens the IAP tunnel for libssh/OpenSSH (stdin/stdout bridge), to
    // `remotePort` (-1: the command's port).
    QString iapProxyCommand(int remotePort = -1) const;

private:
    // parse()'s parts. "gcloud [beta|alpha] compute ssh" at `i`, stepped over.
    static bool skipCommandName(const QStringList &words, qsizetype *i, QString *error);
    // The word at `i` (with its value, which advances `i`) into this command.
    bool takeWord(const QStringList &words, qsizetype &i, QString *error);
    bool takeFlag(const QString &flag, const QString &value, QString *error);
    bool takeInstance(const QString &word, QString *error); // "instance" or "user@instance"
    bool checkComplete(QString *error) const; // instance and zone given, no clashing routes
};

} // namespace gs
