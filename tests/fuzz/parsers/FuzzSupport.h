#pragma once

// What the parser fuzzers share: a scratch folder for the parsers that only read files.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <cstdlib>
#include <unistd.h>

namespace gs::fuzz {

// A folder of this process's own, made once and removed at exit (how libFuzzer ends a run);
// $HOME points at it so "~" and ssh_config's relative Includes stay inside. The path is never
// destroyed, so the exit handler can still read it.
inline const QString &scratchDir()
{
    static const QString *const dir = [] {
        // tmpfs when there is one: the key replacement's QSaveFile syncs to disk, which on a
        // real disk costs more than the parsing.
        const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm")
                                 : QDir::tempPath();
        QByteArray templ = base.toLocal8Bit() + "/gs-fuzz-XXXXXX";
        if (!mkdtemp(templ.data()))
            std::abort();
        const QString path = QString::fromLocal8Bit(templ);
        std::atexit([] { QDir(scratchDir()).removeRecursively(); });
        setenv("HOME", templ.constData(), 1);
        QDir(path).mkpath(QStringLiteral(".ssh"));
        return new QString(path);
    }();
    return *dir;
}

inline void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        std::abort();
}

} // namespace gs::fuzz
