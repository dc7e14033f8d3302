#pragma once

// The pool validator's insides, shared by its ValidatorXxx.cpp files. Internal to core/pool.

#include "PoolSchema.h"
#include "PoolText.h"
#include "PoolValidator.h"
#include "YamlDocument.h"
#include "util/Translate.h"

#include <QCoreApplication>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gs::pool::detail {

// One translation context for every validator message (translations exist under it).
// lupdate files tr() in the Validator's members under "gs::pool::Validator" and in the free
// functions of gs::pool (expectation(), …) under "gs::pool": looked up in both.
inline QString tr(const char *text)
{
    return translateIn({"gs::pool::Validator", "gs::pool"}, text);
}

inline QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A place in the file for messages: "spec.account.project_id", "zone[1]".
struct Path
{
    const Path *parent = nullptr;
    std::string_view key;
    int index = -1;

    QString toString() const;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b);
// The closest known name for a near miss, or empty.
std::string suggestion(std::string_view key, const std::vector<std::string_view> &candidates);
const char *jsonKind(ScalarType t);

inline bool isGitspacesDriver(const std::string &t)
{
    return t == "google" || t == "amazon" || t == "nomad";
}

// What checkInstance learns about one pool, for the checks and the pools table after it.
struct InstanceFacts
{
    int node = -1;
    int typeNode = -1;
    std::optional<std::string> typeValue;
    std::string driver; // empty unless the type is a known driver
    const Shape *specShape = nullptr;
    int spec = -1;
    int specKey = -1;
    std::optional<std::string> name;
    std::string os; // after the driver's defaults
    std::string arch;
    long long pool = 0; // as the runner normalises them
    long long limit = 0;
};

// What every check of a google pool's spec needs, computed once.
struct GoogleContext
{
    int instance = -1;
    int spec = -1;
    int specKey = -1;
    int account = -1;
    int accountKey = -1;
    int specOrInstance = -1; // where findings about missing keys go
    std::string os;
    std::string arch;
    QString runnerDir; // without a trailing slash
};

// Tenant ids seen so far in one pool.
struct TenantIds
{
    std::unordered_map<std::string, int> ids;          // id -> node
    std::unordered_map<std::string, int> accountOf;    // account id -> tenant index
    std::vector<std::pair<std::string, int>> groupIds; // group_id, node
};

} // namespace gs::pool::detail

namespace gs::pool {

// Kept in gs::pool (not detail): lupdate names the translation context after this class.
class Validator
{
public:
    Validator(const QByteArray &text, const ValidateOptions &options);

    PoolReport run();

private:
    using Path = detail::Path;
    using Shape = detail::Shape;
    using ScalarType = detail::ScalarType;
    using YamlNode = detail::YamlNode;
    using InstanceFacts = detail::InstanceFacts;
    using GoogleContext = detail::GoogleContext;

    // --- diagnostics (ValidatorNodes.cpp) ------------------------------------------------
    Diagnostic &report(Severity severity, const char *code, qsizetype offset, qsizetype length,
                       const QString &message);
    Diagnostic &reportAt(Severity severity, const char *code, int node, const QString &message);

    // --- text ranges ---------------------------------------------------------------------
    std::pair<int, int> rangeOf(int index) const;
    std::string_view sourceOf(int node) const
    {
        const auto [offset, length] = rangeOf(node);
        return {m_data + offset, static_cast<std::size_t>(length)};
    }
    Fix replaceFix(const QString &title, int node, const std::string &replacement) const;
    // A scalar's new value in the style it was written in.
    std::string styledScalar(int node, const std::string &value) const;
    int lineOf(int node) const;

    // --- values --------------------------------------------------------------------------
    ScalarType typeOf(int index) const;
    const YamlNode *resolved(int index) const
    {
        index = m_tree.resolve(index);
        return index < 0 ? nullptr : &m_tree.node(index);
    }
    std::optional<std::string> stringValue(int index) const;
    std::optional<long long> intValue(int index) const;
    std::string keyText(int keyNode) const;

    // Key/value pairs of a mapping as yaml.v2 sees them: merge keys (<<) resolved, explicit
    // keys win over merged ones.
    struct Pair
    {
        int key;
        int value;
    };
    void collectPairs(int mapNode, std::vector<Pair> &out, int depth) const;
    // The value the runner decodes for `key` (case-insensitive, last one wins), or -1.
    int lookup(int mapNode, std::string_view key, int *keyNode = nullptr) const;
    bool isNullOrMissing(int node) const { return node < 0 || typeOf(node) == ScalarType::Null; }

