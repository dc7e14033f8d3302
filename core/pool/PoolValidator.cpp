#include "PoolValidator.h"

#include "PoolSchema.h"
#include "PoolText.h"
#include "YamlDocument.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

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

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::pool::Validator", text);
}

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A place in the file for messages: "spec.account.project_id", "zone[1]".
struct Path
{
    const Path *parent = nullptr;
    std::string_view key;
    int index = -1;

    QString toString() const
    {
        QString s = parent ? parent->toString() : QString();
        if (index >= 0)
            return s + QStringLiteral("[%1]").arg(index);
        if (key.empty())
            return s;
        return s.isEmpty() ? q(key) : s + QLatin1Char('.') + q(key);
    }
};

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

// The closest known name for a near miss, compared the way the runner compares (ignoring
// case), and also forgiving - vs _ and camelCase.
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

bool isGitspacesDriver(const std::string &t)
{
    return t == "google" || t == "amazon" || t == "nomad";
}

constexpr std::string_view kArmFamilies[] = {"t2a", "c4a", "n4a", "a4x"};
constexpr std::string_view kX86Families[] = {
    "e2", "n1", "n2", "n2d", "n4", "n4d", "c2", "c2d", "c3", "c3d", "c4", "c4d", "t2d",
    "m1", "m2", "m3", "m4",  "a2", "a3",  "g2", "h3",  "z3", "f1",  "g1", "x4",  "h4d"};

constexpr qsizetype kMaxDiagnostics = 1000;

class Validator
{
public:
    Validator(const QByteArray &text, const ValidateOptions &options)
        : m_text(text)
        , m_data(text.constData())
        , m_size(static_cast<std::size_t>(text.size()))
        , m_options(options)
        , m_schema(Schema::instance_())
        , m_lines(m_data, m_size)
    {}

    PoolReport run();

private:
    // --- diagnostics ---------------------------------------------------------------------
    Diagnostic &report(Severity severity, const char *code, qsizetype offset, qsizetype length,
                       const QString &message)
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
    Diagnostic &reportAt(Severity severity, const char *code, int node, const QString &message)
    {
        if (m_report.diagnostics.size() > kMaxDiagnostics) {
            m_overflow = Diagnostic();
            return m_overflow;
        }
        const auto [offset, length] = rangeOf(node);
        return report(severity, code, offset, length, message);
    }

    // --- text ranges ------------------------------------------------------------------------
    std::pair<int, int> rangeOf(int index) const
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
    std::string_view sourceOf(int node) const
    {
        const auto [offset, length] = rangeOf(node);
        return {m_data + offset, static_cast<std::size_t>(length)};
    }
    Fix replaceFix(const QString &title, int node, const std::string &replacement) const
    {
        const auto [offset, length] = rangeOf(node);
        return Fix{title, {TextEdit{offset, length, QByteArray::fromStdString(replacement)}}};
    }
    // A scalar's new value in the style it was written in.
    std::string styledScalar(int node, const std::string &value) const
    {
        const std::string_view src = sourceOf(node);
        if (!src.empty() && src.front() == '\'' && value.find('\'') == std::string::npos)
            return "'" + value + "'";
        if (!src.empty() && src.front() == '"')
            return doubleQuoted(value);
        return isPlainSafe(value) ? value : doubleQuoted(value);
    }

    // --- values -----------------------------------------------------------------------------
    ScalarType typeOf(int index) const
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
    const YamlNode *resolved(int index) const
    {
        index = m_tree.resolve(index);
        return index < 0 ? nullptr : &m_tree.node(index);
    }
    std::optional<std::string> stringValue(int index) const
    {
        const YamlNode *n = resolved(index);
        if (!n || n->kind != NodeKind::Scalar || typeOf(index) != ScalarType::String)
            return std::nullopt;
        return n->value;
    }
    std::optional<long long> intValue(int index) const
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
    std::string keyText(int keyNode) const
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

    // Key/value pairs of a mapping as yaml.v2 sees them: merge keys (<<) resolved, explicit
    // keys win over merged ones.
    struct Pair
    {
        int key;
        int value;
    };
    void collectPairs(int mapNode, std::vector<Pair> &out, int depth) const
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
                const bool present =
                    std::any_of(out.begin() + static_cast<long>(first), out.end(),
                                [&](const Pair &o) { return keyText(o.key) == key; });
                if (!present)
                    out.push_back(p);
            }
        }
    }
    // The value the runner decodes for `key` (case-insensitive, last one wins), or -1.
    int lookup(int mapNode, std::string_view key, int *keyNode = nullptr) const
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
    bool isNullOrMissing(int node) const { return node < 0 || typeOf(node) == ScalarType::Null; }

    // --- checks ------------------------------------------------------------------------------
    bool spend()
    {
        if (--m_budget > 0)
            return true;
        if (!m_budgetReported) {
            m_budgetReported = true;
            report(Severity::Error, "pool.yaml.aliasExpansion", 0, 0,
                   tr("The file expands to too many values through aliases (*name); the runner "
                      "refuses such files. Write the values out or use fewer nested aliases."));
        }
        return false;
    }

    void typeMismatch(int node, const Shape &shape, const Path &path, int keyNode);
    void checkValue(int node, const Shape &shape, const Path &path, int keyNode,
                    const Shape *misplacedHint = nullptr);
    void checkMapping(int node, const Shape &shape, const Path &path,
                      const Shape *misplacedHint = nullptr);
    void checkDuplicateKeys();
    void checkAliasing();
    void checkInstance(int node, int index);
    void checkPlatform(int instance, const std::string &driver, const std::string &os,
                       const std::string &arch);
    void checkTenants(int tenantsNode, const std::string &driver, int instance);
    void checkGoogle(int instance, int spec, int specKey, const std::string &name,
                     const std::string &os, const std::string &arch);
    void finish();

    const QByteArray &m_text;
    const char *m_data;
    std::size_t m_size;
    ValidateOptions m_options;
    const Schema &m_schema;
    LineIndex m_lines;
    YamlTree m_tree;
    Diagnostic m_overflow; // where findings go once the report is full
    PoolReport m_report;
    long m_budget = 2'000'000;
    bool m_budgetReported = false;
    std::unordered_map<std::string, int> m_poolNames; // name -> node of the first use
};

QString expectation(const Shape &shape)
{
    switch (shape.type) {
    case ValueType::String:
        return tr("text");
    case ValueType::Int:
        return tr("a whole number");
    case ValueType::Bool:
        return tr("true or false");
    case ValueType::StringList:
        return tr("a list of text values");
    case ValueType::Object:
    case ValueType::StringMap:
    case ValueType::AnyMap:
        return tr("a mapping (key: value lines)");
    case ValueType::List:
        return tr("a list");
    case ValueType::Any:
        break;
    }
    return tr("a value");
}

