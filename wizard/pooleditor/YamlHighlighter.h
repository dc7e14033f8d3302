#pragma once

#include <QList>
#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace gs {

// YAML colouring for the pool file editor: keys, strings, numbers and booleans, comments,
// anchors/aliases/tags, document markers, and block scalars (| and >) as strings.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

    // Colours for the editor's background: dark shades on a light one, light on a dark one.
    void setPalette(const QPalette &palette);
    QList<QTextCharFormat> formats() const
    {
        return {m_key, m_string, m_number, m_comment, m_anchor, m_marker};
    }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_comment, m_anchor, m_marker, m_indicator;
    QRegularExpression m_keyRe, m_stringRe, m_scalarRe, m_anchorRe, m_blockScalarRe;
};

} // namespace gs
