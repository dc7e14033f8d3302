#include "Privileges.h"

#include <QCoreApplication>

namespace gs {

QString Privileges::describe() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("gs::Privileges", text);
    };
    if (!docker && !files && !system)
        return tr("No command needs sudo.");
    if (docker && files)
        return tr("Docker and the runner directory with sudo.");
    if (docker)
        return tr("Docker with sudo; the runner directory without.");
    if (files)
        return tr("Docker without sudo (docker group); the runner directory with sudo.");
    return tr("Docker and the runner directory without sudo.");
}

} // namespace gs
