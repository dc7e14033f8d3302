#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace gs {

// The wizard's steps at its side, each with its status in an icon AND a word (never colour
// alone): to do, done, done with warnings, failed, running; the current step in bold.
class StepList : public QWidget
{
    Q_OBJECT
public:
    enum class Status { ToDo, Done, Warning, Failed, Running };
    Q_ENUM(Status)

    explicit StepList(QWidget *parent = nullptr);

    // One row per step, in order; `id` is how setStatus()/setCurrent() name it.
    void addStep(int id, const QString &title);
    void setStatus(int id, Status status);
    void setCurrent(int id);
    // A step of another flow (setting up, managing) is hidden while that flow is not chosen.
    void setStepVisible(int id, bool visible);
    bool isStepVisible(int id) const;

    Status status(int id) const;
    static QString statusText(Status status); // translated, shown under the title

private:
    struct Row
    {
        int id = -1;
        QString title;
        Status status = Status::ToDo;
        QLabel *icon = nullptr;
        QLabel *text = nullptr;        // the title, bold and marked "▸" when current
        QLabel *statusLabel = nullptr; // "to do", "done", … in a smaller font
        bool visible = true;
    };
    void update(Row &row);

    QList<Row> m_rows;
    QVBoxLayout *m_layout;
    int m_current = -1;
};

} // namespace gs
