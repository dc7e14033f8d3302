#include "YamlDocument.h"

#include "PoolText.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>

namespace gs::pool::detail {

namespace {

// Reads straight from the caller's buffer: no copy of a multi-MiB file.
class MemoryBuffer : public std::streambuf
{
public:
    MemoryBuffer(const char *data, std::size_t size)
    {
        char *begin = const_cast<char *>(data); // streambuf wants char*, it only reads
        setg(begin, begin, begin + size);
    }
};

struct StopParsing
{
    int pos;
    const char *what = "unexpected character";
};

class TreeBuilder : public YAML::EventHandler
{
public:
    TreeBuilder(YamlTree &tree, const char *data, std::size_t size, int bomLength)
        : m_tree(tree)
        , m_data(data)
        , m_size(size)
        , m_bom(bomLength)
    {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        // yaml-cpp 0.7 never consumes a stray ',' (or ']', '}') at the top level and reports
        // empty documents there forever: stop when a document does not move forward.
        if (!m_tree.documentStarts.empty() && m_tree.documentStarts.back() == mark.pos + m_bom &&
            m_tree.documentRoots.back() >= 0 &&
            m_tree.node(m_tree.documentRoots.back()).kind == NodeKind::Null)
            throw StopParsing{mark.pos + m_bom};
        m_tree.documentRoots.push_back(-1);
        m_tree.documentStarts.push_back(mark.pos + m_bom);
        m_tree.documentNodeBegin.push_back(static_cast<int>(m_tree.nodes.size()));
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        YamlNode n;
        n.kind = NodeKind::Null;
        n.pos = nullPosition(mark.pos + m_bom);
        remember(anchor, add(std::move(n)));
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        YamlNode n;
        n.pos = mark.pos + m_bom;
        const int target = anchor < m_anchors.size() ? m_anchors[anchor] : -1;
        const bool open = std::any_of(m_stack.begin(), m_stack.end(),
                                      [target](const Frame &f) { return f.node == target; });
        if (target < 0 || open) {
            // yaml.v2 refuses an anchor that contains itself; yaml-cpp lets it through.
            m_tree.recursiveAliases.push_back(n.pos);
            n.kind = NodeKind::Null;
        } else {
            n.kind = NodeKind::Alias;
            n.target = target;
        }
        add(std::move(n));
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        YamlNode n;
        n.kind = NodeKind::Scalar;
        n.pos = mark.pos + m_bom;
        if (tag == "!")
            checkQuoteClosed(n.pos);
        n.plain = tag == "?";
        if (tag != "?" && tag != "!")
            n.tag = tag;
        n.value = value;
        remember(anchor, add(std::move(n)));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(NodeKind::Sequence, mark, tag, anchor, style);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(NodeKind::Mapping, mark, tag, anchor, style);
    }
    void OnMapEnd() override { close(); }

    // Collections left open by a syntax error still get their children.
    void finish()
    {
        while (!m_stack.empty())
            close();
    }

private:
    struct Frame
    {
        int node;
        std::vector<int> kids;
    };

    int add(YamlNode &&n)
    {
        if (m_tree.nodes.size() > 4 * m_size + 64)
            throw StopParsing{n.pos}; // more nodes than the text can hold: a parser loop
        n.inFlow = m_flowDepth > 0;
        const int index = static_cast<int>(m_tree.nodes.size());
        m_tree.nodes.push_back(std::move(n));
        if (!m_stack.empty())
            m_stack.back().kids.push_back(index);
        else if (!m_tree.documentRoots.empty() && m_tree.documentRoots.back() < 0)
            m_tree.documentRoots.back() = index;
        const NodeKind kind = m_tree.nodes.back().kind;
        if (kind != NodeKind::Sequence && kind != NodeKind::Mapping)
            m_tree.completionOrder.push_back(index);
        return index;
    }
    void remember(YAML::anchor_t anchor, int index)
    {
        if (anchor == 0)
            return;
        if (m_anchors.size() <= anchor)
            m_anchors.resize(anchor + 1, -1);
        m_anchors[anchor] = index;
    }
    void open(NodeKind kind, const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
              YAML::EmitterStyle::value style)
    {
        YamlNode n;
        n.kind = kind;
        n.pos = mark.pos + m_bom;
        n.flowStyle = style == YAML::EmitterStyle::Flow;
        if (tag != "?" && tag != "!")
            n.tag = tag;
        const int index = add(std::move(n));
        remember(anchor, index);
        Frame frame{index, {}};
        if (!m_spare.empty()) {
            frame.kids = std::move(m_spare.back());
            m_spare.pop_back();
        }
        m_stack.push_back(std::move(frame));
        if (m_tree.nodes[static_cast<std::size_t>(index)].flowStyle)
            ++m_flowDepth;
    }
    void close()
    {
        Frame &frame = m_stack.back();
        YamlNode &n = m_tree.nodes[static_cast<std::size_t>(frame.node)];
        n.childBegin = static_cast<int>(m_tree.children.size());
        n.childCount = static_cast<int>(frame.kids.size());
        m_tree.children.insert(m_tree.children.end(), frame.kids.begin(), frame.kids.end());
        if (n.flowStyle)
            --m_flowDepth;
        m_tree.completionOrder.push_back(frame.node);
        frame.kids.clear();
        m_spare.push_back(std::move(frame.kids));
        m_stack.pop_back();
    }

