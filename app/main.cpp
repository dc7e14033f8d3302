// gitspaces-setup: the command line, or the wizard. Nothing else lives here.
#include "cli/Cli.h"
#include "util/EnvironmentSecrets.h"

#include "SetupWizard.h"
#include "util/Catalogues.h"

#include <QApplication>
#include <QLocale>
#include <QLoggingCategory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("gitspaces-setup"));
    QCoreApplication::setApplicationName(QStringLiteral("gitspaces-setup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GS_VERSION));
}

bool wantsCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return !first.startsWith(QLatin1Char('-')) || first == QLatin1String("--help") ||
           first == QLatin1String("-h") || first == QLatin1String("--version") ||
           first == QLatin1String("-v");
}

} // namespace

int main(int argc, char **argv)
{
    // Before any thread or child: the token and API key leave the environment at once.
    gs::EnvironmentSecrets::takeAll();
    setIdentity();
    if (wantsCommandLine(argc, argv)) {
        // The command line says what matters itself; the areas' info lines would only repeat
        // it on stderr. Warnings stay, and QT_LOGGING_RULES turns anything back on.
        QLoggingCategory::setFilterRules(QStringLiteral("gs.*.info=false"));
        QCoreApplication app(argc, argv);
        gs::installCatalogues(&app, QLocale(), QStringLiteral(":/i18n"));
        int exitCode = gs::cli::UsageError;
        gs::cli::dispatch(QCoreApplication::arguments(), &exitCode);
        return exitCode;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral(GS_DISPLAY_NAME));
    QApplication::setDesktopFileName(QStringLiteral("gitspaces-setup"));
    gs::installCatalogues(&app, QLocale(), QStringLiteral(":/i18n"));

    gs::SetupWizard wizard;
    wizard.show();
    return app.exec();
}
