#include "PoolValidator.h"

#include "PoolValidatorImpl.h"

#include <algorithm>
#include <cstring>

// The validator works in steps: bytes (PoolValidator.cpp), YAML, the document's shape against
// the schema (ValidatorShape.cpp), each pool (ValidatorInstance.cpp, ValidatorTenants.cpp,
// ValidatorGoogle.cpp) and its row in the pools table (ValidatorRow.cpp).
namespace gs::pool {

using namespace detail;

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return {};
}

int PoolReport::count(Severity severity) const
{
    return static_cast<int>(
        std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                      [severity](const Diagnostic &d) { return d.severity == severity; }));
}

PoolReport Validator::run()
{
    // 1. Cheap byte checks first: they decide whether yaml-cpp may see the text at all.
    // 2. YAML.
    // 3. The pool file as encoding/json decodes it.
    if (checkBytes() && parse())
        checkDocument();
    finish();
    return std::move(m_report);
}

// False when the text must not reach the YAML parser.
bool Validator::checkBytes()
{
    if (m_size > static_cast<std::size_t>(kMaxPoolFileBytes)) {
        report(Severity::Error, "pool.yaml.tooLarge", 0, 0,
               tr("The file is %1 MiB; a pool file is a few KiB. Is this the right file? (Files "
                  "over %2 MiB are not checked.)")
                   .arg(static_cast<double>(m_size) / 1048576.0, 0, 'f', 1)
                   .arg(kMaxPoolFileBytes / 1048576));
        return false;
    }
    if (const ByteProblem problem = findByteProblem(m_data, m_size); problem.offset >= 0) {
        switch (problem.kind) {
        case ByteProblem::Nul:
            report(Severity::Error, "pool.yaml.binary", problem.offset, 1,
                   tr("The file contains NUL bytes: it is binary, not a YAML pool file. Open the "
                      "pool.yaml Terraform wrote."));
            break;
        case ByteProblem::InvalidUtf8:
            report(Severity::Error, "pool.yaml.encoding", problem.offset, 1,
                   tr("Invalid UTF-8 here; the runner refuses the file. Save it as UTF-8."));
            break;
        case ByteProblem::Control:
            report(Severity::Error, "pool.yaml.control", problem.offset, 1,
                   tr("A control character is not allowed in YAML; the runner refuses the file. "
                      "Remove it."));
            break;
        case ByteProblem::None:
            break;
        }
        return false;
    }
    if (const int deep = findExcessiveNesting(m_data, m_size, kMaxNestingDepth); deep >= 0) {
        report(Severity::Error, "pool.yaml.tooDeep", deep,
               static_cast<qsizetype>(
                   lineSpan(m_data, m_size, static_cast<std::size_t>(deep)).second) -
                   deep,
               tr("Values nest more than %1 levels deep here; a pool file needs fewer than 10. "
                  "The file is not checked further.")
                   .arg(kMaxNestingDepth));
        return false;
    }
    return true;
}

// False when the first document cannot be read.
bool Validator::parse()
{
    const int bom = m_size >= 3 && std::memcmp(m_data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    m_tree = parseYaml(m_data, m_size, bom);
    if (m_tree.failed) {
        const bool firstDocument = m_tree.errorDocument == 0;
        QString message = tr("YAML syntax error: %1.").arg(q(m_tree.errorMessage));
        message += firstDocument ? tr(" The runner cannot read the file.")
                                 : tr(" (In a later document, which the runner does not read.)");
        report(firstDocument ? Severity::Error : Severity::Warning, "pool.yaml.syntax",
               m_tree.errorPos,
               tokenLength(m_data, m_size, static_cast<std::size_t>(m_tree.errorPos), false),
               message);
        if (firstDocument)
            return false;
    }
    for (int pos : m_tree.recursiveAliases) {
        report(Severity::Error, "pool.yaml.recursiveAlias", pos,
               tokenLength(m_data, m_size, static_cast<std::size_t>(pos), false),
               tr("This alias refers to the node that contains it; the runner refuses the file. "
                  "Write the value out."));
    }
    if (m_tree.documentRoots.size() > 1) {
        const int pos = m_tree.documentStarts[1];
        report(Severity::Warning, "pool.yaml.multipleDocuments", pos, 3,
               tr("The file has more than one YAML document (---); the runner reads only the "
                  "first. Move all pools into the first document."));
    }
    checkDuplicateKeys();
    checkAliasing();
    return true;
}

void Validator::checkDocument()
{
    const int root = m_tree.documentRoots.empty() ? -1 : m_tree.documentRoots[0];
    const YamlNode *r = resolved(root);
    if (!r || r->kind == NodeKind::Null || typeOf(root) == ScalarType::Null) {
        report(Severity::Warning, "pool.instances.none", 0, 0,
               tr("The file is empty: the runner starts with no pools and Gitspaces cannot run. "
                  "Use the pool.yaml Terraform generated."));
        return;
    }
    if (r->kind != NodeKind::Mapping) {
        reportAt(Severity::Error, "pool.value.type", root,
                 tr("A pool file is a mapping with `version` and `instances`; this is a %1. The "
                    "runner stops at startup.")
                     .arg(r->kind == NodeKind::Sequence ? tr("list") : tr("single value")));
        return;
    }
    if (!m_budgetReported) {
        const Path top{};
        checkMapping(root, m_schema.root, top);
    }
    checkInstances(root);
}

void Validator::checkInstances(int root)
{
    int instancesKey = -1;
    const int instances = lookup(root, "instances", &instancesKey);
    const YamlNode *list = resolved(instances);
    if (!list || list->kind == NodeKind::Null || typeOf(instances) == ScalarType::Null ||
        (list->kind == NodeKind::Sequence && list->childCount == 0)) {
        report(Severity::Warning, "pool.instances.none",
               instancesKey >= 0 ? rangeOf(instancesKey).first : rangeOf(root).first,
               instancesKey >= 0 ? rangeOf(instancesKey).second : rangeOf(root).second,
               tr("No pools under `instances`: the runner starts with no pools and Gitspaces "
                  "cannot run. Add the pools Terraform generated."));
    } else if (list->kind == NodeKind::Sequence && !m_budgetReported) {
        for (int i = 0; i < list->childCount && !m_budgetReported; ++i)
            checkInstance(m_tree.child(*list, i), i);
    }
}

void Validator::finish()
{
    auto &ds = m_report.diagnostics;
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.offset != b.offset)
            return a.offset < b.offset;
        return static_cast<int>(a.severity) < static_cast<int>(b.severity);
    });
    // Aliases and merge keys visit one node many times: report each finding once.
    ds.erase(std::unique(ds.begin(), ds.end(),
                         [](const Diagnostic &a, const Diagnostic &b) {
                             return a.offset == b.offset && a.code == b.code &&
                                    a.message == b.message;
                         }),
             ds.end());
    for (Diagnostic &d : ds) {
        const auto start = m_lines.position(static_cast<std::size_t>(d.offset));
        auto end = start;
        // Walk the range itself instead of a second lookup from the line start.
        for (qsizetype i = d.offset; i < d.offset + d.length; ++i) {
            const auto c = static_cast<unsigned char>(m_data[i]);
            if (c == '\n') {
                ++end.first;
                end.second = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++end.second;
            }
        }
        d.line = start.first;
        d.column = start.second;
        d.endLine = end.first;
        d.endColumn = end.second;
    }
}

PoolReport validatePool(const QByteArray &text, const ValidateOptions &options)
{
    Validator validator(text, options);
    return validator.run();
}

} // namespace gs::pool
