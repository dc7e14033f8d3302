#pragma once

#include "FakeHarness.h"

#include <QMutex>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

namespace gs::test {

// Every message Qt and the project log while a test runs, to check the key never shows up.
class LogCapture
{
public:
    static void install() { s_previous = qInstallMessageHandler(&LogCapture::handler); }
    static QStringList lines()
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines.append(QString::fromLatin1(context.category ? context.category : "") +
                           QLatin1Char(' ') + text);
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QStringList s_lines;
};

// Waits for a job's typed finished() and returns its result.
template<typename Result, typename Job>
Result awaitResult(Job *job, int timeoutMs = 15000)
{
    QSignalSpy spy(job, &Job::finished);
    if (!spy.wait(timeoutMs)) {
        qWarning("job did not finish in time");
        return {};
    }
    return spy.at(0).at(0).template value<Result>();
}

} // namespace gs::test
