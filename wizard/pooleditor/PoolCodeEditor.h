#pragma once

#include <QHash>
#include <QPlainTextEdit>

namespace gs {

// The text part of the pool editor: a plain-text editor with a gutter that shows line numbers
// and one marker per line with a finding (the most severe one).
class PoolCodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum Marker { NoMarker = -1, ErrorMarker = 0, WarningMarker = 1, NoteMarker = 2 };

    explicit PoolCodeEditor(QWidget *parent = nullptr);

    void setMarkers(const QHash<int, Marker> &markers); // 1-based line -> marker
    Marker markerAt(int line) const { return m_markers.value(line, NoMarker); }
    QWidget *gutter() const { return m_gutter; }
    int gutterWidth() const;
    static QColor markerColor(Marker marker, const QPalette &palette);

protected:
    void resizeEvent(QResizeEvent *event) override;
    // A finding's message as the tooltip of its underline (QPlainTextEdit shows none itself).
    bool viewportEvent(QEvent *event) override;

private:
    friend class PoolEditorGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);

    QWidget *m_gutter;
    QHash<int, Marker> m_markers;
};

} // namespace gs
