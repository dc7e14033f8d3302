#pragma once

#include <string>
#include <vector>

// The runner's pool file types as Go's encoding/json decodes them (json tags of
// command/config/config.go at drone-runner-aws f7e1ac7). Internal to core/pool.
namespace gs::pool::detail {

enum class ValueType { Any, String, Int, Bool, StringList, Object, List, StringMap, AnyMap };
enum class FieldStatus { Normal, Ignored, Deprecated };

struct Shape;

struct Field
{
    std::string key;
    const Shape *shape = nullptr;
    FieldStatus status = FieldStatus::Normal;
    const char *why = nullptr; // for Ignored/Deprecated: what to do instead
};

struct Shape
{
    ValueType type = ValueType::Any;
    std::vector<Field> fields;      // Object
    const Shape *element = nullptr; // List
    bool open = false;              // more keys exist than listed: no unknown-key warnings
};

struct Driver
{
    const char *name;
    const Shape *spec;
};

struct Schema
{
    Shape any{ValueType::Any, {}, nullptr, false};
    Shape string{ValueType::String, {}, nullptr, false};
    Shape integer{ValueType::Int, {}, nullptr, false};
    Shape boolean{ValueType::Bool, {}, nullptr, false};
    Shape stringList{ValueType::StringList, {}, nullptr, false};
    Shape stringMap{ValueType::StringMap, {}, nullptr, false};
    Shape anyMap{ValueType::AnyMap, {}, nullptr, false};

    Shape root, instances, instance, platform, variants, variant, tenants, tenant;
    Shape google, googleAccount, googleDisk, googleNetworks, googleNetwork;
    Shape amazon, amazonAccount, amazonDisk, amazonNetwork, amazonZoneDetails, amazonZoneDetail;
    Shape azure, azureAccount, azureImage, azureNetwork;
    Shape anka, ankaBuild, userPassAccount, digitalOcean, doAccount, vmfusion, noop;
    Shape nomad, nomadServer, nomadVm, nomadAccount;

    std::vector<Driver> drivers; // the nine types the runner loads

    const Shape *driverSpec(const std::string &type) const;
    static const Schema &instance_();
};

} // namespace gs::pool::detail
