// bench_pool: how much the pool validator costs over parsing alone, and how fast the editor
// answers while typing in a big file. Prints figures, asserts nothing.
//
//   bench_pool [--rounds N] [--instances N] [--write FILE]
#include "pool/PoolValidator.h"
#include "pooleditor/PoolCodeEditor.h"
#include "pooleditor/PoolEditorWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTextStream>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <vector>

namespace {

class MemoryBuffer : public std::streambuf
{
public:
    explicit MemoryBuffer(const QByteArray &data)
    {
        char *begin = const_cast<char *>(data.constData());
        setg(begin, begin, begin + data.size());
    }
};

// A Terraform-shaped pool file: one google pool per region/zone, quoted sorted keys.
QByteArray generate(int instances)
{
    QByteArray out = "\"instances\":\n";
    for (int i = 0; i < instances; ++i) {
        const QByteArray n = QByteArray::number(i);
        out +=
            "- \"limit\": 1000\n"
            "  \"name\": \"gitspaces-pool-" +
            n +
            "\"\n"
            "  \"platform\":\n"
            "    \"arch\": \"amd64\"\n"
            "    \"os\": \"linux\"\n"
            "  \"pool\": " +
            QByteArray::number(i % 3) +
            "\n"
            "  \"spec\":\n"
            "    \"account\":\n"
            "      \"json_path\": \"/runner/service-account-key.json\"\n"
            "      \"no_service_account\": true\n"
            "      \"project_id\": \"my-gitspaces-project\"\n"
            "    \"disk\":\n"
            "      \"size\": 100\n"
            "      \"type\": \"pd-balanced\"\n"
            "    \"image\": \"projects/my-gitspaces-project/global/images/gitspaces-ubuntu-2204-v" +
            n +
            "\"\n"
            "    \"machine_type\": \"e2-standard-4\"\n"
            "    \"private_ip\": true\n"
            "    \"tags\": [\"gitspaces\"]\n"
            "    \"zone\": [\"us-west1-a\", \"us-west1-b\"]\n"
            "  \"type\": \"google\"\n";
    }
    out += "\"timestamp\": \"2025-06-02T00:00:00Z\"\n\"version\": \"1\"\n";
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double ms(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int rounds = 15;
    int instances = 2000;
    QString writeTo;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--instances"))
            instances = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--write"))
            writeTo = args.at(i + 1);
    }
    QTextStream out(stdout);
    const QByteArray text = generate(instances);
    if (!writeTo.isEmpty()) {
        QFile f(writeTo);
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
    }
    out << "pool file: " << instances << " instances, " << text.size() << " bytes ("
        << QString::number(static_cast<double>(text.size()) / 1048576.0, 'f', 2) << " MiB)\n";

    // Side by side, interleaved, same bytes, same istream-over-memory input.
    std::vector<double> load, validate;
    int diagnostics = 0;
    for (int r = 0; r < rounds + 2; ++r) {
        QElapsedTimer t;
        MemoryBuffer buffer(text);
        std::istream in(&buffer);
        t.start();
        const YAML::Node node = YAML::Load(in);
        const double loadMs = ms(t);
        if (!node.IsMap())
            return 1;
        t.start();
        const gs::pool::PoolReport report = gs::pool::validatePool(text);
        const double validateMs = ms(t);
        diagnostics = static_cast<int>(report.diagnostics.size());
        if (r >= 2) { // two warm-up rounds
            load.push_back(loadMs);
            validate.push_back(validateMs);
        }
    }
    const double l = median(load), v = median(validate);
    out << "rounds: " << rounds << " (median)\n";
    out << "  yaml-cpp YAML::Load      " << QString::number(l, 'f', 1) << " ms\n";
    out << "  gs::pool::validatePool   " << QString::number(v, 'f', 1) << " ms  (" << diagnostics
        << " findings)\n";
    out << "  ratio validate / load    " << QString::number(v / l, 'f', 2)
        << "x  (target <= 1.50x)\n";

    // The editor: load, then the latency from an edit to the new report on screen.
    gs::PoolEditorWidget editor;
    editor.resize(1200, 900);
    editor.show();
    QElapsedTimer t;
    t.start();
    editor.setText(QString::fromUtf8(text));
    out << "editor: setText + first validation + highlighting " << QString::number(ms(t), 'f', 1)
        << " ms\n";
    editor.setDebounceInterval(0);
    std::vector<double> latency, sync;
    bool changed = false;
    QObject::connect(&editor, &gs::PoolEditorWidget::reportChanged, [&changed] { changed = true; });
    for (int r = 0; r < std::max(3, rounds / 3); ++r) {
        QTextCursor cursor(editor.editor()->document());
        cursor.movePosition(QTextCursor::End);
        changed = false;
        t.start();
        cursor.insertText(r % 2 ? QStringLiteral("#\n") : QStringLiteral("# edit\n"));
        while (!changed)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        latency.push_back(ms(t));
        t.start();
        editor.validateNow();
        sync.push_back(ms(t));
    }
    out << "editor: edit -> report shown (debounce 0, worker thread) "
        << QString::number(median(latency), 'f', 1) << " ms median\n";
    out << "editor: validateNow() on the GUI thread                  "
        << QString::number(median(sync), 'f', 1) << " ms median\n";
    out << "        (typing is never blocked by the worker; the default debounce adds 300 ms)\n";

    // Hostile input: each answered with a diagnostic; time to answer.
    struct Case
    {
        const char *name;
        QByteArray text;
    };
    QByteArray bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n";
    for (char c = 'b'; c <= 'j'; ++c)
        bomb += QByteArray(1, c) + ": &" + c + " [" + QByteArray("*") + char(c - 1) + ",*" +
                char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" +
                char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + "]\n";
    bomb += "instances:\n- {name: a, type: google, spec: {tags: *j}}\n";
    QByteArray big = generate(3600);   // just under the 2 MiB limit
    QByteArray huge = generate(16000); // 8 MiB
    QByteArray binary(1024 * 1024, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>((i * 7919) & 0xFF);
    const Case cases[] = {
        {"nesting 100k deep", QByteArray(100000, '[')},
        {"billion laughs", bomb},
        {"1.9 MiB valid file", big},
        {"8 MiB file", huge},
        {"1 MiB binary", binary},
        {"invalid UTF-8 at the end of 1 MiB", text + "\xC3\x28"},
    };
    out << "hostile input:\n";
    for (const Case &c : cases) {
        t.start();
        const gs::pool::PoolReport r = gs::pool::validatePool(c.text);
        out << "  " << QString::fromLatin1(c.name).leftJustified(36)
            << QString::number(ms(t), 'f', 1) << " ms  "
            << (r.diagnostics.isEmpty() ? QStringLiteral("-") : r.diagnostics.first().code) << '\n';
    }
    return 0;
}
