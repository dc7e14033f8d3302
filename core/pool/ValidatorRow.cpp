// The pools table: one row per pool, with each driver's own keys for machine, zones and image.
#include "PoolValidatorImpl.h"

#include <algorithm>

namespace gs::pool {

using namespace detail;

void Validator::addRow(const InstanceFacts &pool)
{
    using Details = void (Validator::*)(PoolRow &, int) const;
    static constexpr struct
    {
        std::string_view driver;
        Details details;
    } kDrivers[] = {
        {"google", &Validator::googleRow},  {"amazon", &Validator::amazonRow},
        {"azure", &Validator::azureRow},    {"digitalocean", &Validator::digitaloceanRow},
        {"nomad", &Validator::nomadRow},    {"anka", &Validator::ankaRow},
        {"ankabuild", &Validator::ankaRow}, {"vmfusion", &Validator::vmfusionRow},
    };
    PoolRow row;
    row.name = q(pool.name.value_or(std::string()));
    row.type = q(pool.typeValue.value_or(std::string()));
    row.platform = pool.os.empty() && pool.arch.empty()
                       ? QString()
                       : q(pool.os) + QLatin1Char('/') + q(pool.arch);
    row.pool = static_cast<int>(std::min<long long>(pool.pool, 1 << 30));
    row.limit = static_cast<int>(std::min<long long>(pool.limit, 1 << 30));
    row.line = m_lines.line(static_cast<std::size_t>(rangeOf(pool.node).first));
    for (const auto &entry : kDrivers) {
        if (entry.driver == pool.driver) {
            (this->*entry.details)(row, pool.spec);
            break;
        }
    }
    m_report.pools.append(row);
}

// The text at spec.<keys...>, or empty.
QString Validator::specString(int spec, std::initializer_list<std::string_view> keys) const
{
    int cur = spec;
    for (std::string_view k : keys) {
        if (cur < 0)
            return {};
        cur = lookup(cur, k);
    }
    return q(stringValue(cur).value_or(std::string()));
}

QStringList Validator::specList(int spec, std::string_view key) const
{
    QStringList out;
    const YamlNode *l = resolved(spec >= 0 ? lookup(spec, key) : -1);
    if (l && l->kind == NodeKind::Sequence) {
        for (int i = 0; i < l->childCount; ++i)
            out << q(stringValue(m_tree.child(*l, i)).value_or(std::string()));
    }
    return out;
}

void Validator::googleRow(PoolRow &row, int spec) const
{
    row.machineType = specString(spec, {"machine_type"});
    if (row.machineType.isEmpty())
        row.machineType = QStringLiteral("n1-standard-1");
    row.zones = specList(spec, "zone");
    if (row.zones.isEmpty())
        row.zones << QStringLiteral("us-central1-a");
    row.image = specString(spec, {"image"});
}

void Validator::amazonRow(PoolRow &row, int spec) const
{
    row.machineType = specString(spec, {"size"});
    row.image = specString(spec, {"ami"});
    const QString az = specString(spec, {"account", "availability_zone"});
    if (!az.isEmpty())
        row.zones << az;
}

void Validator::azureRow(PoolRow &row, int spec) const
{
    row.machineType = specString(spec, {"size"});
    row.zones = specList(spec, "zones");
    row.image = specString(spec, {"image", "id"});
    if (row.image.isEmpty()) {
        const QStringList parts = {
            specString(spec, {"image", "publisher"}), specString(spec, {"image", "offer"}),
            specString(spec, {"image", "sku"}), specString(spec, {"image", "version"})};
        row.image = parts.join(QLatin1Char(':'));
        if (row.image == QLatin1String(":::"))
            row.image.clear();
    }
}

void Validator::digitaloceanRow(PoolRow &row, int spec) const
{
    row.machineType = specString(spec, {"size"});
    row.image = specString(spec, {"image"});
    const QString region = specString(spec, {"account", "region"});
    if (!region.isEmpty())
        row.zones << region;
}

void Validator::nomadRow(PoolRow &row, int spec) const
{
    const QString cpus = specString(spec, {"vm", "cpus"});
    const QString mem = specString(spec, {"vm", "mem_gb"});
    if (!cpus.isEmpty() || !mem.isEmpty())
        row.machineType = tr("%1 CPU, %2 GB").arg(cpus, mem);
    row.image = specString(spec, {"vm", "image"});
}

void Validator::ankaRow(PoolRow &row, int spec) const
{
    row.image = specString(spec, {"vm_id"});
}

void Validator::vmfusionRow(PoolRow &row, int spec) const
{
    row.image = specString(spec, {"iso"});
}

} // namespace gs::pool
