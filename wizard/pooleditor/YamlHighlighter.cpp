#include "YamlHighlighter.h"

namespace gs {

namespace {

int indentOf(const QString &text)
{
    int i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

// Where a comment starts: '#' at the line start or after a blank, outside quotes.
int commentStart(const QString &text)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == QLatin1Char('\\') && quote == QLatin1Char('"'))
                ++i;
            continue;
        }
        if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) &&
            (i == 0 || QStringLiteral(" \t[{,:-").contains(text.at(i - 1))))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    // "key:" / "- key:" / "\"key\":" at the start of a line or after { or ,
    , m_keyRe(QStringLiteral(
          R"((?:^|[{,])\s*(?:-\s+)*("[^"]*"|'[^']*'|[^\s#'"{}\[\],&*!|>-][^:#{}\[\],]*?)\s*:(?=\s|$))"))
    , m_stringRe(QStringLiteral(R"("(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?)"))
    , m_scalarRe(QStringLiteral(
          R"((?<=[:\-\[,{]\s|^)\s*(-?(?:0x[0-9a-fA-F]+|\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?)|true|false|True|False|TRUE|FALSE|yes|no|Yes|No|YES|NO|on|off|On|Off|ON|OFF|y|n|null|Null|NULL|~)(?=\s*(?:$|[,\]}#])))"))
    , m_anchorRe(QStringLiteral(R"([&*][^\s,\[\]{}]+|!\S*)"))
    , m_blockScalarRe(QStringLiteral(R"((?:^|:\s|-\s)\s*[|>][-+0-9]*\s*(?:#.*)?$)"))
{
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setFontItalic(true);
    m_marker.setFontWeight(QFont::Bold);
    m_indicator.setFontWeight(QFont::Bold);
    setPalette(QPalette());
}

void YamlHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x7f, 0xb2, 0xff) : QColor(0x1f, 0x4e, 0xa8));
    m_string.setForeground(dark ? QColor(0x8b, 0xd4, 0x8f) : QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(dark ? QColor(0xff, 0xb2, 0x6b) : QColor(0x9a, 0x4f, 0x00));
    m_comment.setForeground(dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x6b, 0x6b, 0x6b));
    m_anchor.setForeground(dark ? QColor(0x4f, 0xd1, 0xdc) : QColor(0x00, 0x6d, 0x77));
    m_marker.setForeground(dark ? QColor(0xd7, 0xa6, 0xff) : QColor(0x8e, 0x24, 0xaa));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Block state: the indentation of the line that opened a | or > scalar, else -1.
    const int blockParent = previousBlockState();
    const int indent = indentOf(text);
    if (blockParent >= 0 && (indent == text.size() || indent > blockParent)) {
        setFormat(0, static_cast<int>(text.size()), m_string);
        setCurrentBlockState(blockParent);
        return;
    }
    setCurrentBlockState(-1);
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_marker);
        return;
    }
    const int comment = commentStart(text);
    const QString code = comment >= 0 ? text.left(comment) : text;
    if (comment >= 0)
        setFormat(comment, static_cast<int>(text.size()) - comment, m_comment);

    for (auto it = m_scalarRe.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                  m_number);
    }
    for (auto it = m_anchorRe.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const qsizetype at = m.capturedStart();
        if (at == 0 || code.at(at - 1).isSpace() || QStringLiteral("[{,").contains(code.at(at - 1)))
            setFormat(static_cast<int>(at), static_cast<int>(m.capturedLength()), m_anchor);
    }
    for (auto it = m_stringRe.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const qsizetype at = m.capturedStart();
        if (at == 0 || QStringLiteral(" \t[{,:-").contains(code.at(at - 1)))
            setFormat(static_cast<int>(at), static_cast<int>(m.capturedLength()), m_string);
    }
    for (auto it = m_keyRe.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart(1)), static_cast<int>(m.capturedLength(1)),
                  m_key);
    }
    for (int i = indent; i + 1 <= code.size() && code.at(i) == QLatin1Char('-'); i += 2) {
        if (i + 1 < code.size() && code.at(i + 1) != QLatin1Char(' '))
            break;
        setFormat(i, 1, m_indicator);
    }
    if (m_blockScalarRe.match(text).hasMatch())
        setCurrentBlockState(indent);
}

} // namespace gs
