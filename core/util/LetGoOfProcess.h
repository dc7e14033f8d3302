#pragma once

class QObject;
class QProcess;

namespace gs {

// Stops a child process without waiting for it: `owner` stops hearing from it, it is killed and
// reaped by QProcess and deleted once gone. The application holds it meanwhile, so a job (or its
// owner) can go at once, and a process still being reaped at exit is deleted with the app.
void letGoOfProcess(QProcess *process, QObject *owner);

} // namespace gs
