#include "ShellQuote.h"

namespace gs {

namespace {

// Characters no POSIX shell gives a meaning to in an argument that is not the first word.
bool isPlainChar(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    const char ch = char(c.unicode());
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           QByteArrayView("_@%+=:,./-").contains(ch);
}

} // namespace

QString shellQuote(const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (QChar c : value) {
        if (!isPlainChar(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString quoted;
    quoted.reserve(value.size() + 2);
    quoted += QLatin1Char('\'');
    for (QChar c : value) {
        if (c == QLatin1Char('\''))
            quoted += QLatin1String("'\\''");
        else
            quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

QString shellJoin(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted << shellQuote(word);
    return quoted.join(QLatin1Char(' '));
}

bool shellSplit(const QString &line, QStringList *words)
{
    words->clear();
    QString current;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                current += c;
            break;
        case Quote::Double:
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == QLatin1Char('\\') && i + 1 < line.size() &&
                       QStringView(u"\\\"$`\n").contains(line.at(i + 1))) {
                if (line.at(i + 1) != QLatin1Char('\n'))
                    current += line.at(i + 1);
                ++i;
            } else {
                current += c;
            }
            break;
        case Quote::None:
            if (c == QLatin1Char('\'')) {
                quote = Quote::Single;
                inWord = true;
            } else if (c == QLatin1Char('"')) {
                quote = Quote::Double;
                inWord = true;
            } else if (c == QLatin1Char('\\')) {
                if (i + 1 < line.size()) {
                    if (line.at(i + 1) != QLatin1Char('\n')) { // backslash-newline joins lines
                        current += line.at(i + 1);
                        inWord = true;
                    }
                    ++i;
                }
            } else if (c.isSpace()) {
                if (inWord) {
                    words->append(current);
                    current.clear();
                    inWord = false;
                }
            } else {
                current += c;
                inWord = true;
            }
            break;
        }
    }
    if (quote != Quote::None)
        return false;
    if (inWord)
        words->append(current);
    return true;
}

} // namespace gs
