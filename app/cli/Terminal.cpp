#include "Terminal.h"

#include "util/Translate.h"

#include "remote/VmConnection.h"

#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace gs::cli::Terminal {

namespace {

QString tr(const char *text)
{
    return translateIn({"gs::cli::EngineCommand", "gs::cli"}, text);
}

} // namespace

bool isInteractive()
{
    return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
}

QByteArray readLine(bool echo)
{
    termios saved{};
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    if (tty && !echo && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty && !echo) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    QByteArray value = QByteArray::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    while (value.endsWith('\r'))
        value.chop(1);
    return value;
}

Secret readSecretLine(bool trim)
{
    QByteArray line = readLine(false);
    const QByteArrayView view = trim ? QByteArrayView(line).trimmed() : QByteArrayView(line);
    Secret secret = Secret::fromBytes(view);
    wipe(line);
    return secret;
}

bool confirm(QTextStream &err, const QString &question)
{
    if (::isatty(STDIN_FILENO) != 1)
        return false;
    err << question << ' ' << tr("[y/N] ") << Qt::flush;
    const QByteArray answer = readLine(true).trimmed().toLower();
    return answer == "y" || answer == "yes";
}

void answerQuestions(remote::VmConnection *connection, QTextStream &err)
{
    QObject::connect(connection, &remote::VmConnection::hostKeyQuestion, connection,
                     [connection, &err](const remote::HostKeyInfo &key) {
                         err << tr("The host key of %1 is not known:").arg(key.knownHostsName)
                             << '\n'
                             << "  " << key.sshKeygenLine() << '\n';
                         connection->answerHostKey(confirm(err, tr("Accept it and remember it?")));
                     });
    QObject::connect(connection, &remote::VmConnection::credentialQuestion, connection,
                     [connection, &err](const remote::CredentialRequest &request) {
                         if (::isatty(STDIN_FILENO) != 1) {
                             connection->declineCredential();
                             return;
                         }
                         err << request.prompt << ' ' << Qt::flush;
                         connection->provideCredential(readLine(request.echo));
                     });
}

} // namespace gs::cli::Terminal
