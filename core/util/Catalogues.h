#pragma once

#include <QLocale>
#include <QString>

class QObject;

namespace gs {

// Installs the translations for `locale`: the app's catalogue from `dir` (":/i18n" in the app,
// where lrelease's files are embedded) and Qt's own. A locale without a catalogue of its own
// gets the English one, which holds only plural forms ("1 error", "3 errors" for the source's
// "%n error(s)"). The translators are children of `owner`; deleting them uninstalls them.
void installCatalogues(QObject *owner, const QLocale &locale, const QString &dir);

} // namespace gs
