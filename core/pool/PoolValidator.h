#pragma once

#include "PoolDiagnostic.h"

namespace gs::pool {

struct ValidateOptions
{
    // The runner host folder mounted into the container at the same path (docker run -v
    // /runner:/runner): files the runner reads must be inside it.
    QString runnerDirectory = QStringLiteral("/runner");
};

// Limits that keep hostile input cheap: such a file gets one error instead of a parse.
constexpr qsizetype kMaxPoolFileBytes = 2 * 1024 * 1024;
constexpr int kMaxNestingDepth = 64;

// Checks a pool file (UTF-8 bytes, as on disk) the way drone-runner-aws reads it, plus what
// fails later on GCP. Never throws; fast enough to run on every keystroke of a normal file.
PoolReport validatePool(const QByteArray &text, const ValidateOptions &options = {});

} // namespace gs::pool
