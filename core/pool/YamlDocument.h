#pragma once

#include <cstdint>
#include <string>
#include <vector>

// A YAML event stream turned into a flat tree that keeps every node's byte offset. yaml-cpp's
// own Node keeps no marks and expands nothing we need, so the validator builds this instead.
// Internal to core/pool: no yaml-cpp type leaks out of this header.
namespace gs::pool::detail {

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Mapping, Alias };

// How a plain scalar resolves under YAML 1.1 as gopkg.in/yaml.v2 sees it (the runner's parser).
enum class ScalarType : std::uint8_t { Null, Bool, Int, Float, String, Merge };

struct YamlNode
{
    NodeKind kind = NodeKind::Null;
    bool plain = false;     // plain scalar without an explicit tag: subject to type resolution
    bool inFlow = false;    // inside a flow collection ([...] or {...})
    bool flowStyle = false; // a collection written in flow style
    int pos = 0;            // byte offset of the node's first character
    int target = -1;        // Alias: the anchored node
    int childBegin = 0;     // index into YamlTree::children; mappings alternate key, value
    int childCount = 0;
    std::string tag;   // explicit tag ("tag:yaml.org,2002:str", "!foo"), empty if none
    std::string value; // Scalar text after YAML unescaping
};

struct YamlTree
{
    std::vector<YamlNode> nodes;
    std::vector<int> children;
    std::vector<int> documentRoots;     // -1 for an empty document
    std::vector<int> documentStarts;    // byte offsets
    std::vector<int> documentNodeBegin; // index of each document's first node
    std::vector<int> completionOrder;   // nodes in the order they were completed (post-order)
    std::vector<int> recursiveAliases;  // byte offsets of aliases that point into themselves

    bool failed = false;
    int errorPos = 0;
    int errorDocument = 0; // index of the document the error happened in
    std::string errorMessage;

    const YamlNode &node(int i) const { return nodes[static_cast<std::size_t>(i)]; }
    int child(const YamlNode &n, int i) const
    {
        return children[static_cast<std::size_t>(n.childBegin + i)];
    }
    // Follows aliases to the node they stand for.
    int resolve(int i) const
    {
        for (int hops = 0; i >= 0 && node(i).kind == NodeKind::Alias && hops < 64; ++hops)
            i = node(i).target;
        return i;
    }
};

// Parses all documents of `data` (UTF-8). Never throws; a syntax error sets failed/errorPos.
// `bomLength` is added to every offset (yaml-cpp does not count a byte-order mark).
YamlTree parseYaml(const char *data, std::size_t size, int bomLength);

ScalarType resolvePlainScalar(const std::string &value);

// Upper bound of the nesting depth, found with a cheap line scan, before yaml-cpp recurses into
// it. Returns the byte offset of the first line that goes deeper than maxDepth, or -1.
int findExcessiveNesting(const char *data, std::size_t size, int maxDepth);

} // namespace gs::pool::detail

namespace gs::pool::detail {

// The value node the runner decodes for `key` in mapping `map` (aliases followed, merge keys
// resolved, key case ignored, last one wins), or -1. Sets *keyNode to the key when found.
int mappingLookup(const YamlTree &tree, int map, const std::string &key, int *keyNode = nullptr);

} // namespace gs::pool::detail