const char *goType(const Shape &shape)
{
    switch (shape.type) {
    case ValueType::String:
        return "string";
    case ValueType::Int:
        return "int";
    case ValueType::Bool:
        return "bool";
    case ValueType::StringList:
        return "[]string";
    case ValueType::Object:
        return "struct";
    case ValueType::StringMap:
        return "map[string]string";
    case ValueType::AnyMap:
        return "map";
    case ValueType::List:
        return "slice";
    case ValueType::Any:
        break;
    }
    return "value";
}

void Validator::typeMismatch(int node, const Shape &shape, const Path &path, int keyNode)
{
    const YamlNode *n = resolved(node);
    const ScalarType st = typeOf(node);
    const char *actual = n->kind == NodeKind::Mapping    ? "object"
                         : n->kind == NodeKind::Sequence ? "array"
                                                         : jsonKind(st);
    const QString where = path.toString();
    const QString human = n->kind == NodeKind::Mapping    ? tr("a mapping")
                          : n->kind == NodeKind::Sequence ? tr("a list")
                          : st == ScalarType::Bool        ? tr("the boolean %1").arg(q(n->value))
                          : st == ScalarType::String      ? tr("the text \"%1\"").arg(q(n->value))
                                                          : tr("the number %1").arg(q(n->value));
    QString message = tr("`%1` must be %2, but this is %3. The runner stops at startup with "
                         "\"json: cannot unmarshal %4 into Go value of type %5\".")
                          .arg(where, expectation(shape), human, QLatin1String(actual),
                               QLatin1String(goType(shape)));
    std::optional<Fix> fix;
    if (n->kind == NodeKind::Scalar && m_tree.node(m_tree.resolve(node)).kind == NodeKind::Scalar &&
        m_tree.resolve(node) == node) {
        const std::string &v = n->value;
        if (shape.type == ValueType::String) {
            message += tr(" Put the value in quotes.");
            fix = replaceFix(tr("Quote %1").arg(q(v)), node, doubleQuoted(v));
        } else if (shape.type == ValueType::Int && st == ScalarType::String &&
                   resolvePlainScalar(v) == ScalarType::Int) {
            message += tr(" Remove the quotes.");
            fix = replaceFix(tr("Remove the quotes"), node, v);
        } else if (shape.type == ValueType::Bool && st == ScalarType::String &&
                   (v == "true" || v == "false")) {
            message += tr(" Remove the quotes.");
            fix = replaceFix(tr("Remove the quotes"), node, v);
        } else if (shape.type == ValueType::StringList) {
            const std::string item =
                st == ScalarType::String ? std::string(sourceOf(node)) : doubleQuoted(v);
            message += tr(" Write it as a list: [%1].").arg(q(item));
            fix = replaceFix(tr("Make it a list"), node, "[" + item + "]");
        }
    }
    Diagnostic &d = reportAt(Severity::Error, "pool.value.type", node, message);
    d.fix = fix;
    Q_UNUSED(keyNode)
}

void Validator::checkValue(int node, const Shape &shape, const Path &path, int keyNode,
                           const Shape *misplacedHint)
{
    if (!spend())
        return;
    const YamlNode *n = resolved(node);
    if (!n || n->kind == NodeKind::Null || shape.type == ValueType::Any)
        return;
    const ScalarType st = n->kind == NodeKind::Scalar ? typeOf(node) : ScalarType::String;
    if (n->kind == NodeKind::Scalar && st == ScalarType::Null)
        return; // a null leaves the Go zero value: fine
    switch (shape.type) {
    case ValueType::String:
        if (n->kind != NodeKind::Scalar || st != ScalarType::String)
            typeMismatch(node, shape, path, keyNode);
        return;
    case ValueType::Int:
        if (n->kind != NodeKind::Scalar || (st != ScalarType::Int && st != ScalarType::Float)) {
            typeMismatch(node, shape, path, keyNode);
        } else if (st == ScalarType::Float) {
            const double v = QByteArray::fromStdString(n->value).toDouble();
            if (v != static_cast<double>(static_cast<long long>(v)))
                typeMismatch(node, shape, path, keyNode);
        }
        return;
    case ValueType::Bool:
        if (n->kind != NodeKind::Scalar || st != ScalarType::Bool)
            typeMismatch(node, shape, path, keyNode);
        return;
    case ValueType::StringList:
        if (n->kind != NodeKind::Sequence) {
            typeMismatch(node, shape, path, keyNode);
            return;
        }
        for (int i = 0; i < n->childCount; ++i) {
            const Path item{&path, {}, i};
            checkValue(m_tree.child(*n, i), m_schema.string, item, -1);
        }
        return;
    case ValueType::List:
        if (n->kind != NodeKind::Sequence) {
            typeMismatch(node, shape, path, keyNode);
            return;
        }
        for (int i = 0; i < n->childCount && !m_budgetReported; ++i) {
            const Path item{&path, {}, i};
            checkValue(m_tree.child(*n, i), *shape.element, item, -1);
        }
        return;
    case ValueType::Object:
        if (n->kind != NodeKind::Mapping) {
            typeMismatch(node, shape, path, keyNode);
            return;
        }
        checkMapping(node, shape, path, misplacedHint);
        return;
    case ValueType::StringMap:
    case ValueType::AnyMap:
        if (n->kind != NodeKind::Mapping) {
            typeMismatch(node, shape, path, keyNode);
            return;
        }
        if (shape.type == ValueType::StringMap) {
            std::vector<Pair> pairs;
            collectPairs(node, pairs, 0);
            for (const Pair &p : pairs) {
                const std::string k = keyText(p.key);
                const Path item{&path, k};
                checkValue(p.value, m_schema.string, item, p.key);
            }
        }
        return;
    case ValueType::Any:
        return;
    }
}

