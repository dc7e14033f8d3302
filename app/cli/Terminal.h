#pragma once

#include "util/Secret.h"

#include <QByteArray>
#include <QString>

class QTextStream;

namespace gs::remote {
class VmConnection;
}

// What the command line asks at the terminal: lines, secrets with echo off, yes/no, and the
// connection's host-key and credential questions.
namespace gs::cli::Terminal {

bool isInteractive(); // standard input and standard error are terminals
// One line from the terminal or a pipe; `echo` off for secrets typed at a terminal.
QByteArray readLine(bool echo);
// A secret line from stdin (echo off at a terminal), straight into a Secret; `trim`: without the
// white space around it.
Secret readSecretLine(bool trim);
// "question [y/N] " on `err`; true only for y/yes typed at a terminal.
bool confirm(QTextStream &err, const QString &question);
// The connection's questions, answered at the terminal: an unknown host key is shown with its
// fingerprint and accepted on "y"; credentials are read with echo off. Without a terminal a
// credential is declined (the next method is tried) and the host key refused.
void answerQuestions(remote::VmConnection *connection, QTextStream &err);

} // namespace gs::cli::Terminal
