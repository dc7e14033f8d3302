#pragma once

#include <QString>

namespace gs {

// The outcome of an operation that can fail with a message a user can act on.
struct Result
{
    bool ok = true;
    QString message; // translated, says what is wrong and what to do

    static Result success() { return {}; }
    static Result failure(const QString &why) { return {false, why}; }
    explicit operator bool() const { return ok; }
};

} // namespace gs
