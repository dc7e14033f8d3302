#pragma once

#include "manage/ContainerLogsJob.h"

#include <QPlainTextEdit>

namespace gs {

// A container's log as it streams in: read-only, monospace, known failure lines marked in the
// error (fatal) or warning tone and followed by what they mean. Keeps the newest 5000 lines and
// follows the end while the user has not scrolled up.
class ContainerLogView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ContainerLogView(QWidget *parent = nullptr);

    void appendLines(const QList<manage::LogLine> &lines);
    int findingCount() const { return m_findings; }
    // The prefix of the line that follows a known failure line with its meaning.
    static QString meaningPrefix();

private:
    int m_findings = 0;
};

} // namespace gs
