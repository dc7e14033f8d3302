#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace gs {

class SecretStore;
class WizardModel;
struct SecretResult;

// Moves the delegate token and the account id between the model and the keychain: loads them at
// start (only when the user chose "remember" before), saves them when the user wants them
// remembered, forgets them on request. When no keychain is available it says so in words, turns
// "remember" off and writes nothing anywhere else.
class SecretsKeeper : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Busy, Ok, Unavailable, Failed };
    Q_ENUM(State)

    SecretsKeeper(SecretStore *store, WizardModel *model, QObject *parent = nullptr);

    void load();
    void save();   // only when the model says "remember"
    void forget(); // removes both entries

    State state() const { return m_state; }
    // What the Delegate page says when there is no keychain: words, never the D-Bus error.
    static QString unavailableMessage();
    QString message() const { return m_message; }

Q_SIGNALS:
    void stateChanged(gs::SecretsKeeper::State state, const QString &message);
    void loaded(); // after load(), whatever was found

private:
    void begin(int jobs);
    void jobDone(const SecretResult &result, const QString &doneMessage);
    void setState(State state, const QString &message);
    QString loadMessage() const;

    QPointer<SecretStore> m_store;
    WizardModel *m_model;
    State m_state = State::Idle;
    QString m_message;
    int m_pending = 0;
    int m_found = 0;
    bool m_failed = false;
    bool m_loading = false;
};

} // namespace gs
