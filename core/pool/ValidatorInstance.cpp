// One entry of `instances`: type, spec, name, platform, pool and limit as the runner reads them.
#include "PoolValidatorImpl.h"

#include <QRegularExpression>

#include <algorithm>
#include <span>

namespace gs::pool {

using namespace detail;

void Validator::checkInstance(int node, int index)
{
    Q_UNUSED(index)
    if (!checkInstanceKind(node))
        return;
    InstanceFacts pool;
    pool.node = node;
    // The driver first, so misplaced spec keys can be recognised.
    pool.typeNode = lookup(node, "type");
    pool.typeValue = stringValue(pool.typeNode);
    if (pool.typeValue) {
        pool.specShape = m_schema.driverSpec(*pool.typeValue);
        if (pool.specShape)
            pool.driver = *pool.typeValue;
    }
    const Path path{};
    checkMapping(node, m_schema.instance, path, pool.specShape);
    checkType(pool);
    checkSpec(pool);
    checkName(pool);
    resolvePlatform(pool);
    if (!pool.driver.empty())
        checkPlatform(node, pool.driver, pool.os, pool.arch);
    checkPoolAndLimit(pool);
    const int tenants = lookup(node, "tenants");
    if (tenants >= 0 && !pool.driver.empty())
        checkTenants(tenants, pool.driver, node);
    checkGoogleSpec(pool);
    checkGitspacesDriver(pool);
    addRow(pool);
}

// False (with an error) when the entry is not a mapping.
bool Validator::checkInstanceKind(int node)
{
    const YamlNode *n = resolved(node);
    if (n && n->kind == NodeKind::Mapping)
        return true;
    if (!n || n->kind == NodeKind::Null || typeOf(node) == ScalarType::Null) {
        reportAt(Severity::Error, "pool.instance.empty", node,
                 tr("This `instances` entry is empty; the runner stops at startup (no spec). "
                    "Remove the dash or fill in the pool."));
    } else {
        reportAt(Severity::Error, "pool.value.type", node,
                 tr("Each `instances` entry must be a mapping with name, type and spec; the "
                    "runner stops at startup."));
    }
    return false;
}

void Validator::checkType(InstanceFacts &pool)
{
    const int typeNode = pool.typeNode;
    if (isNullOrMissing(typeNode) || (pool.typeValue && pool.typeValue->empty())) {
        reportAt(Severity::Error, "pool.type.missing",
                 typeNode >= 0 && !isNullOrMissing(typeNode) ? typeNode : pool.node,
                 tr("This pool has no `type`; the runner stops at startup with \"unknown instance "
                    "type\". For Gitspaces on GCP add `type: google`."));
        return;
    }
    if (!pool.typeValue || pool.specShape)
        return;
    const std::string &t = *pool.typeValue;
    if (t == "gcp" || t == "aws") {
        const std::string right = t == "gcp" ? "google" : "amazon";
        Diagnostic &d = reportAt(
            Severity::Error, "pool.type.alias", typeNode,
            tr("`type: %1` parses but the runner then stops with \"unknown instance tip %1\". "
               "Write `type: %2`.")
                .arg(q(t), q(right)));
        d.fix = replaceFix(tr("Use %1").arg(q(right)), typeNode, styledScalar(typeNode, right));
        return;
    }
    checkUnknownType(typeNode, t);
}

void Validator::checkUnknownType(int typeNode, const std::string &type)
{
    std::vector<std::string_view> names;
    for (const Driver &dr : m_schema.drivers)
        names.emplace_back(dr.name);
    const std::string guess = suggestion(type, names);
    QString message = tr("Unknown pool type `%1`; the runner stops at startup. It knows "
                         "amazon, anka, ankabuild, azure, digitalocean, google, nomad, "
                         "noop and vmfusion (types are case-sensitive).")
                          .arg(q(type));
    if (!guess.empty())
        message += tr(" Did you mean `%1`?").arg(q(guess));
    Diagnostic &d = reportAt(Severity::Error, "pool.type.unknown", typeNode, message);
    if (!guess.empty())
        d.fix = replaceFix(tr("Use %1").arg(q(guess)), typeNode, styledScalar(typeNode, guess));
}

void Validator::checkSpec(InstanceFacts &pool)
{
    pool.spec = lookup(pool.node, "spec", &pool.specKey);
    if (pool.spec < 0) {
        reportAt(Severity::Error, "pool.spec.missing", pool.node,
                 tr("This pool has no `spec` key; the runner stops at startup with \"unexpected "
                    "end of JSON input\". Add `spec:` with the driver settings (`spec: {}` for "
                    "all defaults)."));
    } else if (pool.specShape) {
        const Path specPath{nullptr, "spec"};
        checkValue(pool.spec, *pool.specShape, specPath, pool.specKey);
    }
}

// name: the pool id, unique; on GCP also a label, disk device name and part of VM names.
void Validator::checkName(InstanceFacts &pool)
{
    const int nameNode = lookup(pool.node, "name");
    pool.name = stringValue(nameNode);
    const auto &name = pool.name;
    if (isNullOrMissing(nameNode) || (name && name->empty())) {
        reportAt(Severity::Error, "pool.name.missing",
                 nameNode >= 0 && !isNullOrMissing(nameNode) ? nameNode : pool.node,
                 tr("This pool has no `name`; the runner stops at startup with \"pool must have "
                    "a name\". Add a name such as `name: gitspaces-us-west1`."));
        return;
    }
    if (!name)
        return;
    const auto [it, inserted] = m_poolNames.emplace(*name, nameNode);
    if (!inserted) {
        reportAt(Severity::Error, "pool.name.duplicate", nameNode,
                 tr("Pool name `%1` is already used on line %2; the runner stops at startup "
                    "with \"pool already defined\". Give each pool its own name.")
                     .arg(q(*name))
                     .arg(lineOf(it->second)));
    }
    if (pool.driver == "google")
        checkGcpName(nameNode, *name);
}

namespace {

// The nearest name GCP accepts as a label and in VM names.
QString gcpSafeName(const QString &name)
{
    QString fixed = name.toLower();
    for (QChar &c : fixed) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('0') && c <= QLatin1Char('9'))))
            c = QLatin1Char('-');
    }
    while (fixed.contains(QLatin1String("--")))
        fixed.replace(QLatin1String("--"), QLatin1String("-"));
    if (fixed.isEmpty() || !fixed.at(0).isLetter())
        fixed.prepend(QLatin1String("pool-"));
    fixed = fixed.left(63);
    while (fixed.endsWith(QLatin1Char('-')))
        fixed.chop(1);
    return fixed;
}

} // namespace

