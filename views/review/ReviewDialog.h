#pragma once

#include "model/analysis/FindingsDelta.h"

#include <QByteArray>
#include <QDialog>
#include <QStringList>
#include <QVector>

class QCheckBox;
class QListWidget;
class QPlainTextEdit;

namespace egret::views {

// One file a command is about to write: what it holds now and what it will hold.
struct FileChange {
    QString path;
    QByteArray before; // the file as it is on disk now
    bool beforeExists = true;
    QByteArray after;
    QString note; // e.g. that the file changed on disk since Egret read it
};

// "Review changes": per file, the unified diff of what will be written, YAML coloured, each hunk
// naming the objects it changes, and the findings the change adds or removes. Accept writes,
// Cancel writes nothing. A file that is not UTF-8 text is named, not diffed.
class ReviewDialog : public QDialog {
    Q_OBJECT

public:
    ReviewDialog(const QString &title, const QString &acceptText,
                 const QVector<FileChange> &changes, const FindingsDelta &findings,
                 QWidget *parent = nullptr);

    // A check box under the diff ("Review changes before every save"), for the caller to keep.
    void offerAskAgain(const QString &text, bool checked);
    bool askAgain() const;

    // The diff shown for file `index`, as the view holds it (tests read it).
    QString diffText(int index) const;
    int fileCount() const { return int(m_diffs.size()); }

private:
    void showFile(int index);

    QVector<QString> m_diffs;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_view = nullptr;
    QCheckBox *m_askAgain = nullptr;
};

} // namespace egret::views