    // --- document (PoolValidator.cpp) ----------------------------------------------------
    bool checkBytes();
    bool parse();
    void checkDocument();
    void checkInstances(int root);
    void finish();

    // --- generic, schema-driven checks (ValidatorShape.cpp) ------------------------------
    bool spend();
    void typeMismatch(int node, const Shape &shape, const Path &path);
    std::optional<Fix> typeMismatchFix(int node, const Shape &shape, QString &message);
    void checkValue(int node, const Shape &shape, const Path &path, int keyNode,
                    const Shape *misplacedHint = nullptr);
    bool fitsScalar(const YamlNode &n, ScalarType st, const Shape &shape) const;
    void checkItems(const YamlNode &list, const Shape &item, const Path &path);
    void checkStringMap(int node, const Path &path);
    void checkMapping(int node, const Shape &shape, const Path &path,
                      const Shape *misplacedHint = nullptr);
    void reportUnknownKey(const Pair &p, const std::string &key, const Shape &shape,
                          const Path &child, const Shape *misplacedHint);
    void reportFieldStatus(const Pair &p, const detail::Field &field, const Path &child);
    void checkDuplicateKeys();
    void checkDuplicateKeys(const YamlNode &mapping,
                            std::unordered_map<std::string_view, int> &seen);
    void checkAliasing();

    // --- one pool (ValidatorInstance.cpp) ------------------------------------------------
    void checkInstance(int node, int index);
    bool checkInstanceKind(int node);
    void checkType(InstanceFacts &pool);
    void checkUnknownType(int typeNode, const std::string &type);
    void checkSpec(InstanceFacts &pool);
    void checkName(InstanceFacts &pool);
    void checkGcpName(int nameNode, const std::string &name);
    void resolvePlatform(InstanceFacts &pool);
    void checkPlatform(int instance, const std::string &driver, const std::string &os,
                       const std::string &arch);
    void checkPoolAndLimit(InstanceFacts &pool);
    void checkGoogleSpec(const InstanceFacts &pool);
    void checkGitspacesDriver(const InstanceFacts &pool);

    // --- tenants (ValidatorTenants.cpp) --------------------------------------------------
    void checkTenants(int tenantsNode, const std::string &driver, int instance);
    void checkTenant(int tenant, int index, const Shape *specShape, detail::TenantIds &seen);
    void checkTenantId(int idNode, const std::string &id, detail::TenantIds &seen);
    void checkTenantAccounts(const YamlNode &ids, int index, detail::TenantIds &seen);
    void checkGroupCollisions(const YamlNode &tenants, const detail::TenantIds &seen);

    // --- google (ValidatorGoogle.cpp) ----------------------------------------------------
    void checkGoogle(int instance, int spec, int specKey, const std::string &os,
                     const std::string &arch);
    void googleProjectId(const GoogleContext &c);
    void googleJsonPath(const GoogleContext &c);
    void googleImage(const GoogleContext &c);
    bool googleImagePath(int image, const QString &v);
    void googleImageUrl(int image, const QString &v);
    void googleImageArch(int image, const QString &v, const std::string &arch);
    void googleMachineType(const GoogleContext &c);
    void googleSize(const GoogleContext &c);
    void googleZone(const GoogleContext &c);
    void googleUserDataKey(const GoogleContext &c);
    void googleUserDataPath(const GoogleContext &c);

    // --- the pools table (ValidatorRow.cpp) ----------------------------------------------
    void addRow(const InstanceFacts &pool);
    QString specString(int spec, std::initializer_list<std::string_view> keys) const;
    QStringList specList(int spec, std::string_view key) const;
    void googleRow(PoolRow &row, int spec) const;
    void amazonRow(PoolRow &row, int spec) const;
    void azureRow(PoolRow &row, int spec) const;
    void digitaloceanRow(PoolRow &row, int spec) const;
    void nomadRow(PoolRow &row, int spec) const;
    void ankaRow(PoolRow &row, int spec) const;
    void vmfusionRow(PoolRow &row, int spec) const;

    const QByteArray &m_text;
    const char *m_data;
    std::size_t m_size;
    ValidateOptions m_options;
    const detail::Schema &m_schema;
    detail::LineIndex m_lines;
    detail::YamlTree m_tree;
    Diagnostic m_overflow; // where findings go once the report is full
    PoolReport m_report;
    long m_budget = 2'000'000;
    bool m_budgetReported = false;
    std::unordered_map<std::string, int> m_poolNames; // name -> node of the first use
};

} // namespace gs::pool
