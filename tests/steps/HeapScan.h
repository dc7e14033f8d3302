#pragma once

// Looks for a secret in the process's own writable memory - the heap, and the anonymous
// mappings where malloc keeps its other arenas and threads their stacks - by reading
// /proc/self/mem. Freed memory is searched too: a secret freed without being zeroed is found.
//
// The needle never exists in plain form in this process: the caller keeps it XOR-ed with
// kHeapScanMask and the comparison unmasks one byte at a time. A scan allocates nothing (its
// buffers are made when the scanner is), so it cannot overwrite a freed copy it looks for.

#include <QByteArray>

#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace gs::test {

inline constexpr char kHeapScanMask = char(0x5a);

// `masked`, XOR-ed with kHeapScanMask, as UTF-16LE (an ASCII secret in a QString), still masked.
inline QByteArray maskedUtf16(const QByteArray &masked)
{
    QByteArray out;
    for (const char c : masked)
        out.append(c).append(kHeapScanMask); // the high byte 0, masked
    return out;
}

inline bool matchesMasked(const char *data, const QByteArray &masked)
{
    for (qsizetype j = 0; j < masked.size(); ++j) {
        if (char(data[j] ^ kHeapScanMask) != masked.at(j))
            return false;
    }
    return true;
}

class HeapScanner
{
public:
    HeapScanner()
        : m_maps(4 << 20, '\0')
        , m_chunk(kChunk + 4096, '\0')
    {
        m_regions.reserve(65536);
    }

    // How often the secret (given masked, at most 4096 bytes) occurs; -1 if memory is unreadable.
    int occurrences(const QByteArray &masked)
    {
        if (masked.isEmpty() || masked.size() > 4096 || !listRegions())
            return -1;
        const int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        int found = 0;
        for (const Region &region : m_regions) {
            for (quintptr at = region.begin; at < region.end; at += kChunk)
                found += scanChunk(fd, at, region.end, masked);
        }
        ::close(fd);
        return found;
    }

    // Whether the secret (masked) is at `address`, read through /proc/self/mem: for memory that
    // may have been freed since.
    bool holdsAt(const void *address, const QByteArray &masked)
    {
        const int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
        if (fd < 0 || masked.size() > m_chunk.size())
            return false;
        const ssize_t got =
            ::pread(fd, m_chunk.data(), size_t(masked.size()), off_t(quintptr(address)));
        ::close(fd);
        return got == masked.size() && matchesMasked(m_chunk.constData(), masked);
    }

private:
    static constexpr qsizetype kChunk = 1 << 20;
    struct Region
    {
        quintptr begin = 0;
        quintptr end = 0;
    };

    int scanChunk(int fd, quintptr at, quintptr end, const QByteArray &masked)
    {
        const size_t want = size_t(qMin<quintptr>(end - at, kChunk + masked.size() - 1));
        const ssize_t got = ::pread(fd, m_chunk.data(), want, off_t(at));
        if (got < masked.size())
            return 0;
        // Matches that start in this chunk; the overlap finds one across its end.
        const qsizetype starts = qMin<qsizetype>(got - masked.size() + 1, kChunk);
        int found = 0;
        for (qsizetype i = 0; i < starts; ++i)
            found += matchesMasked(m_chunk.constData() + i, masked) ? 1 : 0;
        return found;
    }

    static quintptr hex(const char *&p)
    {
        quintptr value = 0;
        for (;; ++p) {
            const char c = *p;
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                     : -1;
            if (digit < 0)
                return value;
            value = value * 16 + quintptr(digit);
        }
    }

    // The [heap] and the anonymous read-write mappings, into the reserved list.
    bool listRegions()
    {
        m_regions.clear();
        const int fd = ::open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return false;
        qsizetype size = 0;
        for (ssize_t n;
             (n = ::read(fd, m_maps.data() + size, size_t(m_maps.size() - size - 1))) > 0;)
            size += n;
        ::close(fd);
        m_maps[size] = '\0';
        for (const char *line = m_maps.constData(); *line;) {
            const char *next = std::strchr(line, '\n');
            const char *p = line;
            Region region;
            region.begin = hex(p);
            region.end = hex(++p);
            const bool rw = p[1] == 'r' && p[2] == 'w';
            // Six fields; the sixth, the path, is empty for an anonymous mapping.
            const char *path = p;
            for (int field = 0; field < 4 && path; ++field)
                path = std::strchr(path + 1, ' ');
            while (path && *path == ' ')
                ++path;
            const bool anonymous = !path || *path == '\n' || *path == '\0';
            const bool heap = path && std::strncmp(path, "[heap]", 6) == 0;
            if (rw && (anonymous || heap) && m_regions.size() < m_regions.capacity())
                m_regions.push_back(region);
            line = next ? next + 1 : line + std::strlen(line);
        }
        return true;
    }

    QByteArray m_maps;
    QByteArray m_chunk;
    std::vector<Region> m_regions;
};

} // namespace gs::test