    // yaml-cpp marks an empty value at the next token, often on a later line; point at the
    // indicator (the ':' or '-') that introduced it instead.
    int nullPosition(int pos) const
    {
        if (pos < 0 || static_cast<std::size_t>(pos) >= m_size)
            return std::max(0, std::min(pos, static_cast<int>(m_size)));
        const char c = m_data[pos];
        if (c == '~' || c == 'n' || c == 'N')
            return pos; // an explicit null
        std::size_t i = static_cast<std::size_t>(pos);
        while (i > 0) {
            const char d = m_data[i - 1];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r') {
                --i;
                continue;
            }
            // Skip a comment at the end of the previous line.
            std::size_t lineStart = i - 1;
            while (lineStart > 0 && m_data[lineStart - 1] != '\n')
                --lineStart;
            std::size_t hash = lineStart;
            while (hash < i - 1 &&
                   !(m_data[hash] == '#' && (hash == lineStart || m_data[hash - 1] == ' ')))
                ++hash;
            if (hash < i - 1 || (m_data[hash] == '#' && hash == i - 1 &&
                                 (hash == lineStart || m_data[hash - 1] == ' '))) {
                if (hash == lineStart)
                    return pos;
                i = hash;
                continue;
            }
            return static_cast<int>(i - 1);
        }
        return pos;
    }

    // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the file; yaml.v2 does not.
    void checkQuoteClosed(int pos) const
    {
        if (pos < 0 || static_cast<std::size_t>(pos) >= m_size)
            return;
        pos = static_cast<int>(skipProperties(m_data, m_size, static_cast<std::size_t>(pos)));
        if (static_cast<std::size_t>(pos) >= m_size)
            return;
        const char quote = m_data[pos];
        if (quote != '"' && quote != '\'')
            return;
        for (std::size_t i = static_cast<std::size_t>(pos) + 1; i < m_size; ++i) {
            if (quote == '"' && m_data[i] == '\\') {
                ++i;
            } else if (m_data[i] == quote) {
                if (quote == '\'' && i + 1 < m_size && m_data[i + 1] == '\'')
                    ++i;
                else
                    return;
            }
        }
        throw StopParsing{pos, "unterminated quoted string: the closing quote is missing"};
    }

    YamlTree &m_tree;
    const char *m_data;
    std::size_t m_size;
    int m_bom;
    int m_flowDepth = 0;
    std::vector<Frame> m_stack;
    std::vector<std::vector<int>> m_spare; // reused child lists: fewer allocations
    std::vector<int> m_anchors;
};

bool isDigitIn(char c, int base)
{
    if (base == 16)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return c >= '0' && c < '0' + base;
}

// strconv.ParseInt(s, 0, 64) syntax (range ignored: a huge number is still a number).
bool looksLikeGoInt(const std::string &s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size())
        return false;
    int base = 10;
    if (s[i] == '0' && i + 1 < s.size()) {
        const char p = s[i + 1];
        if (p == 'x' || p == 'X') {
            base = 16;
            i += 2;
        } else if (p == 'o' || p == 'O') {
            base = 8;
            i += 2;
        } else if (p == 'b' || p == 'B') {
            base = 2;
            i += 2;
        } else {
            base = 8;
            i += 1;
        }
    }
    if (i >= s.size())
        return base == 8; // "0" then nothing: that was the plain zero
    for (; i < s.size(); ++i) {
        if (!isDigitIn(s[i], base))
            return false;
    }
    return true;
}

// yaml.v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool looksLikeYamlFloat(const std::string &s)
{
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

bool looksLikeGoFloat(const std::string &s)
{
    // strconv.ParseFloat for the '.' hint: a decimal float, or the specials.
    return looksLikeYamlFloat(s);
}

} // namespace

