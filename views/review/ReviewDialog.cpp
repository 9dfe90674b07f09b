#include "views/review/ReviewDialog.h"

#include "model/diff/UnifiedDiff.h"
#include "model/yaml/Utf8.h"
#include "views/review/DiffHighlighter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace egret::views {

namespace {

bool isText(const QByteArray &bytes) {
    return !bytes.contains('\0') && yaml::firstInvalidUtf8(bytes.constData(), bytes.size()) < 0;
}

// The diff of one file as shown, with its note first; counts of added and removed lines.
QString diffOf(const FileChange &c, int *added, int *removed) {
    *added = *removed = 0;
    QString head = c.note.isEmpty() ? QString() : QStringLiteral("# %1\n").arg(c.note);
    if ((c.beforeExists && !isText(c.before)) || !isText(c.after))
        return head + QObject::tr("# %1 is not UTF-8 text: it is not shown").arg(c.path);
    const QByteArray d =
        diff::unifiedDiff(QFileInfo(c.path).fileName(), c.before, c.after, c.beforeExists, true);
    if (d.isEmpty())
        return head + QObject::tr("# no change");
    for (const QByteArray &line : d.split('\n')) {
        if (line.startsWith("+") && !line.startsWith("+++ "))
            ++*added;
        else if (line.startsWith("-") && !line.startsWith("--- "))
            ++*removed;
    }
    return head + QString::fromUtf8(d);
}

QString findingsText(const FindingsDelta &f) {
    if (!f.known)
        return {};
    if (f.added.isEmpty() && f.removed.isEmpty())
        return QObject::tr("The change neither adds nor removes a finding.");
    auto list = [](const QStringList &items) {
        QStringList shown = items.mid(0, 12);
        if (items.size() > 12)
            shown << QObject::tr("... and %n more", nullptr, int(items.size() - 12));
        return QStringLiteral("<ul><li>%1</li></ul>")
            .arg(shown.replaceInStrings(QLatin1String("<"), QLatin1String("&lt;"))
                     .join(QStringLiteral("</li><li>")));
    };
    QString text;
    if (!f.added.isEmpty())
        text +=
            QObject::tr("<b>Adds %n finding(s):</b>", nullptr, int(f.added.size())) + list(f.added);
    if (!f.removed.isEmpty())
        text += QObject::tr("<b>Removes %n finding(s):</b>", nullptr, int(f.removed.size())) +
                list(f.removed);
    return text;
}

} // namespace

ReviewDialog::ReviewDialog(const QString &title, const QString &acceptText,
                           const QVector<FileChange> &changes, const FindingsDelta &findings,
                           QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(title);
    setObjectName(QStringLiteral("reviewChanges"));
    m_files = new QListWidget;
    m_view = new QPlainTextEdit;
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_view->document());
    for (const FileChange &c : changes) {
        int added = 0, removed = 0;
        m_diffs.append(diffOf(c, &added, &removed));
        auto *item = new QListWidgetItem(
            tr("%1  +%2 -%3").arg(QFileInfo(c.path).fileName()).arg(added).arg(removed));
        item->setToolTip(c.path + (c.note.isEmpty() ? QString() : QLatin1Char('\n') + c.note));
        m_files->addItem(item);
    }
    auto *split = new QSplitter;
    split->addWidget(m_files);
    split->addWidget(m_view);
    split->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n file(s) will be written:", nullptr, int(changes.size()))));
    layout->addWidget(split, 1);
    if (const QString f = findingsText(findings); !f.isEmpty()) {
        auto *label = new QLabel(f);
        label->setObjectName(QStringLiteral("findingsDelta"));
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_askAgain = new QCheckBox;
    m_askAgain->hide();
    layout->addWidget(m_askAgain);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(acceptText);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_files, &QListWidget::currentRowChanged, this, &ReviewDialog::showFile);
    m_files->setCurrentRow(0);
    resize(960, 640);
}

void ReviewDialog::offerAskAgain(const QString &text, bool checked) {
    m_askAgain->setText(text);
    m_askAgain->setChecked(checked);
    m_askAgain->show();
}

bool ReviewDialog::askAgain() const {
    return m_askAgain->isChecked();
}

QString ReviewDialog::diffText(int index) const {
    return m_diffs.value(index);
}

void ReviewDialog::showFile(int index) {
    m_view->setPlainText(m_diffs.value(index));
}

} // namespace egret::views
