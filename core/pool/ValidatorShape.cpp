// The schema-driven checks: every value against the Go type the runner decodes it into, unknown
// and repeated keys, and the alias expansion yaml.v2 refuses.
#include "PoolValidatorImpl.h"

#include <cmath>

namespace gs::pool {

using namespace detail;

namespace {

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

// Expanded size of the first document and how many of its values come through aliases.
struct Expansion
{
    bool anyAlias = false;
    double values = 0.0;
    double aliased = 0.0;
};

Expansion expansionOf(const YamlTree &tree)
{
    Expansion out;
    // Every node's size, in completion order (children and alias targets first).
    std::vector<double> expanded(tree.nodes.size(), 1.0), aliases(tree.nodes.size(), 0.0);
    for (int i : tree.completionOrder) {
        const YamlNode &n = tree.node(i);
        const auto ui = static_cast<std::size_t>(i);
        if (n.kind == NodeKind::Alias) {
            out.anyAlias = true;
            expanded[ui] = 1.0 + expanded[static_cast<std::size_t>(n.target)];
            aliases[ui] = 1.0 + aliases[static_cast<std::size_t>(n.target)];
        } else if (n.kind == NodeKind::Sequence || n.kind == NodeKind::Mapping) {
            double e = 1.0, a = 0.0;
            for (int c = 0; c < n.childCount; ++c) {
                const auto ci = static_cast<std::size_t>(tree.child(n, c));
                e += expanded[ci];
                a += aliases[ci];
            }
            expanded[ui] = e;
            aliases[ui] = a;
        }
    }
    if (out.anyAlias && !tree.documentRoots.empty() && tree.documentRoots[0] >= 0) {
        const auto root = static_cast<std::size_t>(tree.documentRoots[0]);
        out.values = expanded[root];
        out.aliased = aliases[root];
    } else {
        out.anyAlias = false;
    }
    return out;
}

} // namespace

bool Validator::spend()
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

void Validator::typeMismatch(int node, const Shape &shape, const Path &path)
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
    const std::optional<Fix> fix = typeMismatchFix(node, shape, message);
    Diagnostic &d = reportAt(Severity::Error, "pool.value.type", node, message);
    d.fix = fix;
}

// The repair for a scalar written directly (not through an alias); adds its hint to `message`.
std::optional<Fix> Validator::typeMismatchFix(int node, const Shape &shape, QString &message)
{
    const YamlNode *n = resolved(node);
    if (n->kind != NodeKind::Scalar || m_tree.node(m_tree.resolve(node)).kind != NodeKind::Scalar ||
        m_tree.resolve(node) != node)
        return std::nullopt;
    const ScalarType st = typeOf(node);
    const std::string &v = n->value;
    if (shape.type == ValueType::String) {
        message += tr(" Put the value in quotes.");
        return replaceFix(tr("Quote %1").arg(q(v)), node, doubleQuoted(v));
    }
    if (shape.type == ValueType::Int && st == ScalarType::String &&
        resolvePlainScalar(v) == ScalarType::Int) {
        message += tr(" Remove the quotes.");
        return replaceFix(tr("Remove the quotes"), node, v);
    }
    if (shape.type == ValueType::Bool && st == ScalarType::String &&
        (v == "true" || v == "false")) {
        message += tr(" Remove the quotes.");
        return replaceFix(tr("Remove the quotes"), node, v);
    }
    if (shape.type == ValueType::StringList) {
        const std::string item =
            st == ScalarType::String ? std::string(sourceOf(node)) : doubleQuoted(v);
        message += tr(" Write it as a list: [%1].").arg(q(item));
        return replaceFix(tr("Make it a list"), node, "[" + item + "]");
    }
    return std::nullopt;
}

// Whether a scalar decodes into a string, int or bool field.
bool Validator::fitsScalar(const YamlNode &n, ScalarType st, const Shape &shape) const
{
    if (n.kind != NodeKind::Scalar)
        return false;
    switch (shape.type) {
    case ValueType::String:
        return st == ScalarType::String;
    case ValueType::Int:
        if (st == ScalarType::Float) {
            // A whole number within int64 decodes; the range check first, as casting a double
            // outside it is undefined (the fuzzer found -1e+31).
            const double v = QByteArray::fromStdString(n.value).toDouble();
            return std::isfinite(v) && v >= -9223372036854775808.0 && v < 9223372036854775808.0 &&
                   v == std::trunc(v);
        }
        return st == ScalarType::Int;
    case ValueType::Bool:
        return st == ScalarType::Bool;
    default:
        return true;
    }
}

