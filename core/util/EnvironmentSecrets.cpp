#include "EnvironmentSecrets.h"

#include <QByteArrayView>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

namespace gs::EnvironmentSecrets {

namespace {

struct Store
{
    bool taken = false;
    std::map<std::string, Secret> values;
};

Store &store()
{
    static Store instance; // destroyed at exit: Secret wipes itself
    return instance;
}

QByteArrayView trimmed(QByteArrayView value)
{
    while (!value.isEmpty() && std::isspace(static_cast<unsigned char>(value.front())))
        value = value.sliced(1);
    while (!value.isEmpty() && std::isspace(static_cast<unsigned char>(value.back())))
        value.chop(1);
    return value;
}

void takeOne(const char *name)
{
    char *value = std::getenv(name);
    if (!value)
        return;
    const size_t length = std::strlen(value);
    store().values[name] = Secret::fromBytes(trimmed(QByteArrayView(value, qsizetype(length))));
    // The string stays in memory after unsetenv (the initial environment, or setenv's copy):
    // zero it first.
    wipeMemory(value, length);
    ::unsetenv(name);
}

} // namespace

void takeAll()
{
    Store &s = store();
    if (s.taken)
        return;
    s.taken = true;
    takeOne(DelegateToken);
    takeOne(HarnessApiKey);
}

Secret take(const char *name)
{
    takeAll();
    const auto it = store().values.find(name);
    if (it == store().values.end())
        return {};
    Secret value = std::move(it->second);
    store().values.erase(it);
    return value;
}

} // namespace gs::EnvironmentSecrets
