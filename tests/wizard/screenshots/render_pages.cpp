// Renders every page of the real SetupWizard, offscreen, into PNG files for people to look at:
//   OUTDIR/<lang>/<size>/<NN>-<page>-<state>.png
// Languages: en, de (the app's catalogue and Qt's, loaded as app/main.cpp loads them). Sizes:
// 1280x800 (README/AppStream), "default" (the wizard's size after show) and "minimum" (the
// smallest the window can be made on each page: its minimumSize()). Input is typed into the real
// widgets as a user would; the environment (HOME, settings, keychain, pool files) is a temporary
// one of our own.
//
//   render_pages [--lang en|de|all] [--size 1280x800|default|minimum|all] [--check] [--no-sshd]
//                OUTDIR
//   render_pages --selftest     # en, default size, no sshd, into a temporary directory, checked
//
// Prints one line per file written: "<path> <width>x<height>", and on stderr where a page gets
// less room than its layout's minimum size hint ("squeezed: ..."). --check exits non-zero when a
// file is missing or blank. As root, a throwaway sshd (tests/support/TestSshd) gives the Connect
// page its real host-key question (--no-sshd: without those states).

#include "../WizardTestUtil.h"
#include "PageWalk.h"
#include "TestSshd.h"

#include "pages/SetupPage.h"

#include "secrets/MemorySecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTranslator>
#include <QTreeWidget>

#include <cstdio>
#include <memory>

using namespace gs;
using namespace gs::test;

namespace {

enum class SizeMode { Fixed, Default, Minimum };

struct SizeSpec
{
    QString label;
    SizeMode mode;
    QSize size; // Fixed only
};

class Renderer
{
public:
    Renderer(QString outDir, const PageWalkFixtures &fixtures, TestSshd *sshd)
        : m_outDir(std::move(outDir))
        , m_fixtures(fixtures)
        , m_sshd(sshd)
    {}

    bool render(const QString &lang, const SizeSpec &size);
    QStringList written() const { return m_written; }
    int attempted() const { return m_attempted; }

private:
    void applySize();
    void shot(int page, const QString &state);

