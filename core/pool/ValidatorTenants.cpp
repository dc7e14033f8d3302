// A pool's `tenants`: per-account specs the runner builds at startup, and stops on if they clash.
#include "PoolValidatorImpl.h"

namespace gs::pool {

using namespace detail;

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
    TenantIds seen;
    const Shape *specShape = m_schema.driverSpec(driver);
    for (int t = 0; t < list->childCount; ++t)
        checkTenant(m_tree.child(*list, t), t, specShape, seen);
    checkGroupCollisions(*list, seen);
}

void Validator::checkTenant(int tenant, int index, const Shape *specShape, TenantIds &seen)
{
    const YamlNode *tn = resolved(tenant);
    if (!tn || tn->kind != NodeKind::Mapping)
        return;
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
        return;
    }
    const int groupNode = lookup(tenant, "group_id");
    const std::string group = stringValue(groupNode).value_or(std::string());
    const int firstId = m_tree.child(*idsNode, 0);
    const std::string id = group.empty() ? stringValue(firstId).value_or(std::string()) : group;
    checkTenantId(group.empty() ? firstId : groupNode, id, seen);
    if (!group.empty())
        seen.groupIds.emplace_back(group, groupNode);
    checkTenantAccounts(*idsNode, index, seen);
}

// The tenant id: `group_id`, else the first of `ids`.
void Validator::checkTenantId(int idNode, const std::string &id, TenantIds &seen)
{
    if (id.empty()) {
        reportAt(Severity::Error, "pool.tenant.id", idNode,
                 tr("The tenant id (`group_id`, else the first of `ids`) is empty; the runner "
                    "stops at startup."));
    } else if (id == "default") {
        reportAt(Severity::Error, "pool.tenant.id", idNode,
                 tr("`default` is reserved for the pool's own spec; pick another "
                    "tenant id."));
    } else if (const auto it = seen.ids.find(id); it != seen.ids.end()) {
        reportAt(Severity::Error, "pool.tenant.duplicate", idNode,
                 tr("Tenant id `%1` is used twice in this pool (first on line %2); the runner "
                    "stops at startup.")
                     .arg(q(id))
                     .arg(lineOf(it->second)));
    } else {
        seen.ids.emplace(id, idNode);
    }
}

void Validator::checkTenantAccounts(const YamlNode &ids, int index, TenantIds &seen)
{
    for (int i = 0; i < ids.childCount; ++i) {
        const int acc = m_tree.child(ids, i);
        const auto account = stringValue(acc);
        if (!account || account->empty())
            continue;
        const auto [it, inserted] = seen.accountOf.emplace(*account, index);
        if (!inserted && it->second != index) {
            reportAt(Severity::Error, "pool.tenant.account", acc,
                     tr("Account `%1` is mapped to more than one tenant; the runner stops at "
                        "startup. Keep it in one tenant.")
                         .arg(q(*account)));
        }
    }
}

void Validator::checkGroupCollisions(const YamlNode &tenants, const TenantIds &seen)
{
    for (const auto &[group, node] : seen.groupIds) {
        const auto it = seen.accountOf.find(group);
        if (it == seen.accountOf.end())
            continue;
        // Colliding with its own members is fine; with another tenant's member it is not.
        const std::string own = stringValue(node).value_or(std::string());
        bool ownMember = false;
        for (int t = 0; t < tenants.childCount; ++t) {
            const int tenant = m_tree.child(tenants, t);
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

} // namespace gs::pool
