#pragma once

// design.md: with CI=true a test that cannot get a real part (root, sudo, sshd, dockerd) fails;
// elsewhere it skips. Every test that needs one says so through GS_REQUIRE_REAL_PART.

#include <QByteArray>
#include <QTest>

namespace gs::test {

inline bool realPartsRequired()
{
    const QByteArray ci = qgetenv("CI").toLower();
    return ci == "true" || ci == "1";
}

} // namespace gs::test

#define GS_REQUIRE_REAL_PART(condition, what)                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            if (gs::test::realPartsRequired())                                                     \
                QFAIL(what " (CI=true: a missing real part is a failure)");                        \
            else                                                                                   \
                QSKIP(what);                                                                       \
        }                                                                                          \
    } while (false)