void Validator::checkGcpName(int nameNode, const std::string &name)
{
    static const QRegularExpression gcpName(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
    const QString v = q(name);
    if (v.size() <= 63 && gcpName.match(v).hasMatch())
        return;
    const QString fixed = gcpSafeName(v);
    Diagnostic &d =
        reportAt(Severity::Error, "pool.name.gcp", nameNode,
                 tr("GCP refuses `%1` as a label and in VM names: use lowercase letters, digits "
                    "and hyphens, start with a letter, at most 63 characters. VM creation "
                    "fails otherwise.")
                     .arg(v));
    d.fix = replaceFix(tr("Rename to %1").arg(fixed), nameNode,
                       styledScalar(nameNode, fixed.toStdString()));
}

// platform, after the driver's defaults.
void Validator::resolvePlatform(InstanceFacts &pool)
{
    const std::string &driver = pool.driver;
    const int platform = lookup(pool.node, "platform");
    pool.os = stringValue(platform >= 0 ? lookup(platform, "os") : -1).value_or(std::string());
    pool.arch = stringValue(platform >= 0 ? lookup(platform, "arch") : -1).value_or(std::string());
    if (pool.os.empty()) {
        if (driver == "google" || driver == "amazon" || driver == "digitalocean")
            pool.os = "linux";
        else if (driver == "azure")
            pool.os = "windows";
        else if (driver == "anka" || driver == "ankabuild" || driver == "vmfusion")
            pool.os = "darwin";
    }
    if (pool.arch.empty() && !driver.empty() && driver != "noop" && driver != "nomad")
        pool.arch = "amd64";
}

namespace {

constexpr std::string_view kLinux[] = {"linux"};
constexpr std::string_view kDarwin[] = {"darwin"};
constexpr std::string_view kLinuxWindows[] = {"linux", "windows"};
constexpr std::string_view kLinuxWindowsDarwin[] = {"linux", "windows", "darwin"};
constexpr std::string_view kAmd64[] = {"amd64"};
constexpr std::string_view kAmd64Arm64[] = {"amd64", "arm64"};

// What each driver runs; an empty list is not checked. Azure's os is only a warning.
struct PlatformRule
{
    std::string_view driver;
    std::span<const std::string_view> os;
    std::span<const std::string_view> arch;
};
constexpr PlatformRule kPlatformRules[] = {
    {"google", kLinuxWindows, kAmd64Arm64},
    {"amazon", kLinuxWindowsDarwin, kAmd64Arm64},
    {"azure", {}, kAmd64Arm64},
    {"anka", kDarwin, kAmd64Arm64},
    {"ankabuild", kDarwin, {}},
    {"vmfusion", kDarwin, {}},
    {"digitalocean", kLinux, kAmd64},
};

bool accepts(std::span<const std::string_view> values, const std::string &value)
{
    return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

QString joined(std::span<const std::string_view> values)
{
    QStringList l;
    for (std::string_view v : values)
        l << q(v);
    return l.join(QLatin1String(", "));
}

} // namespace

void Validator::checkPlatform(int instance, const std::string &driver, const std::string &os,
                              const std::string &arch)
{
    const auto rule = std::find_if(std::begin(kPlatformRules), std::end(kPlatformRules),
                                   [&](const PlatformRule &r) { return r.driver == driver; });
    if (rule == std::end(kPlatformRules))
        return;
    const int platform = lookup(instance, "platform");
    const int osNode = platform >= 0 ? lookup(platform, "os") : -1;
    const int archNode = platform >= 0 ? lookup(platform, "arch") : -1;
    auto where = [&](int node) {
        return node >= 0 ? node : (platform >= 0 ? platform : instance);
    };
    if (driver == "azure" && os != "windows") {
        reportAt(Severity::Warning, "pool.platform.os", where(osNode),
                 tr("The azure driver runs Windows; `os: %1` is not checked by the runner but VMs "
                    "will be set up as Windows.")
                     .arg(q(os)));
    } else if (!accepts(rule->os, os)) {
        reportAt(Severity::Error, "pool.platform.os", where(osNode),
                 tr("The %1 driver does not run `os: %2`; it accepts %3. The runner stops at "
                    "startup.")
                     .arg(q(driver), q(os), joined(rule->os)));
    }
    if (!accepts(rule->arch, arch)) {
        reportAt(Severity::Error, "pool.platform.arch", where(archNode),
                 tr("The %1 driver does not run `arch: %2`; it accepts %3. The runner stops at "
                    "startup.")
                     .arg(q(driver), q(arch), joined(rule->arch)));
    }
    if (driver == "amazon" && os == "linux" && platform >= 0) {
        const int osName = lookup(platform, "os_name");
        const auto v = stringValue(osName);
        if (v && !v->empty() && *v != "ubuntu" && *v != "amazon-linux")
            reportAt(Severity::Error, "pool.platform.osName", where(osName),
                     tr("The amazon driver knows `os_name` ubuntu or amazon-linux, not `%1`.")
                         .arg(q(*v)));
    }
}

// pool and limit, normalised silently by the runner.
void Validator::checkPoolAndLimit(InstanceFacts &pool)
{
    const int poolNode = lookup(pool.node, "pool");
    const int limitNode = lookup(pool.node, "limit");
    pool.pool = intValue(poolNode).value_or(0);
    pool.limit = intValue(limitNode).value_or(0);
    if (pool.pool < 0) {
        Diagnostic &d =
            reportAt(Severity::Warning, "pool.pool.negative", poolNode,
                     tr("`pool: %1` is treated as 0 (no warm VMs). Write 0.").arg(pool.pool));
        d.fix = replaceFix(tr("Set pool to 0"), poolNode, "0");
        pool.pool = 0;
    }
    const bool limitIsInt = limitNode >= 0 && intValue(limitNode);
    if (limitIsInt && !isNullOrMissing(limitNode) && pool.limit <= 0) {
        reportAt(Severity::Note, "pool.limit.default", limitNode,
                 tr("`limit: %1` means the default, 100 VMs.").arg(pool.limit));
    }
    if (pool.limit <= 0)
        pool.limit = 100;
    if (pool.pool > pool.limit) {
        Diagnostic &d = reportAt(
            Severity::Warning, "pool.limit.raised", limitIsInt ? limitNode : poolNode,
            tr("`pool: %1` is more than `limit: %2`; the runner silently raises the limit to %1. "
               "Lower `pool` or raise `limit`.")
                .arg(pool.pool)
                .arg(pool.limit));
        if (limitIsInt)
            d.fix = replaceFix(tr("Set limit to %1").arg(pool.pool), limitNode,
                               std::to_string(pool.pool));
        pool.limit = pool.pool;
    }
}

void Validator::checkGoogleSpec(const InstanceFacts &pool)
{
    if (pool.driver != "google" || pool.spec < 0)
        return;
    const YamlNode *sn = resolved(pool.spec);
    if (sn && sn->kind == NodeKind::Mapping)
        checkGoogle(pool.node, pool.spec, pool.specKey, pool.os, pool.arch);
    else if (sn && (sn->kind == NodeKind::Null || typeOf(pool.spec) == ScalarType::Null))
        reportAt(Severity::Error, "pool.google.projectId",
                 pool.specKey >= 0 ? pool.specKey : pool.node,
                 tr("`spec` is empty: the google driver needs `account.project_id` and the "
                    "runner stops at startup without it."));
}

void Validator::checkGitspacesDriver(const InstanceFacts &pool)
{
    if (pool.driver.empty() || isGitspacesDriver(pool.driver))
        return;
    reportAt(Severity::Note, "pool.gitspaces.driver", pool.typeNode,
             tr("Gitspaces run only on google, amazon and nomad pools; Harness cannot start a "
                "Gitspace on this %1 pool.")
                 .arg(q(pool.driver)));
}

} // namespace gs::pool