void Validator::checkMapping(int node, const Shape &shape, const Path &path,
                             const Shape *misplacedHint)
{
    std::vector<Pair> pairs;
    collectPairs(node, pairs, 0);
    // Keys the runner matches to the same field (case-insensitive): the last wins.
    std::vector<std::pair<const Field *, int>> seen;
    for (const Pair &p : pairs) {
        if (m_budgetReported)
            return;
        const YamlNode *k = resolved(p.key);
        if (!k || k->kind != NodeKind::Scalar)
            continue;
        const std::string &key = k->value;
        const Field *field = nullptr;
        for (const Field &fl : shape.fields) {
            if (fl.key == key) {
                field = &fl;
                break;
            }
        }
        if (!field) {
            for (const Field &fl : shape.fields) {
                if (equalsIgnoreCase(fl.key, key)) {
                    field = &fl;
                    break;
                }
            }
        }
        const Path child{&path, key};
        if (!field) {
            if (shape.open || (&shape == &m_schema.root && key.rfind("x-", 0) == 0))
                continue;
            std::vector<std::string_view> names;
            names.reserve(shape.fields.size());
            for (const Field &fl : shape.fields)
                names.push_back(fl.key);
            const std::string guess = suggestion(key, names);
            const QString where = child.toString();
            if (!guess.empty()) {
                Diagnostic &d =
                    reportAt(Severity::Warning, "pool.key.unknown", p.key,
                             tr("Unknown key `%1`: the runner ignores it. Did you mean `%2`?")
                                 .arg(where, q(guess)));
                d.fix =
                    replaceFix(tr("Rename to %1").arg(q(guess)), p.key, styledScalar(p.key, guess));
                continue;
            }
            bool misplaced = false;
            if (misplacedHint) {
                for (const Field &fl : misplacedHint->fields)
                    misplaced = misplaced || equalsIgnoreCase(fl.key, key);
            }
            if (misplaced) {
                reportAt(Severity::Warning, "pool.key.misplaced", p.key,
                         tr("`%1` is a driver setting: move it under `spec:`; here the runner "
                            "ignores it.")
                             .arg(q(key)));
            } else {
                reportAt(Severity::Warning, "pool.key.unknown", p.key,
                         tr("Unknown key `%1`: the runner ignores it. Check the spelling or "
                            "remove it.")
                             .arg(where));
            }
            continue;
        }
        for (const auto &[prevField, prevKey] : seen) {
            if (prevField == field && keyText(prevKey) != key) {
                reportAt(Severity::Warning, "pool.key.duplicate", p.key,
                         tr("`%1` sets `%2` again (the runner ignores case); the last one wins. "
                            "Keep one.")
                             .arg(q(key), q(field->key)));
            }
        }
        seen.emplace_back(field, p.key);
        if (field->status == FieldStatus::Ignored && field->why && *field->why) {
            reportAt(
                Severity::Warning, "pool.key.ignored", p.key,
                tr("`%1` is ignored by the runner: %2.").arg(child.toString(), tr(field->why)));
        } else if (field->status == FieldStatus::Deprecated) {
            reportAt(Severity::Note, "pool.key.deprecated", p.key,
                     tr("`%1` is deprecated (the runner logs a warning but uses it); %2.")
                         .arg(child.toString(), tr(field->why)));
        }
        checkValue(p.value, *field->shape, child, p.key);
    }
}

void Validator::checkDuplicateKeys()
{
    // Only the first document counts; yaml.v2 keeps the last of duplicate keys silently.
    const int begin = m_tree.documentNodeBegin.empty() ? 0 : m_tree.documentNodeBegin[0];
    const int end = m_tree.documentNodeBegin.size() > 1 ? m_tree.documentNodeBegin[1]
                                                        : static_cast<int>(m_tree.nodes.size());
    std::unordered_map<std::string_view, int> seen;
    for (int i = begin; i < end; ++i) {
        const YamlNode &n = m_tree.node(i);
        if (n.kind != NodeKind::Mapping || n.childCount < 4)
            continue;
        seen.clear();
        for (int c = 0; c + 1 < n.childCount; c += 2) {
            const int k = m_tree.child(n, c);
            const YamlNode &kn = m_tree.node(k);
            if (kn.kind != NodeKind::Scalar || (kn.plain && kn.value == "<<"))
                continue;
            const auto [it, inserted] = seen.emplace(std::string_view(kn.value), k);
            if (!inserted) {
                const int firstLine =
                    m_lines.line(static_cast<std::size_t>(m_tree.node(it->second).pos));
                reportAt(Severity::Warning, "pool.key.duplicate", k,
                         tr("`%1` is repeated (first on line %2); the runner keeps only this last "
                            "value. Remove one of them.")
                             .arg(q(kn.value))
                             .arg(firstLine));
                it->second = k;
            }
        }
    }
}

void Validator::checkAliasing()
{
    if (m_tree.nodes.empty())
        return;
    // Expanded size of every node, in completion order (children and alias targets first).
    std::vector<double> expanded(m_tree.nodes.size(), 1.0), aliases(m_tree.nodes.size(), 0.0);
    bool anyAlias = false;
    for (int i : m_tree.completionOrder) {
        const YamlNode &n = m_tree.node(i);
        const auto ui = static_cast<std::size_t>(i);
        if (n.kind == NodeKind::Alias) {
            anyAlias = true;
            expanded[ui] = 1.0 + expanded[static_cast<std::size_t>(n.target)];
            aliases[ui] = 1.0 + aliases[static_cast<std::size_t>(n.target)];
        } else if (n.kind == NodeKind::Sequence || n.kind == NodeKind::Mapping) {
            double e = 1.0, a = 0.0;
            for (int c = 0; c < n.childCount; ++c) {
                const auto ci = static_cast<std::size_t>(m_tree.child(n, c));
                e += expanded[ci];
                a += aliases[ci];
            }
            expanded[ui] = e;
            aliases[ui] = a;
        }
    }
    if (!anyAlias || m_tree.documentRoots.empty() || m_tree.documentRoots[0] < 0)
        return;
    const auto root = static_cast<std::size_t>(m_tree.documentRoots[0]);
    const double e = expanded[root], a = aliases[root];
    // yaml.v2's allowedAliasRatio: 99% up to 400k decoded nodes, 10% from 4M, linear between.
    double allowed = 0.99;
    if (e >= 4e6)
        allowed = 0.10;
    else if (e > 4e5)
        allowed = 0.99 - 0.89 * (e - 4e5) / 3.6e6;
    if (e > 5e7 || (a > 100 && e > 1000 && a / e > allowed)) {
        m_budgetReported = true; // no walk through the expansion either
        int pos = 0;
        for (const YamlNode &n : m_tree.nodes) {
            if (n.kind == NodeKind::Alias) {
                pos = n.pos;
                break;
            }
        }
        report(Severity::Error, "pool.yaml.aliasExpansion", pos,
               tokenLength(m_data, m_size, static_cast<std::size_t>(pos), false),
               tr("The aliases (*name) in this file expand to %1 values; the runner refuses "
                  "such \"excessive aliasing\". Write the values out or use fewer nested aliases.")
                   .arg(e, 0, 'g', 3));
    }
}

