#include "PoolText.h"

#include "YamlDocument.h"

#include <algorithm>
#include <cstring>

namespace gs::pool::detail {

int tokenLength(const char *data, std::size_t size, std::size_t pos, bool inFlow)
{
    if (pos >= size)
        return 0;
    std::size_t i = pos;
    const char c = data[pos];
    auto lineEnd = [&](std::size_t from) {
        while (from < size && data[from] != '\n' && data[from] != '\r')
            ++from;
        return from;
    };
    if (c == '"') {
        for (i = pos + 1; i < size; ++i) {
            if (data[i] == '\\')
                ++i;
            else if (data[i] == '"')
                return static_cast<int>(i + 1 - pos);
        }
        return static_cast<int>(lineEnd(pos) - pos);
    }
    if (c == '\'') {
        for (i = pos + 1; i < size; ++i) {
            if (data[i] == '\'') {
                if (i + 1 < size && data[i + 1] == '\'')
                    ++i;
                else
                    return static_cast<int>(i + 1 - pos);
            }
        }
        return static_cast<int>(lineEnd(pos) - pos);
    }
    if (c == '[' || c == '{' || c == ']' || c == '}' || c == ',')
        return 1;
    if (c == '\n' || c == '\r')
        return 0;
    if (c == '*' || c == '&' || c == '!') {
        for (i = pos + 1; i < size; ++i) {
            const char d = data[i];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == ',' || d == ']' || d == '}')
                break;
        }
        return static_cast<int>(i - pos);
    }
    // A plain scalar: up to a comment, ": ", a flow indicator or the end of the line. Never
    // look further than the token itself: one line can be megabytes long.
    auto endsHere = [&](std::size_t k) {
        return k >= size || data[k] == '\n' || data[k] == '\r';
    };
    for (i = pos; !endsHere(i); ++i) {
        const char d = data[i];
        if (d == '#' && i > pos && (data[i - 1] == ' ' || data[i - 1] == '\t'))
            break;
        if (d == ':' &&
            (endsHere(i + 1) || data[i + 1] == ' ' || data[i + 1] == '\t' ||
             (inFlow && (data[i + 1] == ',' || data[i + 1] == ']' || data[i + 1] == '}'))))
            break;
        if (inFlow && (d == ',' || d == ']' || d == '}'))
            break;
    }
    while (i > pos && (data[i - 1] == ' ' || data[i - 1] == '\t'))
        --i;
    return static_cast<int>(std::max<std::size_t>(i - pos, 1));
}

std::size_t skipProperties(const char *data, std::size_t size, std::size_t pos)
{
    while (pos < size && (data[pos] == '&' || data[pos] == '!')) {
        while (pos < size && data[pos] != ' ' && data[pos] != '\t' && data[pos] != '\n' &&
               data[pos] != '\r')
            ++pos;
        while (pos < size &&
               (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' || data[pos] == '\r'))
            ++pos;
    }
    return pos;
}

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of a plain scalar whose parsed value is `value`: line breaks and indentation in the
// text fold to single spaces (or newlines) in the value. 0 when the text does not match.
std::size_t plainEnd(const char *data, std::size_t size, std::size_t start,
                     const std::string &value)
{
    std::size_t i = start;
    std::size_t j = 0;
    while (j < value.size()) {
        if (i >= size)
            return 0;
        const char v = value[j];
        if (v == ' ' || v == '\n') {
            if (!isBlank(data[i]))
                return 0;
            while (i < size && isBlank(data[i]))
                ++i;
            while (j < value.size() && (value[j] == ' ' || value[j] == '\n'))
                ++j;
            continue;
        }
        if (data[i] != v)
            return 0;
        ++i;
        ++j;
    }
    return i;
}

// A | or > scalar: the indicator line and the lines indented deeper than it (or blank).
std::size_t blockEnd(const char *data, std::size_t size, std::size_t start)
{
    std::size_t lineStart = start;
    while (lineStart > 0 && data[lineStart - 1] != '\n')
        --lineStart;
    std::size_t indent = 0;
    while (lineStart + indent < size && data[lineStart + indent] == ' ')
        ++indent;
    std::size_t end = start;
    while (end < size && data[end] != '\n' && data[end] != '\r')
        ++end;
    std::size_t next = end;
    while (next < size) {
        // Step over the line break, then look at the next line.
        if (data[next] == '\r')
            ++next;
        if (next < size && data[next] == '\n')
            ++next;
        std::size_t k = next;
        while (k < size && data[k] == ' ')
            ++k;
        std::size_t lineEnd = k;
        while (lineEnd < size && data[lineEnd] != '\n' && data[lineEnd] != '\r')
            ++lineEnd;
        const bool blank = k == lineEnd;
        if (!blank && k - next <= indent)
            break;
        if (!blank)
            end = lineEnd; // trailing blank lines are not part of the value's text
        if (lineEnd >= size)
            break;
        next = lineEnd;
    }
    return end;
}

} // namespace

std::pair<int, int> scalarRange(const char *data, std::size_t size, std::size_t pos, bool inFlow,
                                bool plain, const std::string &value)
{
    const std::size_t start = skipProperties(data, size, pos);
    if (start >= size)
        return {static_cast<int>(std::min(pos, size)), 0};
    const char c = data[start];
    if (!plain && (c == '|' || c == '>'))
        return {static_cast<int>(start), static_cast<int>(blockEnd(data, size, start) - start)};
    if (plain && c != '"' && c != '\'') {
        const std::size_t end = plainEnd(data, size, start, value);
        if (end > start)
            return {static_cast<int>(start), static_cast<int>(end - start)};
    }
    return {static_cast<int>(start), tokenLength(data, size, start, inFlow)};
}

std::pair<std::size_t, std::size_t> lineSpan(const char *data, std::size_t size, std::size_t pos)
{
    pos = std::min(pos, size);
    std::size_t start = pos;
    while (start > 0 && data[start - 1] != '\n')
        --start;
    std::size_t end = pos;
    while (end < size && data[end] != '\n')
        ++end;
    std::size_t visibleEnd = end;
    if (visibleEnd > start && data[visibleEnd - 1] == '\r')
        --visibleEnd;
    return {start, visibleEnd == end ? end : visibleEnd};
}

bool onlySpacesBetween(const char *data, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        if (data[i] != ' ')
            return false;
    }
    return true;
}

