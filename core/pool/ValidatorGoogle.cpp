// What fails later on GCP: the google driver's spec, key by key.
#include "PoolValidatorImpl.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace gs::pool {

using namespace detail;

namespace {

constexpr std::string_view kArmFamilies[] = {"t2a", "c4a", "n4a", "a4x"};
constexpr std::string_view kX86Families[] = {
    "e2", "n1", "n2", "n2d", "n4", "n4d", "c2", "c2d", "c3", "c3d", "c4", "c4d", "t2d",
    "m1", "m2", "m3", "m4",  "a2", "a3",  "g2", "h3",  "z3", "f1",  "g1", "x4",  "h4d"};

template<std::size_t N>
bool contains(const std::string_view (&list)[N], const std::string &value)
{
    return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

// Captures: the leading "projects/" (or nothing), the project, the family.
QRegularExpressionMatch familyOf(const QString &text)
{
    static const QRegularExpression familyPath(
        QStringLiteral("^(projects/)?([^/]+)/global/images/family/([^/]+)$"));
    QRegularExpressionMatch m = familyPath.match(text);
    // "projects/global/images/family/F" has five segments: the driver strips them to
    // "global/images/family/F", a shape error.
    return m.hasMatch() && m.captured(2) != QLatin1String("projects") ? m
                                                                      : QRegularExpressionMatch();
}

} // namespace

void Validator::checkGoogle(int instance, int spec, int specKey, const std::string &os,
                            const std::string &arch)
{
    // One check per key, in this order: findings at the same offset keep it.
    using Check = void (Validator::*)(const GoogleContext &);
    static constexpr struct
    {
        const char *key;
        Check check;
    } kChecks[] = {
        {"account.project_id", &Validator::googleProjectId},
        {"account.json_path", &Validator::googleJsonPath},
        {"image", &Validator::googleImage},
        {"machine_type", &Validator::googleMachineType},
        {"size", &Validator::googleSize},
        {"zone", &Validator::googleZone},
        {"user_data_key", &Validator::googleUserDataKey},
        {"user_data_path", &Validator::googleUserDataPath},
    };
    GoogleContext c;
    c.instance = instance;
    c.spec = spec;
    c.specKey = specKey;
    c.account = spec >= 0 ? lookup(spec, "account", &c.accountKey) : -1;
    c.specOrInstance = spec >= 0 && resolved(spec)->kind == NodeKind::Mapping ? spec : instance;
    c.os = os;
    c.arch = arch;
    c.runnerDir = m_options.runnerDirectory.endsWith(QLatin1Char('/'))
                      ? m_options.runnerDirectory.chopped(1)
                      : m_options.runnerDirectory;
    for (const auto &entry : kChecks)
        (this->*entry.check)(c);
}

// project_id: the startup Ping lists the project's regions.
void Validator::googleProjectId(const GoogleContext &c)
{
    int projectKey = -1;
    const int project = c.account >= 0 ? lookup(c.account, "project_id", &projectKey) : -1;
    const auto projectId = stringValue(project);
    if (typeOf(project) == ScalarType::Null || (projectId && projectId->empty())) {
        const int at =
            projectKey >= 0 ? projectKey : (c.accountKey >= 0 ? c.accountKey : c.specOrInstance);
        reportAt(Severity::Error, "pool.google.projectId", at,
                 tr("`spec.account.project_id` is missing: the runner's startup check lists the "
                    "project's regions and stops without it. Set it to your GCP project id."));
    } else if (projectId) {
        static const QRegularExpression projectRe(
            QStringLiteral("^[a-z][-a-z0-9]{4,28}[a-z0-9]$|^[a-z][-a-z0-9.:]*$"));
        if (!projectRe.match(q(*projectId)).hasMatch()) {
            reportAt(Severity::Warning, "pool.google.projectId", project,
                     tr("`%1` does not look like a GCP project id (lowercase letters, digits and "
                        "hyphens, starting with a letter). Use the project id, not its name or "
                        "number.")
                         .arg(q(*projectId)));
        }
    }
}

// json_path: read inside the container, where only the runner folder is mounted. Null or
// missing means Application Default Credentials: nothing to check.
void Validator::googleJsonPath(const GoogleContext &c)
{
    const int jsonPath = c.account >= 0 ? lookup(c.account, "json_path") : -1;
    const auto path = stringValue(jsonPath);
    if (!path || path->empty())
        return;
    const QString &runnerDir = c.runnerDir;
    const QString p = q(*path);
    const QString base = p.section(QLatin1Char('/'), -1);
    const QString target = runnerDir + QLatin1Char('/') +
                           (base.isEmpty() ? QStringLiteral("service-account.json") : base);
    auto withFix = [&](const char *code, const QString &message,
                       Severity severity = Severity::Error) {
        Diagnostic &d = reportAt(severity, code, jsonPath, message);
        d.fix = replaceFix(tr("Use %1").arg(target), jsonPath,
                           styledScalar(jsonPath, target.toStdString()));
    };
    if (p.startsWith(QLatin1Char('~'))) {
        withFix("pool.google.jsonPath.home",
                tr("`json_path: %1`: the runner does not expand `~`, and the container has no "
                   "such home folder. Copy the key into %2 on the VM and use %3.")
                    .arg(p, runnerDir, target));
    } else if (!p.startsWith(QLatin1Char('/'))) {
        withFix("pool.google.jsonPath.relative",
                tr("`json_path: %1` is relative: the runner resolves it inside its container, "
                   "where Terraform's folder does not exist. \"Run for me\" copies the key into "
                   "%2 and rewrites the path; by hand, copy the key there and use %3.")
                    .arg(p, runnerDir, target),
                // Terraform writes exactly this, and the upload step repairs it, so a
                // warning: the file is right once it reaches the VM through the wizard.
                Severity::Warning);
    } else if (!p.startsWith(runnerDir + QLatin1Char('/'))) {
        withFix("pool.google.jsonPath.outside",
                tr("`json_path: %1` is outside %2, the only folder mounted into the runner "
                   "container. Copy the key into %2 and use %3.")
                    .arg(p, runnerDir, target));
    }
}

// image: the driver prefixes https://www.googleapis.com/compute/v1/projects/ and strips a
// leading projects/ only from the five segments projects/P/global/images/NAME
// (app/drivers/google: GetFullyQualifiedImage, normalizeImagePath). So P/global/images/NAME,
// projects/P/global/images/NAME and the family P/global/images/family/F reach GCE as valid
// URLs; projects/P/global/images/family/F keeps its prefix and doubles it.
void Validator::googleImage(const GoogleContext &c)
{
    const int image = lookup(c.spec, "image");
    const auto img = stringValue(image);
    if (!img || img->empty()) {
        reportAt(Severity::Warning, "pool.google.image.default",
                 image >= 0 ? image : c.specOrInstance,
                 tr("No `spec.image`: the driver falls back to Ubuntu 16.04 from 2017. Set the "
                    "image your Gitspaces should use (projects/PROJECT/global/images/NAME)."));
        return;
    }
    const QString v = q(*img);
    if (googleImagePath(image, v))
        googleImageArch(image, v, c.arch);
}

// Reports an image path GCE will not accept; true when it is accepted.
bool Validator::googleImagePath(int image, const QString &v)
{
    static const QRegularExpression good(QStringLiteral("^(projects/)?[^/]+/global/images/[^/]+$"));
    if (v.startsWith(QLatin1String("https://")) || v.startsWith(QLatin1String("http://"))) {
        googleImageUrl(image, v);
        return false;
    }
    const QRegularExpressionMatch family = familyOf(v);
    if (family.hasMatch() && family.capturedLength(1) > 0) {
        const QString fixed = v.mid(family.capturedLength(1));
        Diagnostic &d = reportAt(
            Severity::Error, "pool.google.image.familyPrefix", image,
            tr("The driver strips a leading projects/ only from "
               "projects/PROJECT/global/images/NAME; this family path keeps it and becomes "
               "…/compute/v1/projects/%1, which GCP rejects when VMs are created. Drop the "
               "leading projects/: %2.")
                .arg(v, fixed));
        d.fix =
            replaceFix(tr("Use %1").arg(fixed), image, styledScalar(image, fixed.toStdString()));
        return false;
    }
    if (family.hasMatch()) {
        reportAt(Severity::Note, "pool.google.image.family", image,
                 tr("`image` names the image family %1 of project %2: each new VM starts from "
                    "the family's newest image, so new images arrive without a change to "
                    "pool.yaml. Pin an image (%2/global/images/NAME) for reproducible VMs.")
                     .arg(family.captured(3), family.captured(2)));
        return true;
    }
    if (good.match(v).hasMatch())
        return true;
    // normalizeImagePath: "projects/" goes from five segments, whatever they are.
    const QString sent =
        v.count(QLatin1Char('/')) == 4 && v.startsWith(QLatin1String("projects/")) ? v.mid(9) : v;
    reportAt(Severity::Error, "pool.google.image.shape", image,
             tr("The driver turns `image: %1` into …/compute/v1/projects/%2, which GCP "
                "rejects when VMs are created. Use projects/PROJECT/global/images/NAME.")
                 .arg(v, sent));
    return false;
}

// A full URL: the driver prefixes its own. The fix keeps the part from projects/ on.
void Validator::googleImageUrl(int image, const QString &v)
{
    const int http = v.indexOf(QLatin1String("/projects/"));
    Diagnostic &d =
        reportAt(Severity::Error, "pool.google.image.url", image,
                 tr("`image` is a URL; the driver adds its own "
                    "https://www.googleapis.com/…/projects/ "
                    "prefix, so VM creation fails. Use projects/PROJECT/global/images/NAME."));
    if (http >= 0) {
        QString fixed = v.mid(http + 1); // "projects/…"
        if (const QRegularExpressionMatch f = familyOf(fixed); f.hasMatch())
            fixed = fixed.mid(f.capturedLength(1)); // a family keeps its prefix: drop it
        d.fix =
            replaceFix(tr("Use %1").arg(fixed), image, styledScalar(image, fixed.toStdString()));
    }
}

void Validator::googleImageArch(int image, const QString &v, const std::string &arch)
{
    const QString lower = v.toLower();
    const bool armImage =
        lower.contains(QLatin1String("arm64")) || lower.contains(QLatin1String("aarch64"));
    const bool x86Image = lower.contains(QLatin1String("amd64")) ||
                          lower.contains(QLatin1String("x86-64")) ||
                          lower.contains(QLatin1String("x86_64"));
    if ((arch == "amd64" && armImage) || (arch == "arm64" && x86Image)) {
        reportAt(Severity::Warning, "pool.google.arch.image", image,
                 tr("The image looks built for %1 but the pool's platform is `arch: %2`. "
                    "Use an image for %2 or change `platform.arch`.")
                     .arg(armImage ? QStringLiteral("arm64") : QStringLiteral("amd64"), q(arch)));
    }
}

// machine_type vs arch: GCP runs arm64 only on Arm families.
void Validator::googleMachineType(const GoogleContext &c)
{
    const int machine = lookup(c.spec, "machine_type");
    const auto mt = stringValue(machine);
    if (!mt || mt->empty())
        return;
    const std::string family = mt->substr(0, mt->find('-'));
    const bool arm = contains(kArmFamilies, family);
    const bool x86 = contains(kX86Families, family);
    if ((arm && c.arch == "amd64") || (x86 && c.arch == "arm64")) {
        reportAt(Severity::Error, "pool.google.arch.machineType", machine,
                 tr("Machine type `%1` is %2 but the pool's platform is `arch: %3`; the VM "
                    "will not boot the image. Pick a machine type for %3 (%4) or change "
                    "`platform.arch`.")
                     .arg(q(*mt), arm ? QStringLiteral("arm64") : QStringLiteral("amd64"),
                          q(c.arch),
                          c.arch == "arm64" ? QStringLiteral("t2a-, c4a-")
                                            : QStringLiteral("e2-, n2-, c3-, …")));
    }
}

// size instead of machine_type: offer the rename on the "ignored" finding already made.
void Validator::googleSize(const GoogleContext &c)
{
    int sizeKey = -1;
    const int size = lookup(c.spec, "size", &sizeKey);
    if (size < 0 || sizeKey < 0 || lookup(c.spec, "machine_type") >= 0)
        return;
    for (Diagnostic &d : m_report.diagnostics) {
        if (d.code == QLatin1String("pool.key.ignored") && d.offset == rangeOf(sizeKey).first) {
            d.message += tr(" Rename it to `machine_type`.");
            d.fix = replaceFix(tr("Rename to machine_type"), sizeKey,
                               styledScalar(sizeKey, "machine_type"));
        }
    }
}

// zone: none means us-central1-a for every VM, unless Harness sends one.
void Validator::googleZone(const GoogleContext &c)
{
    if (lookup(c.spec, "zone") >= 0 || lookup(c.spec, "networks") >= 0)
        return;
    reportAt(Severity::Note, "pool.google.zone.default",
             c.specKey >= 0 ? c.specKey : c.specOrInstance,
             tr("No `spec.zone`: VMs go to us-central1-a unless Harness asks for a zone. Add "
                "`zone: [your-zone]` to keep them next to your network."));
}

// user_data_key on Linux turns cloud-init into a Windows startup script.
void Validator::googleUserDataKey(const GoogleContext &c)
{
    int udKey = -1;
    const int ud = lookup(c.spec, "user_data_key", &udKey);
    const auto v = stringValue(ud);
    if (!v || v->empty() || c.os != "linux")
        return;
    Diagnostic &d =
        reportAt(Severity::Error, "pool.google.userDataKey", udKey >= 0 ? udKey : ud,
                 tr("On Linux any `user_data_key` makes the driver store the setup script as "
                    "windows-startup-script-ps1, so the VM never runs it. Remove the key."));
    const int keyOffset = rangeOf(udKey).first;
    const auto line = lineSpan(m_data, m_size, static_cast<std::size_t>(keyOffset));
    const auto [valueOffset, valueLength] = rangeOf(ud);
    const bool ownLine =
        onlySpacesBetween(m_data, line.first, static_cast<std::size_t>(keyOffset)) &&
        static_cast<std::size_t>(valueOffset + valueLength) <= line.second;
    if (ownLine) {
        const std::size_t end = line.second < m_size ? line.second + 1 : line.second;
        d.fix = Fix{tr("Remove user_data_key"),
                    {TextEdit{static_cast<qsizetype>(line.first),
                              static_cast<qsizetype>(end - line.first), QByteArray()}}};
    }
}

// user_data_path: read by the runner at startup, inside the container.
void Validator::googleUserDataPath(const GoogleContext &c)
{
    const int udp = lookup(c.spec, "user_data_path");
    const auto v = stringValue(udp);
    if (!v || v->empty())
        return;
    if (!q(*v).startsWith(c.runnerDir + QLatin1Char('/'))) {
        reportAt(Severity::Warning, "pool.google.userDataPath", udp,
                 tr("The runner reads `user_data_path` inside its container and exits if it "
                    "cannot; only %1 is mounted there. Put the file in %1 and use an absolute "
                    "path.")
                     .arg(c.runnerDir));
    }
}

} // namespace gs::pool