    QString m_outDir;
    const PageWalkFixtures &m_fixtures;
    TestSshd *m_sshd;
    QString m_dir;
    SizeSpec m_size;
    QSize m_defaultSize;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<SetupWizard> m_wizard;
    QStringList m_written;
    int m_attempted = 0;
    bool m_ok = true;
};

void Renderer::applySize()
{
    SetupWizard *w = m_wizard.get();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    switch (m_size.mode) {
    case SizeMode::Fixed:
        w->resize(m_size.size);
        break;
    case SizeMode::Default:
        w->resize(m_defaultSize);
        break;
    case SizeMode::Minimum:
        w->resize(w->minimumSizeHint().expandedTo(w->minimumSize()));
        break;
    }
    // Layouts settle over a few turns of the event loop (word-wrapped labels ask twice).
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

void Renderer::shot(int page, const QString &state)
{
    ++m_attempted;
    applySize();
    const QString name =
        QStringLiteral("%1-%2-%3.png")
            .arg(page + 1, 2, 10, QLatin1Char('0'))
            .arg(m_wizard->currentPage()->objectName().remove(QStringLiteral("Page")), state);
    const QString path = m_dir + QLatin1Char('/') + name;
    const QPixmap pixmap = m_wizard->grab();
    if (m_wizard->currentId() != page || !pixmap.save(path, "PNG")) {
        qWarning("could not render %s", qPrintable(path));
        m_ok = false;
        return;
    }
    m_written << path;
    QTextStream(stdout) << path << ' ' << pixmap.width() << 'x' << pixmap.height() << Qt::endl;
    // A window-modal question (the host key) is a window of its own: its own picture.
    for (QDialog *dialog : m_wizard->findChildren<QDialog *>()) {
        if (!dialog->isVisible())
            continue;
        const QString dialogPath = path.chopped(4) + QStringLiteral("-dialog.png");
        ++m_attempted;
        if (dialog->grab().save(dialogPath, "PNG")) {
            m_written << dialogPath;
            QTextStream(stdout) << dialogPath << ' ' << dialog->width() << 'x' << dialog->height()
                                << Qt::endl;
        }
    }
    // The wizard's minimum size is not always what the page needs: say where it squeezes.
    const QSize has = m_wizard->currentPage()->size();
    const QSize needs = m_wizard->currentPage()->minimumSizeHint();
    if (has.width() < needs.width() || has.height() < needs.height()) {
        QTextStream(stderr) << "squeezed: " << path << ": the page has " << has.width() << 'x'
                            << has.height() << ", its layout needs " << needs.width() << 'x'
                            << needs.height() << Qt::endl;
    }
}

bool Renderer::render(const QString &lang, const SizeSpec &size)
{
    m_size = size;
    m_dir = m_outDir + QLatin1Char('/') + lang + QLatin1Char('/') + size.label;
    if (!QDir().mkpath(m_dir)) {
        qWarning("cannot create %s", qPrintable(m_dir));
        return false;
    }
    m_ok = true;
    QSettings().clear();
    m_store = std::make_unique<MemorySecretStore>();
    m_wizard = std::make_unique<SetupWizard>(m_store.get());
    SetupWizard *w = m_wizard.get();
    w->show();
    if (!QTest::qWaitForWindowExposed(w))
        qWarning("wizard not exposed");
    m_defaultSize = w->size();
    const bool walked = walkPages(w, m_fixtures, m_sshd,
                                  [this](int page, const QString &state) { shot(page, state); });
    m_wizard.reset();
    m_store.reset();
    return walked && m_ok;
}

// Not blank: a rendered page has text, frames and buttons, hence many colours.
bool looksRendered(const QString &path)
{
    const QImage image(path);
    if (image.isNull() || image.width() < 200 || image.height() < 200)
        return false;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() <= 64; y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() > 16;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup"));
    QCoreApplication::setApplicationName(QStringLiteral("gitspaces-setup"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders every wizard page into PNG files."));
    parser.addHelpOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("en, de or all (default)."),
                                        QStringLiteral("lang"), QStringLiteral("all"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QStringLiteral("1280x800, default, minimum or all (default)."),
        QStringLiteral("size"), QStringLiteral("all"));
    const QCommandLineOption checkOption(QStringLiteral("check"),
                                         QStringLiteral("Fail when a file is missing or blank."));
    const QCommandLineOption selftestOption(
        QStringLiteral("selftest"),
        QStringLiteral("English, default size, into a temporary directory, checked."));
    const QCommandLineOption noSshdOption(
        QStringLiteral("no-sshd"),
        QStringLiteral("Skip the states that need a real sshd (started when running as root)."));
    parser.addOptions({langOption, sizeOption, checkOption, selftestOption, noSshdOption});
    parser.addPositionalArgument(QStringLiteral("OUTDIR"), QStringLiteral("Where to write."));
    parser.process(app);

    const bool selftest = parser.isSet(selftestOption);
    const bool check = selftest || parser.isSet(checkOption);
    QTemporaryDir selftestDir;
    QString outDir;
    if (selftest) {
        outDir = selftestDir.path();
    } else if (parser.positionalArguments().size() == 1) {
        outDir = QDir(parser.positionalArguments().constFirst()).absolutePath();
    } else {
        parser.showHelp(2);
    }

    QStringList langs{QStringLiteral("en"), QStringLiteral("de")};
    const QString lang = selftest ? QStringLiteral("en") : parser.value(langOption);
    if (lang != QLatin1String("all")) {
        if (!langs.contains(lang)) {
            std::fprintf(stderr, "unknown language %s\n", qPrintable(lang));
            return 2;
        }
        langs = {lang};
    }
    QList<SizeSpec> sizes{{QStringLiteral("1280x800"), SizeMode::Fixed, QSize(1280, 800)},
                          {QStringLiteral("default"), SizeMode::Default, {}},
                          {QStringLiteral("minimum"), SizeMode::Minimum, {}}};
    const QString size = selftest ? QStringLiteral("default") : parser.value(sizeOption);
    if (size != QLatin1String("all")) {
        QList<SizeSpec> chosen;
        for (const SizeSpec &spec : sizes) {
            if (spec.label == size)
                chosen << spec;
        }
        if (chosen.isEmpty()) {
            std::fprintf(stderr, "unknown size %s\n", qPrintable(size));
            return 2;
        }
        sizes = chosen;
    }

    // An environment of our own: HOME, settings, keychain, the pool files.
    const PageWalkFixtures fixtures;
    if (!fixtures.isValid())
        return 1;

    // A real sshd for the host-key question, where one can be started (root); not for the
    // smoke test.
    std::unique_ptr<TestSshd> sshd;
    if (!selftest && !parser.isSet(noSshdOption)) {
        QString error;
        sshd = startWalkSshd(&error);
        if (!sshd)
            std::fprintf(stderr, "no test sshd (%s): no host-key states\n", qPrintable(error));
    }

    Renderer renderer(outDir, fixtures, sshd.get());
    bool ok = true;
    for (const QString &l : std::as_const(langs)) {
        const PageWalkLanguage language(l);
        for (const SizeSpec &spec : std::as_const(sizes)) {
            if (!renderer.render(l, spec)) {
                qWarning("rendering %s/%s stopped early", qPrintable(l), qPrintable(spec.label));
                ok = false;
            }
        }
    }

    if (check) {
        // Every walk reaches the Summary page (render() fails otherwise) with 12 shots or more.
        const qsizetype expected = qsizetype(langs.size()) * sizes.size() * 12;
        if (renderer.written().size() != renderer.attempted() ||
            renderer.written().size() < expected) {
            qWarning("wrote %lld files of %d, expected at least %lld",
                     qlonglong(renderer.written().size()), renderer.attempted(),
                     qlonglong(expected));
            ok = false;
        }
        for (const QString &path : renderer.written()) {
            if (!looksRendered(path)) {
                qWarning("%s is blank or too small", qPrintable(path));
                ok = false;
            }
        }
    }
    return ok ? 0 : 1;
}