void Validator::checkPlatform(int instance, const std::string &driver, const std::string &os,
                              const std::string &arch)
{
    const int platform = lookup(instance, "platform");
    int osNode = -1, archNode = -1;
    if (platform >= 0) {
        osNode = lookup(platform, "os");
        archNode = lookup(platform, "arch");
    }
    auto where = [&](int node) {
        return node >= 0 ? node : (platform >= 0 ? platform : instance);
    };
    auto bad = [&](int node, const char *code, const QString &message, Severity sev) {
        reportAt(sev, code, where(node), message);
    };
    auto list = [](std::initializer_list<const char *> items) {
        QStringList l;
        for (const char *i : items)
            l << QLatin1String(i);
        return l;
    };
    auto allowed = [](const std::string &v, std::initializer_list<const char *> items) {
        return std::any_of(items.begin(), items.end(), [&](const char *i) { return v == i; });
    };
    auto osMessage = [&](const QStringList &ok) {
        return tr("The %1 driver does not run `os: %2`; it accepts %3. The runner stops at "
                  "startup.")
            .arg(q(driver), q(os), ok.join(QLatin1String(", ")));
    };
    auto archMessage = [&](const QStringList &ok) {
        return tr("The %1 driver does not run `arch: %2`; it accepts %3. The runner stops at "
                  "startup.")
            .arg(q(driver), q(arch), ok.join(QLatin1String(", ")));
    };
    if (driver == "google") {
        if (!allowed(os, {"linux", "windows"}))
            bad(osNode, "pool.platform.os", osMessage(list({"linux", "windows"})), Severity::Error);
        if (!allowed(arch, {"amd64", "arm64"}))
            bad(archNode, "pool.platform.arch", archMessage(list({"amd64", "arm64"})),
                Severity::Error);
    } else if (driver == "amazon") {
        if (!allowed(os, {"linux", "windows", "darwin"}))
            bad(osNode, "pool.platform.os", osMessage(list({"linux", "windows", "darwin"})),
                Severity::Error);
        if (!allowed(arch, {"amd64", "arm64"}))
            bad(archNode, "pool.platform.arch", archMessage(list({"amd64", "arm64"})),
                Severity::Error);
        if (os == "linux" && platform >= 0) {
            const int osName = lookup(platform, "os_name");
            const auto v = stringValue(osName);
            if (v && !v->empty() && *v != "ubuntu" && *v != "amazon-linux")
                bad(osName, "pool.platform.osName",
                    tr("The amazon driver knows `os_name` ubuntu or amazon-linux, not `%1`.")
                        .arg(q(*v)),
                    Severity::Error);
        }
    } else if (driver == "azure") {
        if (os != "windows")
            bad(osNode, "pool.platform.os",
                tr("The azure driver runs Windows; `os: %1` is not checked by the runner but VMs "
                   "will be set up as Windows.")
                    .arg(q(os)),
                Severity::Warning);
        if (!allowed(arch, {"amd64", "arm64"}))
            bad(archNode, "pool.platform.arch", archMessage(list({"amd64", "arm64"})),
                Severity::Error);
    } else if (driver == "anka" || driver == "ankabuild" || driver == "vmfusion") {
        if (os != "darwin")
            bad(osNode, "pool.platform.os", osMessage(list({"darwin"})), Severity::Error);
        if (driver == "anka" && !allowed(arch, {"amd64", "arm64"}))
            bad(archNode, "pool.platform.arch", archMessage(list({"amd64", "arm64"})),
                Severity::Error);
    } else if (driver == "digitalocean") {
        if (os != "linux")
            bad(osNode, "pool.platform.os", osMessage(list({"linux"})), Severity::Error);
        if (arch != "amd64")
            bad(archNode, "pool.platform.arch", archMessage(list({"amd64"})), Severity::Error);
    }
}

void Validator::checkTenants(int tenantsNode, const std::string &driver, int instance)
{
    const YamlNode *list = resolved(tenantsNode);
    if (!list || list->kind != NodeKind::Sequence)
        return;
    int tenantsKey = -1;
    lookup(instance, "tenants", &tenantsKey);
    if (driver != "amazon" && driver != "google") {
        reportAt(Severity::Warning, "pool.tenant.ignored", tenantsKey >= 0 ? tenantsKey : instance,
                 tr("The runner applies `tenants` only to amazon and google pools; for %1 they "
                    "are ignored. Remove them or split the pool.")
                     .arg(q(driver)));
        return;
    }
    const int spec = lookup(instance, "spec");
    if (spec >= 0 && isNullOrMissing(spec)) {
        reportAt(Severity::Error, "pool.tenant.spec", tenantsKey >= 0 ? tenantsKey : instance,
                 tr("A pool with `tenants` needs a top-level `spec` (the default tenant); the "
                    "runner stops at startup. Fill in `spec:`."));
    }
    std::unordered_map<std::string, int> tenantIds;    // id -> node
    std::unordered_map<std::string, int> accountOf;    // account id -> tenant index
    std::vector<std::pair<std::string, int>> groupIds; // group_id, node
    const Shape *specShape = m_schema.driverSpec(driver);
    for (int t = 0; t < list->childCount; ++t) {
        const int tenant = m_tree.child(*list, t);
        const YamlNode *tn = resolved(tenant);
        if (!tn || tn->kind != NodeKind::Mapping)
            continue;
        int specKey = -1;
        const int tenantSpec = lookup(tenant, "spec", &specKey);
        if (specShape && tenantSpec >= 0) {
            const Path path{nullptr, "spec"};
            checkValue(tenantSpec, *specShape, path, specKey);
        }
        const int ids = lookup(tenant, "ids");
        const YamlNode *idsNode = resolved(ids);
        if (!idsNode || idsNode->kind != NodeKind::Sequence || idsNode->childCount == 0) {
            reportAt(Severity::Error, "pool.tenant.ids", ids >= 0 ? ids : tenant,
                     tr("Each tenant needs a non-empty `ids` list of account ids; the runner "
                        "stops at startup."));
            continue;
        }
        const int groupNode = lookup(tenant, "group_id");
        const std::string group = stringValue(groupNode).value_or(std::string());
        const int firstId = m_tree.child(*idsNode, 0);
        const std::string id = group.empty() ? stringValue(firstId).value_or(std::string()) : group;
        const int idNode = group.empty() ? firstId : groupNode;
        if (id.empty()) {
            reportAt(Severity::Error, "pool.tenant.id", idNode,
                     tr("The tenant id (`group_id`, else the first of `ids`) is empty; the runner "
                        "stops at startup."));
        } else if (id == "default") {
            reportAt(Severity::Error, "pool.tenant.id", idNode,
                     tr("`default` is reserved for the pool's own spec; pick another "
                        "tenant id."));
        } else if (const auto it = tenantIds.find(id); it != tenantIds.end()) {
            reportAt(Severity::Error, "pool.tenant.duplicate", idNode,
                     tr("Tenant id `%1` is used twice in this pool (first on line %2); the runner "
                        "stops at startup.")
                         .arg(q(id))
                         .arg(m_lines.line(static_cast<std::size_t>(m_tree.node(it->second).pos))));
        } else {
            tenantIds.emplace(id, idNode);
        }
        if (!group.empty())
            groupIds.emplace_back(group, groupNode);
        for (int i = 0; i < idsNode->childCount; ++i) {
            const int acc = m_tree.child(*idsNode, i);
            const auto account = stringValue(acc);
            if (!account || account->empty())
                continue;
            const auto [it, inserted] = accountOf.emplace(*account, t);
            if (!inserted && it->second != t) {
                reportAt(Severity::Error, "pool.tenant.account", acc,
                         tr("Account `%1` is mapped to more than one tenant; the runner stops at "
                            "startup. Keep it in one tenant.")
                             .arg(q(*account)));
            }
        }
    }
    for (const auto &[group, node] : groupIds) {
        const auto it = accountOf.find(group);
        if (it == accountOf.end())
            continue;
        // Colliding with its own members is fine; with another tenant's member it is not.
        const std::string own = stringValue(node).value_or(std::string());
        bool ownMember = false;
        for (int t = 0; t < list->childCount; ++t) {
            const int tenant = m_tree.child(*list, t);
            if (stringValue(lookup(tenant, "group_id")).value_or(std::string()) == own)
                ownMember = ownMember || it->second == t;
        }
        if (!ownMember) {
            reportAt(Severity::Error, "pool.tenant.groupCollision", node,
                     tr("`group_id: %1` is also an account id of another tenant; the runner "
                        "stops at startup. Rename the group.")
                         .arg(q(group)));
        }
    }
}