YamlTree parseYaml(const char *data, std::size_t size, int bomLength)
{
    YamlTree tree;
    tree.nodes.reserve(size / 12 + 16);
    tree.children.reserve(size / 12 + 16);
    MemoryBuffer buffer(data + bomLength, size - static_cast<std::size_t>(bomLength));
    std::istream in(&buffer);
    TreeBuilder builder(tree, data, size, bomLength);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const YAML::Exception &e) {
        tree.failed = true;
        tree.errorPos = e.mark.is_null() ? 0 : e.mark.pos + bomLength;
        tree.errorMessage = e.msg;
        tree.errorDocument = std::max(0, static_cast<int>(tree.documentRoots.size()) - 1);
        builder.finish();
    } catch (const StopParsing &stuck) {
        tree.failed = true;
        tree.errorPos = stuck.pos;
        tree.errorMessage = stuck.what;
        tree.errorDocument = 0;
        builder.finish();
    } catch (const std::exception &e) {
        tree.failed = true;
        tree.errorPos = 0;
        tree.errorMessage = e.what();
        builder.finish();
    }
    return tree;
}

ScalarType resolvePlainScalar(const std::string &v)
{
    if (v.empty())
        return ScalarType::Null;
    switch (v[0]) {
    case '~':
    case 'n':
    case 'N':
        if (v == "~" || v == "null" || v == "Null" || v == "NULL")
            return ScalarType::Null;
        if (v == "n" || v == "N" || v == "no" || v == "No" || v == "NO")
            return ScalarType::Bool;
        return ScalarType::String;
    case 'y':
    case 'Y':
        if (v == "y" || v == "Y" || v == "yes" || v == "Yes" || v == "YES")
            return ScalarType::Bool;
        return ScalarType::String;
    case 't':
    case 'T':
        if (v == "true" || v == "True" || v == "TRUE")
            return ScalarType::Bool;
        return ScalarType::String;
    case 'f':
    case 'F':
        if (v == "false" || v == "False" || v == "FALSE")
            return ScalarType::Bool;
        return ScalarType::String;
    case 'o':
    case 'O':
        if (v == "on" || v == "On" || v == "ON" || v == "off" || v == "Off" || v == "OFF")
            return ScalarType::Bool;
        return ScalarType::String;
    case '<':
        return v == "<<" ? ScalarType::Merge : ScalarType::String;
    case '.':
        if (v == ".inf" || v == ".Inf" || v == ".INF" || v == ".nan" || v == ".NaN" || v == ".NAN")
            return ScalarType::Float;
        return looksLikeGoFloat(v) ? ScalarType::Float : ScalarType::String;
    case '+':
    case '-':
        if (v == "+.inf" || v == "+.Inf" || v == "+.INF" || v == "-.inf" || v == "-.Inf" ||
            v == "-.INF")
            return ScalarType::Float;
        [[fallthrough]];
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': {
        std::string plain;
        plain.reserve(v.size());
        for (char c : v) {
            if (c != '_')
                plain.push_back(c);
        }
        if (looksLikeGoInt(plain))
            return ScalarType::Int;
        if (looksLikeYamlFloat(plain))
            return ScalarType::Float;
        return ScalarType::String;
    }
    default:
        return ScalarType::String;
    }
}

namespace {

// findExcessiveNesting's line scan, with what stays open from one line to the next.
class NestingScan
{
public:
    explicit NestingScan(const char *data)
        : m_data(data)
    {}

    // The depth the line reaches: its block indentation, the "- " and "key:" on it, and flow
    // brackets. -1 for a line that opens nothing (blank, a comment, inside a block scalar).
    int lineDepth(std::size_t lineStart, std::size_t lineEnd);

private:
    // From the line's first non-space character `i`: `depth` plus what the line's own tokens
    // add, plus the deepest flow nesting reached on it.
    int scanTokens(std::size_t lineStart, std::size_t i, std::size_t lineEnd, int indent,
                   int depth);
    // At `i` inside a quoted scalar: steps over an escape or a doubled quote, or closes it.
    void stepInQuote(std::size_t &i, std::size_t lineEnd);

