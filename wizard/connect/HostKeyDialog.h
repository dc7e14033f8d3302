#pragma once

#include "remote/ConnectOptions.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace gs {

// The first-connection decision: trust this host key or not. A decision, so a window-modal
// dialog (opened with open(), never exec()): the SHA256 fingerprint large and monospaced exactly
// as `ssh-keygen -lf` prints it, the key type, and how to check it on the VM. Reject is the
// default button and Escape rejects: Enter alone never trusts a key.
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HostKeyDialog(QWidget *parent = nullptr);

    // `gcloudCommand`: the pasted `gcloud compute ssh …`, if any; the dialog then also shows
    // how to read the instance's published host keys.
    void setHostKey(const gs::remote::HostKeyInfo &key, const QString &gcloudCommand = {});

    QPushButton *trustButton() const { return m_trust; }
    QPushButton *rejectButton() const { return m_reject; }

private:
    QLabel *m_text;
    QLabel *m_type;
    QLabel *m_fingerprint;
    QLabel *m_keygenLine;
    QLabel *m_howToCheck;
    QPushButton *m_trust;
    QPushButton *m_reject;
};

} // namespace gs