void Validator::checkGoogle(int instance, int spec, int specKey, const std::string &name,
                            const std::string &os, const std::string &arch)
{
    Q_UNUSED(name)
    int accountKey = -1;
    const int account = spec >= 0 ? lookup(spec, "account", &accountKey) : -1;
    const int specOrInstance =
        spec >= 0 && resolved(spec)->kind == NodeKind::Mapping ? spec : instance;
    // project_id: the startup Ping lists the project's regions.
    int projectKey = -1;
    const int project = account >= 0 ? lookup(account, "project_id", &projectKey) : -1;
    const auto projectId = stringValue(project);
    if (typeOf(project) == ScalarType::Null || (projectId && projectId->empty())) {
        const int at =
            projectKey >= 0 ? projectKey : (accountKey >= 0 ? accountKey : specOrInstance);
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

    // json_path: read inside the container, where only the runner folder is mounted.
    const int jsonPath = account >= 0 ? lookup(account, "json_path") : -1;
    const auto path = stringValue(jsonPath);
    const QString runnerDir = m_options.runnerDirectory.endsWith(QLatin1Char('/'))
                                  ? m_options.runnerDirectory.chopped(1)
                                  : m_options.runnerDirectory;
    if (path && !path->empty()) {
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
            withFix(
                "pool.google.jsonPath.relative",
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
    } else if (account >= 0 && !path) {
        // null or missing: Application Default Credentials
    }

    // image: the driver prefixes https://www.googleapis.com/compute/v1/projects/ and strips a
    // leading projects/ only from the five segments projects/P/global/images/NAME
    // (app/drivers/google: GetFullyQualifiedImage, normalizeImagePath). So P/global/images/NAME,
    // projects/P/global/images/NAME and the family P/global/images/family/F reach GCE as valid
    // URLs; projects/P/global/images/family/F keeps its prefix and doubles it.
    const int image = lookup(spec, "image");
    const auto img = stringValue(image);
    if (!img || img->empty()) {
        reportAt(Severity::Warning, "pool.google.image.default",
                 image >= 0 ? image : specOrInstance,
                 tr("No `spec.image`: the driver falls back to Ubuntu 16.04 from 2017. Set the "
                    "image your Gitspaces should use (projects/PROJECT/global/images/NAME)."));
    } else {
        const QString v = q(*img);
        static const QRegularExpression good(
            QStringLiteral("^(projects/)?[^/]+/global/images/[^/]+$"));
        // Captures: the leading "projects/" (or nothing), the project, the family.
        static const QRegularExpression familyPath(
            QStringLiteral("^(projects/)?([^/]+)/global/images/family/([^/]+)$"));
        const auto familyOf = [](const QString &text) {
            QRegularExpressionMatch m = familyPath.match(text);
            // "projects/global/images/family/F" has five segments: the driver strips them to
            // "global/images/family/F", a shape error.
            return m.hasMatch() && m.captured(2) != QLatin1String("projects")
                       ? m
                       : QRegularExpressionMatch();
        };
        const int http = v.indexOf(QLatin1String("/projects/"));
        const QRegularExpressionMatch family = familyOf(v);
        bool accepted = false;
        if (v.startsWith(QLatin1String("https://")) || v.startsWith(QLatin1String("http://"))) {
            Diagnostic &d = reportAt(
                Severity::Error, "pool.google.image.url", image,
                tr("`image` is a URL; the driver adds its own "
                   "https://www.googleapis.com/…/projects/ "
                   "prefix, so VM creation fails. Use projects/PROJECT/global/images/NAME."));
            if (http >= 0) {
                QString fixed = v.mid(http + 1); // "projects/…"
                if (const QRegularExpressionMatch f = familyOf(fixed); f.hasMatch())
                    fixed = fixed.mid(f.capturedLength(1)); // a family keeps its prefix: drop it
                d.fix = replaceFix(tr("Use %1").arg(fixed), image,
                                   styledScalar(image, fixed.toStdString()));
            }
        } else if (family.hasMatch() && family.capturedLength(1) > 0) {
            const QString fixed = v.mid(family.capturedLength(1));
            Diagnostic &d = reportAt(
                Severity::Error, "pool.google.image.familyPrefix", image,
                tr("The driver strips a leading projects/ only from "
                   "projects/PROJECT/global/images/NAME; this family path keeps it and becomes "
                   "…/compute/v1/projects/%1, which GCP rejects when VMs are created. Drop the "
                   "leading projects/: %2.")
                    .arg(v, fixed));
            d.fix = replaceFix(tr("Use %1").arg(fixed), image,
                               styledScalar(image, fixed.toStdString()));
        } else if (family.hasMatch()) {
            reportAt(Severity::Note, "pool.google.image.family", image,
                     tr("`image` names the image family %1 of project %2: each new VM starts from "
                        "the family's newest image, so new images arrive without a change to "
                        "pool.yaml. Pin an image (%2/global/images/NAME) for reproducible VMs.")
                         .arg(family.captured(3), family.captured(2)));
            accepted = true;
        } else if (!good.match(v).hasMatch()) {
            // normalizeImagePath: "projects/" goes from five segments, whatever they are.
            const QString sent =
                v.count(QLatin1Char('/')) == 4 && v.startsWith(QLatin1String("projects/"))
                    ? v.mid(9)
                    : v;
            reportAt(Severity::Error, "pool.google.image.shape", image,
                     tr("The driver turns `image: %1` into …/compute/v1/projects/%2, which GCP "
                        "rejects when VMs are created. Use projects/PROJECT/global/images/NAME.")
                         .arg(v, sent));
        } else {
            accepted = true;
        }
        if (accepted) {
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
                             .arg(armImage ? QStringLiteral("arm64") : QStringLiteral("amd64"),
                                  q(arch)));
            }
        }
    }

    // machine_type vs arch: GCP runs arm64 only on Arm families.
    const int machine = lookup(spec, "machine_type");
    if (const auto mt = stringValue(machine); mt && !mt->empty()) {
        const std::string family = mt->substr(0, mt->find('-'));
        const bool arm = std::find(std::begin(kArmFamilies), std::end(kArmFamilies), family) !=
                         std::end(kArmFamilies);
        const bool x86 = std::find(std::begin(kX86Families), std::end(kX86Families), family) !=
                         std::end(kX86Families);
        if ((arm && arch == "amd64") || (x86 && arch == "arm64")) {
            reportAt(Severity::Error, "pool.google.arch.machineType", machine,
                     tr("Machine type `%1` is %2 but the pool's platform is `arch: %3`; the VM "
                        "will not boot the image. Pick a machine type for %3 (%4) or change "
                        "`platform.arch`.")
                         .arg(q(*mt), arm ? QStringLiteral("arm64") : QStringLiteral("amd64"),
                              q(arch),
                              arch == "arm64" ? QStringLiteral("t2a-, c4a-")
                                              : QStringLiteral("e2-, n2-, c3-, …")));
        }
    }

    // size instead of machine_type: offer the rename.
    int sizeKey = -1;
    const int size = lookup(spec, "size", &sizeKey);
    if (size >= 0 && machine < 0 && sizeKey >= 0) {
        for (Diagnostic &d : m_report.diagnostics) {
            if (d.code == QLatin1String("pool.key.ignored") && d.offset == rangeOf(sizeKey).first) {
                d.message += tr(" Rename it to `machine_type`.");
                d.fix = replaceFix(tr("Rename to machine_type"), sizeKey,
                                   styledScalar(sizeKey, "machine_type"));
            }
        }
    }

    // zone: none means us-central1-a for every VM, unless Harness sends one.
    if (lookup(spec, "zone") < 0 && lookup(spec, "networks") < 0) {
        reportAt(Severity::Note, "pool.google.zone.default",
                 specKey >= 0 ? specKey : specOrInstance,
                 tr("No `spec.zone`: VMs go to us-central1-a unless Harness asks for a zone. Add "
                    "`zone: [your-zone]` to keep them next to your network."));
    }

    // user_data_key on Linux turns cloud-init into a Windows startup script.
    int udKey = -1;
    const int ud = lookup(spec, "user_data_key", &udKey);
    if (const auto v = stringValue(ud); v && !v->empty() && os == "linux") {
        Diagnostic &d =
            reportAt(Severity::Error, "pool.google.userDataKey", udKey >= 0 ? udKey : ud,
                     tr("On Linux any `user_data_key` makes the driver store the setup script as "
                        "windows-startup-script-ps1, so the VM never runs it. Remove the key."));
        const auto [keyOffset, keyLength] = rangeOf(udKey);
        Q_UNUSED(keyLength)
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
    const int udp = lookup(spec, "user_data_path");
    if (const auto v = stringValue(udp); v && !v->empty()) {
        const QString p = q(*v);
        if (!p.startsWith(runnerDir + QLatin1Char('/'))) {
            reportAt(Severity::Warning, "pool.google.userDataPath", udp,
                     tr("The runner reads `user_data_path` inside its container and exits if it "
                        "cannot; only %1 is mounted there. Put the file in %1 and use an absolute "
                        "path.")
                         .arg(runnerDir));
        }
    }
}

void Validator::checkInstance(int node, int index)
{
    const YamlNode *n = resolved(node);
    const Path path{};
    Q_UNUSED(index)
    if (!n || n->kind != NodeKind::Mapping) {
        if (!n || n->kind == NodeKind::Null || typeOf(node) == ScalarType::Null) {
            reportAt(Severity::Error, "pool.instance.empty", node,
                     tr("This `instances` entry is empty; the runner stops at startup (no spec). "
                        "Remove the dash or fill in the pool."));
        } else {
            reportAt(Severity::Error, "pool.value.type", node,
                     tr("Each `instances` entry must be a mapping with name, type and spec; the "
                        "runner stops at startup."));
        }
        return;
    }
    // The driver first, so misplaced spec keys can be recognised.
    int typeKey = -1;
    const int typeNode = lookup(node, "type", &typeKey);
    const auto typeValue = stringValue(typeNode);
    std::string driver;
    const Shape *specShape = nullptr;
    if (typeValue) {
        specShape = m_schema.driverSpec(*typeValue);
        if (specShape)
            driver = *typeValue;
    }
    checkMapping(node, m_schema.instance, path, specShape);

    if (isNullOrMissing(typeNode) || (typeValue && typeValue->empty())) {
        reportAt(Severity::Error, "pool.type.missing",
                 typeNode >= 0 && !isNullOrMissing(typeNode) ? typeNode : node,
                 tr("This pool has no `type`; the runner stops at startup with \"unknown instance "
                    "type\". For Gitspaces on GCP add `type: google`."));
    } else if (typeValue && !specShape) {
        const std::string &t = *typeValue;
        if (t == "gcp" || t == "aws") {
            const std::string right = t == "gcp" ? "google" : "amazon";
            Diagnostic &d = reportAt(
                Severity::Error, "pool.type.alias", typeNode,
                tr("`type: %1` parses but the runner then stops with \"unknown instance tip %1\". "
                   "Write `type: %2`.")
                    .arg(q(t), q(right)));
            d.fix = replaceFix(tr("Use %1").arg(q(right)), typeNode, styledScalar(typeNode, right));
        } else {
            std::vector<std::string_view> names;
            for (const Driver &dr : m_schema.drivers)
                names.emplace_back(dr.name);
            const std::string guess = suggestion(t, names);
            QString message = tr("Unknown pool type `%1`; the runner stops at startup. It knows "
                                 "amazon, anka, ankabuild, azure, digitalocean, google, nomad, "
                                 "noop and vmfusion (types are case-sensitive).")
                                  .arg(q(t));
            if (!guess.empty())
                message += tr(" Did you mean `%1`?").arg(q(guess));
            Diagnostic &d = reportAt(Severity::Error, "pool.type.unknown", typeNode, message);
            if (!guess.empty())
                d.fix =
                    replaceFix(tr("Use %1").arg(q(guess)), typeNode, styledScalar(typeNode, guess));
        }
    }

    int specKey = -1;
    const int spec = lookup(node, "spec", &specKey);
    if (spec < 0) {
        reportAt(Severity::Error, "pool.spec.missing", node,
                 tr("This pool has no `spec` key; the runner stops at startup with \"unexpected "
                    "end of JSON input\". Add `spec:` with the driver settings (`spec: {}` for "
                    "all defaults)."));
    } else if (specShape) {
        const Path specPath{nullptr, "spec"};
        checkValue(spec, *specShape, specPath, specKey);
    }

    // name: the pool id, unique; on GCP also a label, disk device name and part of VM names.
    int nameKey = -1;
    const int nameNode = lookup(node, "name", &nameKey);
    const auto name = stringValue(nameNode);
    if (isNullOrMissing(nameNode) || (name && name->empty())) {
        reportAt(Severity::Error, "pool.name.missing",
                 nameNode >= 0 && !isNullOrMissing(nameNode) ? nameNode : node,
                 tr("This pool has no `name`; the runner stops at startup with \"pool must have "
                    "a name\". Add a name such as `name: gitspaces-us-west1`."));
    } else if (name) {
        const auto [it, inserted] = m_poolNames.emplace(*name, nameNode);
        if (!inserted) {
            reportAt(Severity::Error, "pool.name.duplicate", nameNode,
                     tr("Pool name `%1` is already used on line %2; the runner stops at startup "
                        "with \"pool already defined\". Give each pool its own name.")
                         .arg(q(*name))
                         .arg(m_lines.line(static_cast<std::size_t>(m_tree.node(it->second).pos))));
        }
        if (driver == "google") {
            static const QRegularExpression gcpName(QStringLiteral("^[a-z]([-a-z0-9]*[a-z0-9])?$"));
            const QString v = q(*name);
            if (v.size() > 63 || !gcpName.match(v).hasMatch()) {
                QString fixed = v.toLower();
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
                Diagnostic &d = reportAt(
                    Severity::Error, "pool.name.gcp", nameNode,
                    tr("GCP refuses `%1` as a label and in VM names: use lowercase letters, digits "
                       "and hyphens, start with a letter, at most 63 characters. VM creation "
                       "fails otherwise.")
                        .arg(v));
                d.fix = replaceFix(tr("Rename to %1").arg(fixed), nameNode,
                                   styledScalar(nameNode, fixed.toStdString()));
            }
        }
    }

    // platform, after the driver's defaults.
    const int platform = lookup(node, "platform");
    std::string os =
        stringValue(platform >= 0 ? lookup(platform, "os") : -1).value_or(std::string());
    std::string arch =
        stringValue(platform >= 0 ? lookup(platform, "arch") : -1).value_or(std::string());
    if (driver == "google" || driver == "amazon" || driver == "digitalocean") {
        if (os.empty())
            os = "linux";
    } else if (driver == "azure") {
        if (os.empty())
            os = "windows";
    } else if (driver == "anka" || driver == "ankabuild" || driver == "vmfusion") {
        if (os.empty())
            os = "darwin";
    }
    if (arch.empty() && !driver.empty() && driver != "noop" && driver != "nomad")
        arch = "amd64";
    if (!driver.empty())
        checkPlatform(node, driver, os, arch);

    // pool and limit, normalised silently by the runner.
    int poolKey = -1, limitKey = -1;
    const int poolNode = lookup(node, "pool", &poolKey);
    const int limitNode = lookup(node, "limit", &limitKey);
    long long pool = intValue(poolNode).value_or(0);
    long long limit = intValue(limitNode).value_or(0);
    if (pool < 0) {
        Diagnostic &d =
            reportAt(Severity::Warning, "pool.pool.negative", poolNode,
                     tr("`pool: %1` is treated as 0 (no warm VMs). Write 0.").arg(pool));
        d.fix = replaceFix(tr("Set pool to 0"), poolNode, "0");
        pool = 0;
    }
    if (limitNode >= 0 && !isNullOrMissing(limitNode) && intValue(limitNode) && limit <= 0) {
        reportAt(Severity::Note, "pool.limit.default", limitNode,
                 tr("`limit: %1` means the default, 100 VMs.").arg(limit));
    }
    if (limit <= 0)
        limit = 100;
    if (pool > limit) {
        Diagnostic &d = reportAt(
            Severity::Warning, "pool.limit.raised",
            limitNode >= 0 && intValue(limitNode) ? limitNode : poolNode,
            tr("`pool: %1` is more than `limit: %2`; the runner silently raises the limit to %1. "
               "Lower `pool` or raise `limit`.")
                .arg(pool)
                .arg(limit));
        if (limitNode >= 0 && intValue(limitNode))
            d.fix = replaceFix(tr("Set limit to %1").arg(pool), limitNode, std::to_string(pool));
        limit = pool;
    }

    const int tenants = lookup(node, "tenants");
    if (tenants >= 0 && !driver.empty())
        checkTenants(tenants, driver, node);

    if (driver == "google" && spec >= 0) {
        const YamlNode *sn = resolved(spec);
        if (sn && sn->kind == NodeKind::Mapping)
            checkGoogle(node, spec, specKey, name.value_or(std::string()), os, arch);
        else if (sn && (sn->kind == NodeKind::Null || typeOf(spec) == ScalarType::Null))
            reportAt(Severity::Error, "pool.google.projectId", specKey >= 0 ? specKey : node,
                     tr("`spec` is empty: the google driver needs `account.project_id` and the "
                        "runner stops at startup without it."));
    }
    if (!driver.empty() && !isGitspacesDriver(driver)) {
        reportAt(Severity::Note, "pool.gitspaces.driver", typeNode,
                 tr("Gitspaces run only on google, amazon and nomad pools; Harness cannot start a "
                    "Gitspace on this %1 pool.")
                     .arg(q(driver)));
    }

    // The row for the pools table.
    PoolRow row;
    row.name = q(name.value_or(std::string()));
    row.type = q(typeValue.value_or(std::string()));
    row.platform = os.empty() && arch.empty() ? QString() : q(os) + QLatin1Char('/') + q(arch);
    row.pool = static_cast<int>(std::min<long long>(pool, 1 << 30));
    row.limit = static_cast<int>(std::min<long long>(limit, 1 << 30));
    row.line = m_lines.line(static_cast<std::size_t>(rangeOf(node).first));
    auto specString = [&](std::initializer_list<std::string_view> keys) -> QString {
        int cur = spec;
        for (std::string_view k : keys) {
            if (cur < 0)
                return {};
            cur = lookup(cur, k);
        }
        return q(stringValue(cur).value_or(std::string()));
    };
    auto specList = [&](std::string_view key) {
        QStringList out;
        const YamlNode *l = resolved(spec >= 0 ? lookup(spec, key) : -1);
        if (l && l->kind == NodeKind::Sequence) {
            for (int i = 0; i < l->childCount; ++i)
                out << q(stringValue(m_tree.child(*l, i)).value_or(std::string()));
        }
        return out;
    };
    if (driver == "google") {
        row.machineType = specString({"machine_type"});
        if (row.machineType.isEmpty())
            row.machineType = QStringLiteral("n1-standard-1");
        row.zones = specList("zone");
        if (row.zones.isEmpty())
            row.zones << QStringLiteral("us-central1-a");
        row.image = specString({"image"});
    } else if (driver == "amazon") {
        row.machineType = specString({"size"});
        row.image = specString({"ami"});
        const QString az = specString({"account", "availability_zone"});
        if (!az.isEmpty())
            row.zones << az;
    } else if (driver == "azure") {
        row.machineType = specString({"size"});
        row.zones = specList("zones");
        row.image = specString({"image", "id"});
        if (row.image.isEmpty()) {
            const QStringList parts = {specString({"image", "publisher"}),
                                       specString({"image", "offer"}), specString({"image", "sku"}),
                                       specString({"image", "version"})};
            row.image = parts.join(QLatin1Char(':'));
            if (row.image == QLatin1String(":::"))
                row.image.clear();
        }
    } else if (driver == "digitalocean") {
        row.machineType = specString({"size"});
        row.image = specString({"image"});
        const QString region = specString({"account", "region"});
        if (!region.isEmpty())
            row.zones << region;
    } else if (driver == "nomad") {
        const QString cpus = specString({"vm", "cpus"});
        const QString mem = specString({"vm", "mem_gb"});
        if (!cpus.isEmpty() || !mem.isEmpty())
            row.machineType = tr("%1 CPU, %2 GB").arg(cpus, mem);
        row.image = specString({"vm", "image"});
    } else if (driver == "anka" || driver == "ankabuild") {
        row.image = specString({"vm_id"});
    } else if (driver == "vmfusion") {
        row.image = specString({"iso"});
    }
    m_report.pools.append(row);
}

PoolReport Validator::run()
{
    // 1. Cheap byte checks first: they decide whether yaml-cpp may see the text at all.
    if (m_size > static_cast<std::size_t>(kMaxPoolFileBytes)) {
        report(Severity::Error, "pool.yaml.tooLarge", 0, 0,
               tr("The file is %1 MiB; a pool file is a few KiB. Is this the right file? (Files "
                  "over %2 MiB are not checked.)")
                   .arg(static_cast<double>(m_size) / 1048576.0, 0, 'f', 1)
                   .arg(kMaxPoolFileBytes / 1048576));
        finish();
        return std::move(m_report);
    }
    int bom = 0;
    if (m_size >= 3 && std::memcmp(m_data, "\xEF\xBB\xBF", 3) == 0)
        bom = 3;
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
        finish();
        return std::move(m_report);
    }
    if (const int deep = findExcessiveNesting(m_data, m_size, kMaxNestingDepth); deep >= 0) {
        report(Severity::Error, "pool.yaml.tooDeep", deep,
               static_cast<qsizetype>(
                   lineSpan(m_data, m_size, static_cast<std::size_t>(deep)).second) -
                   deep,
               tr("Values nest more than %1 levels deep here; a pool file needs fewer than 10. "
                  "The file is not checked further.")
                   .arg(kMaxNestingDepth));
        finish();
        return std::move(m_report);
    }

    // 2. YAML.
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
        if (firstDocument) {
            finish();
            return std::move(m_report);
        }
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

    // 3. The pool file as encoding/json decodes it.
    const int root = m_tree.documentRoots.empty() ? -1 : m_tree.documentRoots[0];
    const YamlNode *r = resolved(root);
    if (!r || r->kind == NodeKind::Null || typeOf(root) == ScalarType::Null) {
        report(Severity::Warning, "pool.instances.none", 0, 0,
               tr("The file is empty: the runner starts with no pools and Gitspaces cannot run. "
                  "Use the pool.yaml Terraform generated."));
        finish();
        return std::move(m_report);
    }
    if (r->kind != NodeKind::Mapping) {
        reportAt(Severity::Error, "pool.value.type", root,
                 tr("A pool file is a mapping with `version` and `instances`; this is a %1. The "
                    "runner stops at startup.")
                     .arg(r->kind == NodeKind::Sequence ? tr("list") : tr("single value")));
        finish();
        return std::move(m_report);
    }
    if (!m_budgetReported) {
        const Path top{};
        checkMapping(root, m_schema.root, top);
    }
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
    finish();
    return std::move(m_report);
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
    const LineIndex &index = m_lines;
    for (Diagnostic &d : ds) {
        const auto start = index.position(static_cast<std::size_t>(d.offset));
        auto end = start;
        if (d.length > 0) {
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
        }
        d.line = start.first;
        d.column = start.second;
        d.endLine = end.first;
        d.endColumn = end.second;
    }
}

} // namespace

PoolReport validatePool(const QByteArray &text, const ValidateOptions &options)
{
    Validator validator(text, options);
    return validator.run();
}

} // namespace gs::pool
