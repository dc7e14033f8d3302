#pragma once

// Shared by both programs of the pair, so they measure the same thing the same way: the time
// from process start to the first paint of the wizard's first page, printed on stdout.

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWizard>

#include <cstdio>

class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(QWizard *wizard)
        : m_wizard(wizard)
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_done && event->type() == QEvent::Paint && watched == m_wizard->currentPage()) {
            m_done = true;
            std::printf("painted\n");
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    QWizard *m_wizard;
    bool m_done = false;
};
