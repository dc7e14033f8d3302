#include "PoolSchema.h"

#include <QCoreApplication>

namespace gs::pool::detail {

namespace {

Field f(const char *key, const Shape &shape)
{
    return Field{key, &shape, FieldStatus::Normal, nullptr};
}
Field ignored(const char *key, const Shape &shape, const char *why)
{
    return Field{key, &shape, FieldStatus::Ignored, why};
}
Field deprecated(const char *key, const Shape &shape, const char *why)
{
    return Field{key, &shape, FieldStatus::Deprecated, why};
}
Shape object(std::vector<Field> fields, bool open = false)
{
    return Shape{ValueType::Object, std::move(fields), nullptr, open};
}
Shape list(const Shape &element)
{
    return Shape{ValueType::List, {}, &element, false};
}

// The platform and the variants, shared by instances and tenants.
void addCommonShapes(Schema &s)
{
    const Shape &str = s.string;
    const Shape &num = s.integer;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.platform = object(
        {f("os", str), f("arch", str), f("variant", str), f("version", str), f("os_name", str)});
    // types.PoolVariant embeds SetupInstanceParams, which grows often: keep it open.
    s.variant = object({f("pool", num), f("limit", num), f("variant_id", str), f("image_name", str),
                        f("machine_type", str), f("enable_nested_virtualization", flag),
                        f("hibernate", flag), f("zones", strs), f("disk_type", str),
                        f("resource_class", str), f("tenant_id", str), f("disk_size", s.any),
                        f("gpu", s.any)},
                       true);
    s.variants = list(s.variant);
}

// Google (§2.4).
void addGoogle(Schema &s)
{
    const Shape &str = s.string;
    const Shape &num = s.integer;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.googleAccount = object(
        {f("project_id", str), f("json_path", str), f("service_account_email", str),
         f("no_service_account", flag),
         ignored("scopes", strs,
                 QT_TRANSLATE_NOOP("gs::pool::Validator",
                                   "the google driver uses only `spec.scopes`; move the list "
                                   "there"))});
    s.googleDisk =
        object({f("size", num), f("type", str),
                ignored("tags", s.any,
                        QT_TRANSLATE_NOOP("gs::pool::Validator",
                                          "the google driver does not use disk tags")),
                ignored("iops", s.any,
                        QT_TRANSLATE_NOOP("gs::pool::Validator",
                                          "the google driver does not use disk iops")),
                ignored("kms_key_id", s.any,
                        QT_TRANSLATE_NOOP("gs::pool::Validator",
                                          "the google driver does not use kms_key_id"))});
    s.googleNetwork = object({f("network", str), f("subnetwork", str), f("tags", strs),
                              f("zones", strs), f("proxy_url", str)});
    s.googleNetworks = list(s.googleNetwork);
    s.google = object(
        {f("account", s.googleAccount),
         f("image", str),
         f("machine_type", str),
         ignored("size", str,
                 QT_TRANSLATE_NOOP("gs::pool::Validator",
                                   "the google driver reads only `machine_type`")),
         f("zone", strs),
         f("disk", s.googleDisk),
         deprecated("network", str,
                    QT_TRANSLATE_NOOP("gs::pool::Validator", "use `networks:` entries instead")),
         deprecated("subnetwork", str,
                    QT_TRANSLATE_NOOP("gs::pool::Validator", "use `networks:` entries instead")),
         f("tags", strs),
         f("networks", s.googleNetworks),
         f("private_ip", flag),
         f("scopes", strs),
         f("user_data", str),
         f("user_data_path", str),
         f("user_data_key", str),
         ignored("labels", s.stringMap,
                 QT_TRANSLATE_NOOP(
                     "gs::pool::Validator",
                     "VM labels are always {<pool name>: <pool name>}; these are not applied")),
         ignored("name", str,
                 QT_TRANSLATE_NOOP("gs::pool::Validator",
                                   "the pool's name is the instance-level `name`")),
         f("hibernate", flag),
         f("enable_nested_virtualization", flag),
         f("enable_c4d", flag),
         f("gpu", flag),
         f("egress_control", flag)});
}

// Amazon.
void addAmazon(Schema &s)
{
    const Shape &str = s.string;
    const Shape &num = s.integer;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.amazonAccount = object(
        {f("access_key_id", str), f("access_key_secret", str), f("aws_session_token", str),
         f("region", str), f("retries", num),
         deprecated("availability_zone", str,
                    QT_TRANSLATE_NOOP("gs::pool::Validator", "use `network.zone_details` instead")),
         f("key_pair_name", str)});
    s.amazonDisk = object({f("size", num), f("type", str), f("iops", s.any), f("tags", s.stringMap),
                           f("kms_key_id", str)});
    s.amazonZoneDetail = object({f("availability_zone", str), f("subnet_id", str)});
    s.amazonZoneDetails = list(s.amazonZoneDetail);
    s.amazonNetwork =
        object({f("security_groups", strs), f("vpc_security_group_ids", strs),
                deprecated("subnet_id", str,
                           QT_TRANSLATE_NOOP("gs::pool::Validator", "use `zone_details` instead")),
                f("private_ip", flag), f("zone_details", s.amazonZoneDetails)});
    s.amazon = object(
        {f("account", s.amazonAccount),
         f("name", str),
         f("size", str),
         f("size_alt", str),
         f("ami", str),
         f("vpc", str),
         f("tags", s.stringMap),
         f("type", str),
         f("user_data", str),
         f("user_data_path", str),
         f("disk", s.amazonDisk),
         f("network", s.amazonNetwork),
         f("device_name", str),
         f("iam_profile_arn", str),
         f("market_type", str),
         f("root_directory", str),
         f("hibernate", flag),
         f("user", str),
         deprecated("zone_details", s.amazonZoneDetails,
                    QT_TRANSLATE_NOOP("gs::pool::Validator", "use `network.zone_details` instead")),
         f("enable_c4d", flag)});
}

// Azure.
void addAzure(Schema &s)
{
    const Shape &str = s.string;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.azureAccount = object({f("subscription_id", str), f("client_id", str),
                             f("client_secret", str), f("tenant_id", str)});
    s.azureImage = object({f("publisher", str), f("offer", str), f("sku", str), f("version", str),
                           f("username", str), f("password", str), f("id", str)});
    s.azureNetwork = object({f("vnet_name", str), f("subnet_name", str), f("private_ip", flag)});
    s.azure = object({f("account", s.azureAccount), f("resource_group", str), f("location", str),
                      f("vm_id", str), f("root_directory", str), f("user_data", str),
                      f("user_data_key", str), f("user_data_path", str), f("image", s.azureImage),
                      f("size", str), f("zones", strs), f("tags", s.stringMap),
                      f("security_group_name", str), f("security_type", str),
                      f("network", s.azureNetwork)});
}

// Anka, Anka Build, DigitalOcean, VMware Fusion, noop, Nomad.
void addOtherDrivers(Schema &s)
{
    const Shape &str = s.string;
    const Shape &num = s.integer;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.userPassAccount = object({f("username", str), f("password", str)});
    s.anka = object({f("account", s.userPassAccount), f("vm_id", str), f("root_directory", str),
                     f("user_data", str), f("user_data_path", str)});
    s.ankaBuild = s.anka;
    for (const char *key : {"registry_url", "node_id", "tag", "auth_token", "group_id"})
        s.ankaBuild.fields.push_back(f(key, str));
    s.ankaBuild.fields.push_back(f("disk_size", s.any));
    s.doAccount = object({f("pat", str), f("region", str)});
    s.digitalOcean =
        object({f("account", s.doAccount), f("image", str), f("size", str), f("firewall_id", str),
                f("ssh_keys", strs), f("tags", strs), f("root_directory", str), f("user_data", str),
                f("user_data_path", str)});
    s.vmfusion =
        object({f("account", s.userPassAccount), f("iso", str), f("name", str), f("memory", num),
                f("cpu", num), f("v_disk_path", str), f("user_data", str), f("user_data_path", str),
                f("store_path", str), f("root_directory", str)});
    s.noop = object({f("hibernate", flag)});
    s.nomadServer = object({f("address", str), f("insecure", flag), f("ca_cert_path", str),
                            f("client_key_path", str), f("client_cert_path", str)});
    s.nomadAccount = object({f("username", str), f("password", str), f("machine_password", str)});
    s.nomadVm =
        object({f("image", str), f("mem_gb", str), f("cpus", str), f("disk_size", str),
                f("enablePinning", s.anyMap), f("noop", flag), f("resource", s.anyMap),
                f("account", s.nomadAccount), f("user_data", str), f("user_data_path", str)});
    s.nomad = object({f("server", s.nomadServer), f("vm", s.nomadVm)});
}

// The driver table and the file's own shapes: instances, tenants and the root.
void addDriversAndInstances(Schema &s)
{
    const Shape &str = s.string;
    const Shape &num = s.integer;
    const Shape &flag = s.boolean;
    const Shape &strs = s.stringList;
    s.drivers = {{"amazon", &s.amazon},
                 {"anka", &s.anka},
                 {"ankabuild", &s.ankaBuild},
                 {"azure", &s.azure},
                 {"digitalocean", &s.digitalOcean},
                 {"google", &s.google},
                 {"vmfusion", &s.vmfusion},
                 {"noop", &s.noop},
                 {"nomad", &s.nomad}};

    // The tenant's spec is typed per driver by the validator: Any here.
    s.tenant = object({f("group_id", str), f("ids", strs), f("pool", num), f("limit", num),
                       f("spec", s.any), f("variants", s.variants)});
    s.tenants = list(s.tenant);
    s.instance = object({f("name", str), f("default", flag), f("type", str), f("pool", num),
                         f("limit", num), f("platform", s.platform), f("spec", s.any),
                         f("variant_id", str), f("variants", s.variants), f("tenants", s.tenants)});
    s.instances = list(s.any); // instances are checked one by one
    s.root =
        object({f("version", str), f("instances", s.instances), ignored("timestamp", s.any, "")});
}

} // namespace

const Shape *Schema::driverSpec(const std::string &type) const
{
    for (const Driver &d : drivers) {
        if (type == d.name)
            return d.spec;
    }
    return nullptr;
}

const Schema &Schema::instance_()
{
    // Built in place: the shapes point at each other, so the Schema must never move.
    static const Schema *const schema = [] {
        auto *built = new Schema;
        Schema &s = *built;
        addCommonShapes(s);
        addGoogle(s);
        addAmazon(s);
        addAzure(s);
        addOtherDrivers(s);
        addDriversAndInstances(s);
        return built;
    }();
    return *schema;
}

} // namespace gs::pool::detail
