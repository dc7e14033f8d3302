#include "Translate.h"

#include <QCoreApplication>

namespace gs {

QString translateIn(std::initializer_list<const char *> contexts, const char *text)
{
    const QString source = QString::fromUtf8(text);
    for (const char *context : contexts) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != source)
            return translated;
    }
    return source;
}

} // namespace gs