std::string doubleQuoted(const std::string &value)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (unsigned char c : value) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    return out;
}

bool isPlainSafe(const std::string &value)
{
    if (value.empty() || resolvePlainScalar(value) != ScalarType::String)
        return false;
    if (std::strchr("-?:,[]{}#&*!|>'\"%@` \t", value.front()) != nullptr)
        return false;
    if (value.back() == ' ' || value.back() == '\t' || value.back() == ':')
        return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c < 0x20 || c == 0x7F)
            return false;
        if (c == ':' && i + 1 < value.size() && value[i + 1] == ' ')
            return false;
        if (c == '#' && i > 0 && value[i - 1] == ' ')
            return false;
        if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')
            return false; // would end the scalar inside a flow collection
    }
    return true;
}

ByteProblem findByteProblem(const char *data, std::size_t size)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    std::size_t i = 0;
    while (i < size) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7F) {
            ++i;
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            ++i;
            continue;
        }
        const int at = static_cast<int>(i);
        if (c == 0)
            return {ByteProblem::Nul, at};
        if (c < 0x80)
            return {ByteProblem::Control, at}; // C0 controls and DEL
        int len = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return {ByteProblem::InvalidUtf8, at};
        }
        if (i + static_cast<std::size_t>(len) > size)
            return {ByteProblem::InvalidUtf8, at};
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = p[i + static_cast<std::size_t>(k)];
            if ((cc & 0xC0) != 0x80)
                return {ByteProblem::InvalidUtf8, at};
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return {ByteProblem::InvalidUtf8, at};
        // YAML's printable set: no C1 controls (except NEL), no U+FFFE/U+FFFF.
        if ((cp >= 0x80 && cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF)
            return {ByteProblem::Control, at};
        i += static_cast<std::size_t>(len);
    }
    return {};
}

LineIndex::LineIndex(const char *data, std::size_t size)
    : m_data(data)
    , m_size(size)
{
    m_starts.push_back(0);
    const char *p = data;
    const char *end = data + size;
    while (
        (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
        ++p;
        m_starts.push_back(static_cast<std::size_t>(p - data));
    }
}

std::pair<int, int> LineIndex::position(std::size_t offset) const
{
    offset = std::min(offset, m_size);
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_starts.begin()); // 1-based
    std::size_t start = m_starts[line - 1];
    int column = 1;
    if (static_cast<int>(line) == m_lastLine && m_lastOffset >= start && m_lastOffset <= offset) {
        start = m_lastOffset;
        column = m_lastColumn;
    }
    for (std::size_t i = start; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_data[i]) & 0xC0) != 0x80)
            ++column;
    }
    m_lastOffset = offset;
    m_lastLine = static_cast<int>(line);
    m_lastColumn = column;
    return {static_cast<int>(line), column};
}

} // namespace gs::pool::detail
