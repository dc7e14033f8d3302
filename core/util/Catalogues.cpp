#include "Catalogues.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace gs {

void installCatalogues(QObject *owner, const QLocale &locale, const QString &dir)
{
    const QString name = QStringLiteral("gitspaces-setup");
    auto *own = new QTranslator(owner);
    if (own->load(locale, name, QStringLiteral("_"), dir) ||
        own->load(name + QStringLiteral("_en"), dir))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(owner);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace gs