void Validator::checkValue(int node, const Shape &shape, const Path &path, int keyNode,
                           const Shape *misplacedHint)
{
    Q_UNUSED(keyNode)
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
    case ValueType::Int:
    case ValueType::Bool:
        if (!fitsScalar(*n, st, shape))
            typeMismatch(node, shape, path);
        return;
    case ValueType::StringList:
    case ValueType::List:
        if (n->kind != NodeKind::Sequence)
            typeMismatch(node, shape, path);
        else
            checkItems(*n, shape.type == ValueType::List ? *shape.element : m_schema.string, path);
        return;
    case ValueType::Object:
    case ValueType::StringMap:
    case ValueType::AnyMap:
        if (n->kind != NodeKind::Mapping)
            typeMismatch(node, shape, path);
        else if (shape.type == ValueType::Object)
            checkMapping(node, shape, path, misplacedHint);
        else if (shape.type == ValueType::StringMap)
            checkStringMap(node, path);
        return;
    case ValueType::Any:
        return;
    }
}

void Validator::checkItems(const YamlNode &list, const Shape &item, const Path &path)
{
    // Once the budget is spent every further checkValue returns at once: stop early.
    for (int i = 0; i < list.childCount && !m_budgetReported; ++i) {
        const Path itemPath{&path, {}, i};
        checkValue(m_tree.child(list, i), item, itemPath, -1);
    }
}

void Validator::checkStringMap(int node, const Path &path)
{
    std::vector<Pair> pairs;
    collectPairs(node, pairs, 0);
    for (const Pair &p : pairs) {
        const std::string k = keyText(p.key);
        const Path item{&path, k};
        checkValue(p.value, m_schema.string, item, p.key);
    }
}

namespace {

// The field the runner fills for `key`: an exact match first, else one ignoring case.
const Field *findField(const Shape &shape, const std::string &key)
{
    for (const Field &fl : shape.fields) {
        if (fl.key == key)
            return &fl;
    }
    for (const Field &fl : shape.fields) {
        if (equalsIgnoreCase(fl.key, key))
            return &fl;
    }
    return nullptr;
}

} // namespace

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
        const Field *field = findField(shape, key);
        const Path child{&path, key};
        if (!field) {
            reportUnknownKey(p, key, shape, child, misplacedHint);
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
        reportFieldStatus(p, *field, child);
        checkValue(p.value, *field->shape, child, p.key);
    }
}

void Validator::reportUnknownKey(const Pair &p, const std::string &key, const Shape &shape,
                                 const Path &child, const Shape *misplacedHint)
{
    if (shape.open || (&shape == &m_schema.root && key.rfind("x-", 0) == 0))
        return;
    std::vector<std::string_view> names;
    names.reserve(shape.fields.size());
    for (const Field &fl : shape.fields)
        names.push_back(fl.key);
    const std::string guess = suggestion(key, names);
    const QString where = child.toString();
    if (!guess.empty()) {
        Diagnostic &d = reportAt(
            Severity::Warning, "pool.key.unknown", p.key,
            tr("Unknown key `%1`: the runner ignores it. Did you mean `%2`?").arg(where, q(guess)));
        d.fix = replaceFix(tr("Rename to %1").arg(q(guess)), p.key, styledScalar(p.key, guess));
        return;
    }
    const bool misplaced = misplacedHint && findField(*misplacedHint, key) != nullptr;
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
}

void Validator::reportFieldStatus(const Pair &p, const Field &field, const Path &child)
{
    if (field.status == FieldStatus::Ignored && field.why && *field.why) {
        reportAt(Severity::Warning, "pool.key.ignored", p.key,
                 tr("`%1` is ignored by the runner: %2.").arg(child.toString(), tr(field.why)));
    } else if (field.status == FieldStatus::Deprecated) {
        reportAt(Severity::Note, "pool.key.deprecated", p.key,
                 tr("`%1` is deprecated (the runner logs a warning but uses it); %2.")
                     .arg(child.toString(), tr(field.why)));
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
        checkDuplicateKeys(n, seen);
    }
}

void Validator::checkDuplicateKeys(const YamlNode &mapping,
                                   std::unordered_map<std::string_view, int> &seen)
{
    for (int c = 0; c + 1 < mapping.childCount; c += 2) {
        const int k = m_tree.child(mapping, c);
        const YamlNode &kn = m_tree.node(k);
        if (kn.kind != NodeKind::Scalar || (kn.plain && kn.value == "<<"))
            continue;
        const auto [it, inserted] = seen.emplace(std::string_view(kn.value), k);
        if (!inserted) {
            reportAt(Severity::Warning, "pool.key.duplicate", k,
                     tr("`%1` is repeated (first on line %2); the runner keeps only this last "
                        "value. Remove one of them.")
                         .arg(q(kn.value))
                         .arg(lineOf(it->second)));
            it->second = k;
        }
    }
}

void Validator::checkAliasing()
{
    if (m_tree.nodes.empty())
        return;
    const Expansion x = expansionOf(m_tree);
    if (!x.anyAlias)
        return;
    const double e = x.values, a = x.aliased;
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

} // namespace gs::pool
