#include "LogDiagnosis.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace gs::steps::LogDiagnosis {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LogDiagnosis", text);
}

struct Pattern
{
    const char *code;
    QRegularExpression expression;
    const char *meaning;
    bool fatal;
};

QList<LogFinding> match(const QString &log, const QList<Pattern> &patterns)
{
    QList<LogFinding> findings;
    QSet<QString> seen;
    const QStringList lines = log.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        for (const Pattern &pattern : patterns) {
            const QString code = QLatin1String(pattern.code);
            if (seen.contains(code) || !pattern.expression.match(line).hasMatch())
                continue;
            seen.insert(code);
            findings.append({code, line.trimmed(), tr(pattern.meaning), pattern.fatal});
        }
    }
    return findings;
}

QRegularExpression re(const char *pattern)
{
    return QRegularExpression(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption);
}

} // namespace

QList<LogFinding> delegateFindings(const QString &log)
{
    static const QList<Pattern> patterns = {
        {"delegate.invalid-token", re("Delegate used invalid token"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The manager rejected the delegate token: it is not a valid token of "
                           "this account. Copy the token again from Account Settings → Delegates "
                           "→ Tokens (keep the trailing \"=\") and use an account-level token."),
         true},
        {"delegate.revoked-token", re("Delegate used revoked token"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate token was revoked; the delegate is frozen. Create or "
                           "pick an active token under Account Settings → Delegates → Tokens."),
         true},
        {"delegate.expired-token", re("Delegate used expired token"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate token has expired; the delegate is frozen. Create a new "
                           "token under Account Settings → Delegates → Tokens."),
         true},
        {"delegate.account-not-found", re("Account ID: .* not found"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The manager does not know this account id: either the ACCOUNT_ID is "
                           "wrong or MANAGER_HOST_AND_PORT points at another Harness cluster. "
                           "Check both on the Account Overview page."),
         true},
        {"delegate.connectivity", re("Connectivity test failed"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate cannot reach the Harness manager (network, DNS or "
                           "proxy). The VM needs outbound HTTPS to the manager URL."),
         true},
        {"delegate.register-error", re("Unknown error occurred while registering Delegate"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "Registering with the manager failed (network, TLS or proxy); the "
                           "delegate retries every minute. Check outbound HTTPS and the proxy "
                           "settings."),
         false},
        {"delegate.register-rejected", re("Error occurred while registering delegate with manager"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The manager rejected the registration or answered nothing; the "
                           "delegate retries every minute. Check the account id, the token and "
                           "the cluster URL."),
         false},
        {"delegate.websocket",
         re("Exception on websocket|Event:CLOSE, trying to reconnect|Connection was terminated "
            "forcefully"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The WebSocket to the manager is blocked or dropped (usually a proxy "
                           "or firewall). Allow WSS to the manager, or set POLL_FOR_TASKS=true."),
         false},
        {"delegate.runner-unreachable", re("Failed to connect to /"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate cannot reach the VM runner. Both containers must be on "
                           "the \"harness\" network, the runner must be named vm-runner and be "
                           "running, and RUNNER_URL must be http://vm-runner:3000/."),
         false},
        {"delegate.permissions",
         re("Missing required write permissions|Error while executing initialization script"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate could not prepare its working directory or its init "
                           "script failed; it will not start."),
         true},
        {"delegate.resources", re("resource reached threshold"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The delegate is short of memory or CPU and rejects tasks. Raise "
                           "--memory/--cpus or use a larger VM."),
         false},
    };
    return match(log, patterns);
}

QList<LogFinding> runnerFindings(const QString &log)
{
    static const QList<Pattern> patterns = {
        {"runner.pool-unreadable", re("Unable to load pool file"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The runner cannot read its pool file at the path given with --pool. "
                           "The file must be in the runner directory, which is mounted at "
                           "/runner."),
         true},
        {"runner.credentials",
         re("unable to process pool file.*(credential|json_path|no such file)|could not find "
            "default credentials"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The runner cannot read the service-account key: json_path must be "
                           "a path inside the container, such as /runner/<key>.json, and the key "
                           "file must be there."),
         true},
        {"runner.pool-invalid", re("unable to process pool file|unable to create pool"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The runner rejected the pool file; the log line says which entry. "
                           "Fix pool.yaml and run again."),
         true},
        {"runner.exec-format", re("exec format error"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "The runner image does not match this VM's CPU (amd64 image on an "
                           "arm64 VM). Use an x86 machine type, or drop --platform linux/amd64 "
                           "so Docker picks the arm64 image."),
         true},
        {"runner.port-busy", re("address already in use"),
         QT_TRANSLATE_NOOP("LogDiagnosis",
                           "Port 3000 is taken by another program on the VM. Stop it or free "
                           "the port, then run again."),
         true},
        {"runner.fatal", re("level=fatal"),
         QT_TRANSLATE_NOOP("LogDiagnosis", "The runner stopped with a fatal error (see the line)."),
         true},
    };
    QList<LogFinding> findings = match(log, patterns);
    // The specific explanation wins over the generic ones for the same line.
    QSet<QString> specificLines;
    for (const LogFinding &finding : findings)
        if (finding.code != QLatin1String("runner.fatal") &&
            finding.code != QLatin1String("runner.pool-invalid"))
            specificLines.insert(finding.line);
    findings.removeIf([&](const LogFinding &finding) {
        return (finding.code == QLatin1String("runner.fatal") ||
                finding.code == QLatin1String("runner.pool-invalid")) &&
               specificLines.contains(finding.line);
    });
    return findings;
}

bool delegateRegistered(const QString &log, QString *delegateId)
{
    static const QRegularExpression registered(
        QStringLiteral("Delegate registered with id (\\S+)"));
    const QRegularExpressionMatch m = registered.match(log);
    if (m.hasMatch() && delegateId)
        *delegateId = m.captured(1);
    return m.hasMatch();
}

QStringList tail(const QString &log, int count)
{
    QStringList lines = log.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines;
}

} // namespace gs::steps::LogDiagnosis
