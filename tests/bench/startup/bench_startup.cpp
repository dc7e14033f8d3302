// Start-up benchmark: time from process start to the first painted page of the real wizard,
// against a bare QWizard program built beside it with the same flags. The two run alternately,
// several rounds, as separate processes; the medians and their ratio are printed.
// Target (shared/design.md): ratio <= 1.3.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

// Milliseconds until the child printed "painted", or -1.
double runOnce(const QString &program)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, {QStringLiteral("-platform"), QStringLiteral("offscreen")});
    double elapsed = -1;
    QByteArray out;
    while (process.waitForReadyRead(20000)) {
        out += process.readAllStandardOutput();
        if (out.contains("painted")) {
            elapsed = timer.nsecsElapsed() / 1e6;
            break;
        }
    }
    if (!process.waitForFinished(10000))
        process.kill();
    return elapsed;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 10;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--rounds")); i > 0 && i + 1 < args.size())
        rounds = std::max(1, args.at(i + 1).toInt());
    const QString dir = QCoreApplication::applicationDirPath();
    const QString bare = dir + QStringLiteral("/bench_startup_bare");
    const QString wizard = dir + QStringLiteral("/bench_startup_wizard");

    // One warm-up each: the first start pays for a cold page cache.
    if (runOnce(bare) < 0 || runOnce(wizard) < 0) {
        std::fprintf(stderr, "a program did not paint; run it by hand with -platform offscreen\n");
        return 1;
    }
    std::vector<double> bareTimes, wizardTimes;
    for (int round = 0; round < rounds; ++round) {
        // Alternate the order, so drift in machine load hits both alike.
        const bool bareFirst = round % 2 == 0;
        const double first = runOnce(bareFirst ? bare : wizard);
        const double second = runOnce(bareFirst ? wizard : bare);
        if (first < 0 || second < 0) {
            std::fprintf(stderr, "a program did not paint in round %d\n", round + 1);
            return 1;
        }
        bareTimes.push_back(bareFirst ? first : second);
        wizardTimes.push_back(bareFirst ? second : first);
        std::printf("round %2d: bare %7.1f ms  wizard %7.1f ms\n", round + 1, bareTimes.back(),
                    wizardTimes.back());
    }
    const double bareMedian = median(bareTimes);
    const double wizardMedian = median(wizardTimes);
    std::printf(
        "first page painted (median of %d): bare QWizard (same size) %.1f ms, gitspaces-setup "
        "wizard %.1f ms\n",
        rounds, bareMedian, wizardMedian);
    std::printf("ratio wizard/bare: %.2f (target <= 1.30)\n", wizardMedian / bareMedian);
    return 0;
}