    const char *m_data;
    std::vector<int> m_indents; // block indentation levels currently open
    int m_flowDepth = 0;
    char m_quote = 0;             // inside a quoted scalar that spans lines
    int m_blockScalarIndent = -1; // inside a | or > scalar: lines indented more than this
};

int NestingScan::lineDepth(std::size_t lineStart, std::size_t lineEnd)
{
    std::size_t i = lineStart;
    while (i < lineEnd && m_data[i] == ' ')
        ++i;
    const int indent = static_cast<int>(i - lineStart);
    const bool blank = i >= lineEnd || m_data[i] == '\r' || m_data[i] == '#';
    if (m_blockScalarIndent >= 0) {
        if (blank || indent > m_blockScalarIndent)
            return -1;
        m_blockScalarIndent = -1;
    }
    if (blank && m_quote == 0)
        return -1;
    if (m_quote == 0 && m_flowDepth == 0) {
        while (!m_indents.empty() && m_indents.back() >= indent)
            m_indents.pop_back();
        m_indents.push_back(indent);
    }
    return scanTokens(lineStart, i, lineEnd, indent, static_cast<int>(m_indents.size()));
}

void NestingScan::stepInQuote(std::size_t &i, std::size_t lineEnd)
{
    const char c = m_data[i];
    if (m_quote == '"' && c == '\\') {
        ++i;
    } else if (c == m_quote) {
        if (m_quote == '\'' && i + 1 < lineEnd && m_data[i + 1] == '\'')
            ++i;
        else
            m_quote = 0;
    }
}

int NestingScan::scanTokens(std::size_t lineStart, std::size_t i, std::size_t lineEnd, int indent,
                            int depth)
{
    const char *data = m_data;
    bool valueStart = true; // at a place where a node may begin
    bool sawColon = false;
    int maxFlow = m_flowDepth;
    for (; i < lineEnd; ++i) {
        const char c = data[i];
        if (m_quote != 0) {
            stepInQuote(i, lineEnd);
            continue;
        }
        const bool spaceAfter =
            i + 1 >= lineEnd || data[i + 1] == ' ' || data[i + 1] == '\r' || data[i + 1] == '\t';
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        if (c == '#' && (i == lineStart || data[i - 1] == ' ' || data[i - 1] == '\t'))
            break;
        if (valueStart && (c == '"' || c == '\'')) {
            m_quote = c;
            valueStart = false;
            continue;
        }
        if (m_flowDepth == 0 && valueStart && (c == '-' || c == '?') && spaceAfter) {
            ++depth; // "- - - x" nests without new lines
            continue;
        }
        if (m_flowDepth == 0 && valueStart && (c == '|' || c == '>')) {
            m_blockScalarIndent = indent;
            break;
        }
        if (c == '[' || c == '{') {
            if (m_flowDepth > 0 || valueStart) {
                ++m_flowDepth;
                maxFlow = std::max(maxFlow, m_flowDepth);
                valueStart = true;
                continue;
            }
        } else if ((c == ']' || c == '}') && m_flowDepth > 0) {
            --m_flowDepth;
            valueStart = false;
            continue;
        } else if (c == ',' && m_flowDepth > 0) {
            valueStart = true;
            continue;
        } else if (c == ':' && spaceAfter) {
            if (m_flowDepth == 0 && !sawColon) {
                sawColon = true;
                ++depth;
            }
            valueStart = true;
            continue;
        }
        if (c == '&' || c == '!') {
            while (i + 1 < lineEnd && data[i + 1] != ' ')
                ++i; // an anchor or tag; a node may still start after it
            continue;
        }
        valueStart = false;
    }
    return depth + maxFlow;
}

} // namespace

int findExcessiveNesting(const char *data, std::size_t size, int maxDepth)
{
    NestingScan scan(data);
    std::size_t lineStart = 0;
    while (lineStart < size) {
        std::size_t lineEnd = lineStart;
        while (lineEnd < size && data[lineEnd] != '\n')
            ++lineEnd;
        if (const int depth = scan.lineDepth(lineStart, lineEnd); depth >= 0 && depth > maxDepth)
            return static_cast<int>(lineStart);
        lineStart = lineEnd + 1;
    }
    return -1;
}

} // namespace gs::pool::detail

namespace gs::pool::detail {

namespace {

bool sameKey(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) {
                   return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
               };
               return lower(x) == lower(y);
           });
}

int lookupIn(const YamlTree &tree, int map, const std::string &key, int *keyNode, int depth)
{
    map = tree.resolve(map);
    if (map < 0 || depth > 32 || tree.node(map).kind != NodeKind::Mapping)
        return -1;
    const YamlNode &n = tree.node(map);
    int found = -1;
    std::vector<int> merges;
    for (int i = 0; i + 1 < n.childCount; i += 2) {
        const YamlNode &k = tree.node(tree.resolve(tree.child(n, i)));
        if (k.kind != NodeKind::Scalar)
            continue;
        if (k.plain && k.value == "<<") {
            merges.push_back(tree.child(n, i + 1));
        } else if (sameKey(k.value, key)) {
            found = tree.child(n, i + 1);
            if (keyNode)
                *keyNode = tree.child(n, i);
        }
    }
    if (found >= 0)
        return found;
    for (int m : merges) {
        const int mr = tree.resolve(m);
        if (mr >= 0 && tree.node(mr).kind == NodeKind::Sequence) {
            const YamlNode &seq = tree.node(mr);
            for (int i = 0; i < seq.childCount && found < 0; ++i)
                found = lookupIn(tree, tree.child(seq, i), key, keyNode, depth + 1);
        } else {
            found = lookupIn(tree, m, key, keyNode, depth + 1);
        }
        if (found >= 0)
            return found;
    }
    return -1;
}

} // namespace

int mappingLookup(const YamlTree &tree, int map, const std::string &key, int *keyNode)
{
    return lookupIn(tree, map, key, keyNode, 0);
}

} // namespace gs::pool::detail
