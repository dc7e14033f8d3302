// The validator's ground floor: diagnostics, text ranges, scalar values and mapping lookups.
#include "PoolValidatorImpl.h"

#include <algorithm>

namespace gs::pool {

using namespace detail;

namespace detail {

QString Path::toString() const
{
    QString s = parent ? parent->toString() : QString();
    if (index >= 0)
        return s + QStringLiteral("[%1]").arg(index);
    if (key.empty())
        return s;
    return s.isEmpty() ? q(key) : s + QLatin1Char('.') + q(key);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

namespace {

std::string normalizedKey(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '_' || c == '-' || c == ' ')
            continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

int editDistance(std::string_view a, std::string_view b)
{
    if (a.size() > 64 || b.size() > 64)
        return 100;
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

// Compared the way the runner compares (ignoring case), and also forgiving - vs _ and
// camelCase.
std::string suggestion(std::string_view key, const std::vector<std::string_view> &candidates)
{
    const std::string norm = normalizedKey(key);
    std::string best;
    int bestDistance = 100;
    for (std::string_view c : candidates) {
        const std::string cn = normalizedKey(c);
        int d = cn == norm ? 0 : editDistance(norm, cn);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(c);
        }
    }
    const int allowed = norm.size() <= 4 ? 1 : (norm.size() <= 8 ? 2 : 3);
    return bestDistance <= allowed ? best : std::string();
}

const char *jsonKind(ScalarType t)
{
    switch (t) {
    case ScalarType::Bool:
        return "bool";
    case ScalarType::Int:
    case ScalarType::Float:
        return "number";
    case ScalarType::Null:
        return "null";
    default:
        return "string";
    }
}

} // namespace detail

namespace {

constexpr qsizetype kMaxDiagnostics = 1000;

} // namespace

Validator::Validator(const QByteArray &text, const ValidateOptions &options)
    : m_text(text)
    , m_data(text.constData())
    , m_size(static_cast<std::size_t>(text.size()))
    , m_options(options)
    , m_schema(Schema::instance_())
    , m_lines(m_data, m_size)
{}

// --- diagnostics -------------------------------------------------------------------------

Diagnostic &Validator::report(Severity severity, const char *code, qsizetype offset,
                              qsizetype length, const QString &message)
{
    if (m_report.diagnostics.size() >= kMaxDiagnostics) {
        if (m_report.diagnostics.size() == kMaxDiagnostics) {
            Diagnostic more;
            more.severity = Severity::Note;
            more.code = QStringLiteral("pool.report.truncated");
            more.offset = offset;
            more.message = tr("More problems follow; fix these first.");
            m_report.diagnostics.append(more);
        }
        m_overflow = Diagnostic();
        return m_overflow;
    }
    Diagnostic d;
    d.severity = severity;
    d.code = QLatin1String(code);
    d.offset = std::clamp<qsizetype>(offset, 0, static_cast<qsizetype>(m_size));
    d.length = std::max<qsizetype>(
        0, std::min<qsizetype>(length, static_cast<qsizetype>(m_size) - d.offset));
    d.message = message;
    m_report.diagnostics.append(std::move(d));
    return m_report.diagnostics.last();
}

Diagnostic &Validator::reportAt(Severity severity, const char *code, int node,
                                const QString &message)
{
    if (m_report.diagnostics.size() > kMaxDiagnostics) {
        m_overflow = Diagnostic();
        return m_overflow;
    }
    const auto [offset, length] = rangeOf(node);
    return report(severity, code, offset, length, message);
}

// --- text ranges -------------------------------------------------------------------------

std::pair<int, int> Validator::rangeOf(int index) const
{
    if (index < 0)
        return {0, 0};
    const YamlNode &n = m_tree.node(index);
    switch (n.kind) {
    case NodeKind::Scalar:
        return scalarRange(m_data, m_size, static_cast<std::size_t>(n.pos), n.inFlow, n.plain,
                           n.value);
    case NodeKind::Alias:
    case NodeKind::Null:
        return {n.pos, tokenLength(m_data, m_size, static_cast<std::size_t>(n.pos), n.inFlow)};
    case NodeKind::Mapping:
        if (n.flowStyle)
            return {n.pos, 1};
        if (n.childCount > 0)
            return rangeOf(m_tree.child(n, 0));
        return {n.pos, 1};
    case NodeKind::Sequence:
        return {n.pos, 1};
    }
    return {n.pos, 1};
}

Fix Validator::replaceFix(const QString &title, int node, const std::string &replacement) const
{
    const auto [offset, length] = rangeOf(node);
    return Fix{title, {TextEdit{offset, length, QByteArray::fromStdString(replacement)}}};
}

std::string Validator::styledScalar(int node, const std::string &value) const
{
    const std::string_view src = sourceOf(node);
    if (!src.empty() && src.front() == '\'' && value.find('\'') == std::string::npos)
        return "'" + value + "'";
    if (!src.empty() && src.front() == '"')
        return doubleQuoted(value);
    return isPlainSafe(value) ? value : doubleQuoted(value);
}

// The line a node starts on, for "first on line N".
int Validator::lineOf(int node) const
{
    return m_lines.line(static_cast<std::size_t>(m_tree.node(node).pos));
}

// --- values ------------------------------------------------------------------------------

ScalarType Validator::typeOf(int index) const
{
    index = m_tree.resolve(index);
    if (index < 0)
        return ScalarType::Null;
    const YamlNode &n = m_tree.node(index);
    if (n.kind == NodeKind::Null)
        return ScalarType::Null;
    if (n.kind != NodeKind::Scalar)
        return ScalarType::String; // callers check the kind first
    if (!n.tag.empty()) {
        if (n.tag == "tag:yaml.org,2002:str")
            return ScalarType::String;
        if (n.tag == "tag:yaml.org,2002:int")
            return ScalarType::Int;
        if (n.tag == "tag:yaml.org,2002:bool")
            return ScalarType::Bool;
        if (n.tag == "tag:yaml.org,2002:float")
            return ScalarType::Float;
        if (n.tag == "tag:yaml.org,2002:null")
            return ScalarType::Null;
    }
    if (!n.plain)
        return ScalarType::String;
    return resolvePlainScalar(n.value);
}

std::optional<std::string> Validator::stringValue(int index) const
{
    const YamlNode *n = resolved(index);
    if (!n || n->kind != NodeKind::Scalar || typeOf(index) != ScalarType::String)
        return std::nullopt;
    return n->value;
}

std::optional<long long> Validator::intValue(int index) const
{
    const YamlNode *n = resolved(index);
    if (!n || n->kind != NodeKind::Scalar || typeOf(index) != ScalarType::Int)
        return std::nullopt;
    std::string plain;
    for (char c : n->value) {
        if (c != '_')
            plain.push_back(c);
    }
    bool ok = false;
    const qlonglong v = QByteArray::fromStdString(plain).toLongLong(&ok, 0);
    if (!ok)
        return std::nullopt;
    return v;
}

std::string Validator::keyText(int keyNode) const
{
    const YamlNode *n = resolved(keyNode);
    if (!n || n->kind == NodeKind::Null)
        return "null";
    if (n->kind != NodeKind::Scalar)
        return std::string();
    if (n->plain && typeOf(keyNode) == ScalarType::Bool) {
        const char c = n->value[0];
        return (c == 'y' || c == 'Y' || c == 't' || c == 'T' || n->value == "on" ||
                n->value == "On" || n->value == "ON")
                   ? "true"
                   : "false";
    }
    return n->value;
}

// --- mappings ----------------------------------------------------------------------------

void Validator::collectPairs(int mapNode, std::vector<Pair> &out, int depth) const
{
    const YamlNode *n = resolved(mapNode);
    if (!n || n->kind != NodeKind::Mapping || depth > 32)
        return;
    std::vector<int> merges;
    const std::size_t first = out.size();
    for (int i = 0; i + 1 < n->childCount; i += 2) {
        const int k = m_tree.child(*n, i);
        const int v = m_tree.child(*n, i + 1);
        if (typeOf(k) == ScalarType::Merge && resolved(k)->kind == NodeKind::Scalar)
            merges.push_back(v);
        else
            out.push_back({k, v});
    }
    for (int mergeValue : merges) {
        std::vector<Pair> merged;
        const YamlNode *mv = resolved(mergeValue);
        if (mv && mv->kind == NodeKind::Sequence) {
            for (int i = 0; i < mv->childCount; ++i)
                collectPairs(m_tree.child(*mv, i), merged, depth + 1);
        } else {
            collectPairs(mergeValue, merged, depth + 1);
        }
        for (const Pair &p : merged) {
            const std::string key = keyText(p.key);
            const bool present = std::any_of(out.begin() + static_cast<long>(first), out.end(),
                                             [&](const Pair &o) { return keyText(o.key) == key; });
            if (!present)
                out.push_back(p);
        }
    }
}

int Validator::lookup(int mapNode, std::string_view key, int *keyNode) const
{
    std::vector<Pair> pairs;
    collectPairs(mapNode, pairs, 0);
    int found = -1;
    for (const Pair &p : pairs) {
        const YamlNode *k = resolved(p.key);
        if (k && k->kind == NodeKind::Scalar && equalsIgnoreCase(k->value, key)) {
            found = p.value;
            if (keyNode)
                *keyNode = p.key;
        }
    }
    return found;
}

} // namespace gs::pool
