#pragma once

#include "app/gui/EditorSession.h"
#include "app/gui/InfoBar.h"
#include "app/gui/MainWindow.h"
#include "views/graph/FlowScene.h"
#include "views/review/ReviewDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

namespace egret::test {

// Waits until every view shows the files as they are: the session's analysis of the last edit
// is in (Problems, markers, flows) and the canvas is laid out. The window itself never waits;
// tests do, to look at the outcome.
inline bool waitUntilCaughtUp(gui::MainWindow &w) {
    w.session()->waitForAnalysis();
    w.flowScene()->waitForLayout();
    QCoreApplication::processEvents();
    return !w.isCatchingUp();
}

// Opens paths in the window and waits until they are loaded (the load runs on a thread) and
// every view shows them.
inline bool openAndWait(gui::MainWindow &w, const QStringList &paths) {
    QSignalSpy finished(w.session(), &gui::EditorSession::openFinished);
    w.openPaths(paths);
    if (finished.count() == 0 && !finished.wait(30000))
        return false;
    return waitUntilCaughtUp(w);
}

// Answers the next modal message box with `button` as soon as it shows, and records its text.
class MessageBoxAnswer : public QObject {
public:
    explicit MessageBoxAnswer(QMessageBox::StandardButton button)
        : m_button(button) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_text = box->text();
                m_asked = true;
                box->button(m_button)->click();
                m_timer.stop();
            }
        });
        m_timer.start(10);
    }
    bool asked() const { return m_asked; }
    QString text() const { return m_text; }

private:
    QTimer m_timer;
    QMessageBox::StandardButton m_button;
    bool m_asked = false;
    QString m_text;
};

// Answers the next "Review changes" dialog (accepts or cancels it) and keeps what it showed.
class ReviewAnswer : public QObject {
public:
    explicit ReviewAnswer(bool accept)
        : m_accept(accept) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *review = qobject_cast<views::ReviewDialog *>(QApplication::activeModalWidget());
            if (!review)
                return;
            m_asked = true;
            for (int i = 0; i < review->fileCount(); ++i)
                m_diffs << review->diffText(i);
            if (auto *findings = review->findChild<QLabel *>(QStringLiteral("findingsDelta")))
                m_findings = findings->text();
            m_accept ? review->accept() : review->reject();
            m_timer.stop();
        });
        m_timer.start(10);
    }
    bool asked() const { return m_asked; }
    QStringList diffs() const { return m_diffs; }
    QString findings() const { return m_findings; }

private:
    QTimer m_timer;
    bool m_accept;
    bool m_asked = false;
    QStringList m_diffs;
    QString m_findings;
};

// Saves a picture of the window when EGRET_SCREENSHOT_DIR is set (how README pictures are made).
inline void screenshot(QWidget &w, const QString &name) {
    const QByteArray dir = qgetenv("EGRET_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w.grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name +
                      QStringLiteral(".png"));
}

} // namespace egret::test
