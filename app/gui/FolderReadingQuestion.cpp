#include "app/gui/FolderReadingQuestion.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace egret::gui {

FolderReading askFolderReading(QWidget *parent, const QString &folder, RendererKind kind) {
    const RenderCommand command = renderCommand(folder, kind);
    const QString name = QDir::toNativeSeparators(QDir::cleanPath(folder));
    const QString what = kind == RendererKind::Kustomize ? QObject::tr("a kustomization")
                                                         : QObject::tr("a Helm chart");
    QMessageBox box(QMessageBox::Question, QObject::tr("Open Folder"),
                    QObject::tr("%1 holds %2.").arg(name, what), QMessageBox::Cancel, parent);
    box.setInformativeText(
        QObject::tr("Open its files as they are, or what `%1` makes of them? The rendered "
                    "output is read-only: Export writes it to a file of your own.")
            .arg(command.commandLine()));
    QPushButton *files = box.addButton(QObject::tr("&Files as They Are"), QMessageBox::AcceptRole);
    files->setObjectName(QStringLiteral("asFiles"));
    QPushButton *rendered =
        box.addButton(QObject::tr("&Rendered by %1").arg(rendererName(kind)), QMessageBox::YesRole);
    rendered->setObjectName(QStringLiteral("rendered"));
    if (QStandardPaths::findExecutable(command.program).isEmpty()) {
        rendered->setEnabled(false);
        box.setDetailedText(QObject::tr("%1 is not installed (not found on PATH): the folder can "
                                        "only be opened as it is.")
                                .arg(command.program));
    }
    box.setDefaultButton(files);
    box.exec();
    if (box.clickedButton() == files)
        return FolderReading::AsFiles;
    if (box.clickedButton() == rendered)
        return FolderReading::Rendered;
    return FolderReading::Cancelled;
}

} // namespace egret::gui
