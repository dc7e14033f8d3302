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
    QStringList otherFlags; // flags we keep but do not interpret

    // Parses `text`; on failure returns false and sets `error` to a message the user can act on.
    static bool parse(const QString &text, GcloudSshCommand *out, QString *error);
    // The canonical command line, quoted for a shell.
    QString toCommandLine() const;
    // The proxy command that opens the IAP tunnel for libssh/OpenSSH (stdin/stdout bridge).
    QString iapProxyCommand(int remotePort = 22) const;
};

} // namespace gs
