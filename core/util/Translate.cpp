#include "Translate.h"

#include <QCoreApplication>

namespace gs {

QString translateIn(std::initializer_list<const char *> contexts, const char *text, int n)
{
    // What translate() gives back when no catalogue has the text: the source, %n filled in.
    QString source = QString::fromUtf8(text);
    if (n >= 0)
        source.replace(QLatin1String("%n"), QString::number(n));
    for (const char *context : contexts) {
        const QString translated = QCoreApplication::translate(context, text, nullptr, n);
        if (translated != source)
            return translated;
    }
    return source;
}

} // namespace gs
