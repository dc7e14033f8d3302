#include "PoolFileEdits.h"

#include "PoolText.h"
#include "PoolValidator.h"
#include "YamlDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <set>

namespace gs::pool {

using namespace detail;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gs::pool", text);
}

struct Found
{
    JsonPathReference ref;
    int valueNode = -1;
    int keyNode = -1;
    // False for a value rewriteJsonPath must not touch: an alias, a collection, or an empty
    // value with an anchor or tag (text inserted after the key would land before those).
    bool editable = true;
};

// Every pool's spec.account.json_path key/value in the first document.
QList<Found> findJsonPaths(const QByteArray &text, YamlTree &tree, bool *parsed)
{
    QList<Found> out;
    *parsed = false;
    const char *data = text.constData();
    const auto size = static_cast<std::size_t>(text.size());
    if (text.size() > kMaxPoolFileBytes || findByteProblem(data, size).offset >= 0 ||
        findExcessiveNesting(data, size, kMaxNestingDepth) >= 0)
        return out;
    const int bom = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    tree = parseYaml(data, size, bom);
    if ((tree.failed && tree.errorDocument == 0) || tree.documentRoots.empty())
        return out;
    *parsed = true;
    const int instances = mappingLookup(tree, tree.documentRoots[0], "instances");
    const int list = tree.resolve(instances);
    if (list < 0 || tree.node(list).kind != NodeKind::Sequence)
        return out;
    const LineIndex lines(data, size);
    std::set<int> seen;
    const YamlNode &l = tree.node(list);
    for (int i = 0; i < l.childCount; ++i) {
        const int instance = tree.child(l, i);
        const int account = mappingLookup(tree, mappingLookup(tree, instance, "spec"), "account");
        int keyNode = -1;
        const int value = mappingLookup(tree, account, "json_path", &keyNode);
        if (value < 0 || !seen.insert(value).second)
            continue;
        Found f;
        f.valueNode = value;
        f.keyNode = keyNode;
        const int nameNode = tree.resolve(mappingLookup(tree, instance, "name"));
        if (nameNode >= 0 && tree.node(nameNode).kind == NodeKind::Scalar)
            f.ref.poolName = QString::fromStdString(tree.node(nameNode).value);
        const YamlNode &v = tree.node(value);
        if (v.kind == NodeKind::Scalar) {
            f.ref.value = QString::fromStdString(v.value);
            const auto [offset, length] = scalarRange(data, size, static_cast<std::size_t>(v.pos),
                                                      v.inFlow, v.plain, v.value);
            f.ref.offset = offset;
            f.ref.length = length;
            // An empty scalar after a tag ("json_path: !!str" and a line break): the text found
            // past the break belongs to the next key, not to this value.
            if (v.value.empty() &&
                std::memchr(data + v.pos, '\n', static_cast<std::size_t>(offset - v.pos)))
                f.editable = false;
        } else {
            // An empty value: the place right after "json_path:".
            const YamlNode &k = tree.node(keyNode);
            const auto [keyOffset, keyLength] = scalarRange(
                data, size, static_cast<std::size_t>(k.pos), k.inFlow, k.plain, k.value);
            std::size_t p = static_cast<std::size_t>(keyOffset + keyLength);
            while (p < size && data[p] != ':')
                ++p;
            std::size_t q = p + 1;
            while (q < size && data[q] == ' ')
                ++q;
            if (v.kind != NodeKind::Null ||
                (q < size && (data[q] == '&' || data[q] == '!' || data[q] == '*')))
                f.editable = false;
            const std::string_view rest(data + q, size - q);
            int nullLength = 0;
            for (const char *word : {"null", "Null", "NULL", "~"}) {
                if (rest.substr(0, std::strlen(word)) == word)
                    nullLength = static_cast<int>(std::strlen(word));
            }
            f.ref.offset = static_cast<qsizetype>(nullLength > 0 ? q : std::min(p + 1, size));
            f.ref.length = nullLength;
        }
        f.ref.line = lines.line(static_cast<std::size_t>(f.ref.offset));
        out.append(f);
    }
    return out;
}

