#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

// Byte-level helpers on the raw pool file text. Internal to core/pool.
namespace gs::pool::detail {

// Length of the token (scalar, quoted string, alias, bracket) that starts at `pos`.
int tokenLength(const char *data, std::size_t size, std::size_t pos, bool inFlow);

// A scalar as written, from the mark yaml-cpp gives (which includes &anchor and !tag): the
// start of the value itself and its length, quotes included. Plain scalars may span lines
// (matched against their parsed value); block scalars (| >) include their content lines.
std::pair<int, int> scalarRange(const char *data, std::size_t size, std::size_t pos, bool inFlow,
                                bool plain, const std::string &value);
std::size_t skipProperties(const char *data, std::size_t size, std::size_t pos);

// [start, end) of the line holding `pos`, without its line break.
std::pair<std::size_t, std::size_t> lineSpan(const char *data, std::size_t size, std::size_t pos);
bool onlySpacesBetween(const char *data, std::size_t from, std::size_t to);

std::string doubleQuoted(const std::string &value);
// True when `value` can be written as a plain YAML scalar and still reads back as that string.
bool isPlainSafe(const std::string &value);

struct ByteProblem
{
    enum Kind { None, Nul, InvalidUtf8, Control } kind = None;
    int offset = -1;
};
// The first byte the runner's YAML reader refuses (yaml.v2: UTF-8, printable characters only).
ByteProblem findByteProblem(const char *data, std::size_t size);

// Byte offset -> 1-based line and column (code points), built once per text.
class LineIndex
{
public:
    LineIndex(const char *data, std::size_t size);
    std::pair<int, int> position(std::size_t offset) const;
    int line(std::size_t offset) const { return position(offset).first; }

private:
    const char *m_data;
    std::size_t m_size;
    std::vector<std::size_t> m_starts;
    // The last answer: callers ask in increasing order, and one very long line must not make
    // every lookup count from its start again.
    mutable std::size_t m_lastOffset = 0;
    mutable int m_lastLine = 1;
    mutable int m_lastColumn = 1;
};

} // namespace gs::pool::detail
