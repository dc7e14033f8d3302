#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace gs {

// The commands of one step, read-only and monospace, each with its own copy button, plus
// "Copy all". What is shown and what is copied may differ: the shown text masks the token, the
// copied text reads it at a hidden prompt (or holds it, once the user revealed it).
class CommandView : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString id;            // stable command id; names the child widgets ("copyButton_<id>")
        QString summary;       // what the command does
        QString displayText;   // shown
        QString copyText;      // put on the clipboard
        bool optional = false; // commented out in "Copy all" (e.g. removing an old container)
    };

    explicit CommandView(QWidget *parent = nullptr);

    // Keeps the existing child widgets when the ids are unchanged, so typing in a field does not
    // rebuild the view (and lose scroll positions) on every keystroke.
    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }

    QString displayedText() const; // every shown command, for tests and the summary
    QString copyAllText() const;   // what "Copy all" puts on the clipboard

    void setPlaceholder(const QString &text); // shown when there are no commands

    // Folded: only the header ("Commands for this step", Copy all) shows. Unfolded by default.
    void setExpanded(bool expanded);
    bool isExpanded() const;

    // For a page that scrolls as a whole: the view takes the height of all its commands and
    // never scrolls itself (no scroll area inside a scroll area).
    void setFitContent(bool fit);

Q_SIGNALS:
    void copied(const QString &id); // id is empty for "Copy all"

private:
    struct Row
    {
        QWidget *frame = nullptr;
        QLabel *summary = nullptr;
        QPlainTextEdit *text = nullptr;
        QToolButton *copy = nullptr;
    };
    Row makeRow(const Entry &entry);
    void fillRow(Row &row, const Entry &entry);
    void copyEntry(const QString &id);
    void updateFit();

    QList<Entry> m_entries;
    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout = nullptr;
    QPushButton *m_copyAll = nullptr;
    QLabel *m_placeholder = nullptr;
    QToolButton *m_toggle = nullptr;
    QScrollArea *m_scroll = nullptr;
    bool m_fitContent = false;
};

} // namespace gs