QString resolveLocal(const QString &value, const QString &directory)
{
    if (value.isEmpty())
        return {};
    if (value == QLatin1String("~") || value.startsWith(QLatin1String("~/")))
        return QDir::cleanPath(QDir::homePath() + value.mid(1));
    if (QDir::isAbsolutePath(value))
        return QDir::cleanPath(value);
    return QDir::cleanPath(QDir(directory).absoluteFilePath(value));
}

} // namespace

QByteArray applyFix(const QByteArray &text, const Fix &fix)
{
    QList<TextEdit> edits = fix.edits;
    // Back to front, so earlier offsets stay valid.
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit &a, const TextEdit &b) { return a.offset > b.offset; });
    QByteArray out = text;
    for (const TextEdit &e : edits) {
        if (e.offset < 0 || e.length < 0 || e.offset + e.length > out.size())
            continue;
        out.replace(e.offset, e.length, e.replacement);
    }
    return out;
}

qsizetype utf16Offset(const QByteArray &text, qsizetype byteOffset)
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, text.size());
    qsizetype units = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(text.constData());
    for (qsizetype i = 0; i < byteOffset; ++i) {
        const unsigned char c = p[i];
        if ((c & 0xC0) == 0x80)
            continue;
        units += c >= 0xF0 ? 2 : 1; // 4-byte sequences are surrogate pairs in UTF-16
    }
    return units;
}

QList<JsonPathReference> jsonPathReferences(const QByteArray &text,
                                            const QString &poolFileDirectory)
{
    YamlTree tree;
    bool parsed = false;
    QList<JsonPathReference> out;
    for (Found &f : findJsonPaths(text, tree, &parsed)) {
        f.ref.localPath = resolveLocal(f.ref.value, poolFileDirectory);
        out.append(f.ref);
    }
    return out;
}

QString localKeyFile(const QByteArray &text, const QString &poolFileDirectory)
{
    const QList<JsonPathReference> refs = jsonPathReferences(text, poolFileDirectory);
    for (const JsonPathReference &r : refs) {
        if (!r.localPath.isEmpty() && QFileInfo(r.localPath).isFile())
            return r.localPath;
    }
    for (const JsonPathReference &r : refs) {
        if (!r.localPath.isEmpty())
            return r.localPath;
    }
    return {};
}

Result rewriteJsonPath(const QByteArray &text, const QString &containerPath, QByteArray *out)
{
    YamlTree tree;
    bool parsed = false;
    const QList<Found> found = findJsonPaths(text, tree, &parsed);
    if (!parsed)
        return Result::failure(tr("The pool file cannot be read as YAML; fix it before the key "
                                  "path can be rewritten."));
    if (found.isEmpty())
        return Result::failure(tr("No pool in the file has `spec.account.json_path`."));
    for (const Found &f : found) {
        if (!f.editable)
            return Result::failure(
                tr("json_path on line %1 is an alias, an anchored or tagged empty value, or not a "
                   "plain value at all; write the path the container sees (%2) there by hand.")
                    .arg(f.ref.line)
                    .arg(containerPath));
    }
    const std::string value = containerPath.toStdString();
    Fix fix;
    fix.title = tr("Use %1").arg(containerPath);
    for (const Found &f : found) {
        const std::string_view src(text.constData() + f.ref.offset,
                                   static_cast<std::size_t>(f.ref.length));
        std::string replacement;
        if (!src.empty() && src.front() == '\'' && value.find('\'') == std::string::npos)
            replacement = "'" + value + "'";
        else if ((!src.empty() && src.front() == '"') || !isPlainSafe(value))
            replacement = doubleQuoted(value);
        else
            replacement = value;
        if (f.ref.length == 0)
            replacement = " " + replacement;
        fix.edits.append(
            TextEdit{f.ref.offset, f.ref.length, QByteArray::fromStdString(replacement)});
    }
    *out = applyFix(text, fix);
    return Result::success();
}

} // namespace gs::pool
