#include "model/io/ExportFolder.h"

#include "model/io/AtomicWrite.h"

#include <QDir>
#include <QFileInfo>

namespace egret {

bool isPlainExportFileName(const QString &name) {
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) ||
        !name.endsWith(QLatin1String(".yaml")))
        return false;
    for (QChar c : name)
        if (!(c.isLower() || c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('.')) ||
            c.unicode() > 0x7f)
            return false;
    return true;
}

namespace {

QString badName(const FolderExport &exported) {
    for (auto it = exported.files.cbegin(); it != exported.files.cend(); ++it)
        if (!isPlainExportFileName(it.key()))
            return QStringLiteral("\"%1\" is not a plain file name: nothing is written")
                .arg(it.key());
    return {};
}

} // namespace

FolderCheck checkExportFolder(const FolderExport &exported, const QString &dir) {
    FolderCheck out;
    out.problem = badName(exported);
    if (!out.problem.isEmpty())
        return out;
    const QFileInfo folder(dir);
    if (folder.exists() && !folder.isDir()) {
        out.problem = QStringLiteral("%1 is a file, not a folder").arg(dir);
        return out;
    }
    const QStringList present =
        QDir(dir).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                            QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : present) {
        if (exported.files.contains(name))
            out.replaced << name;
        else
            out.leftBehind << name;
    }
    return out;
}

bool writeExportFolder(const FolderExport &exported, const QString &dir, QString *error) {
    if (const QString bad = badName(exported); !bad.isEmpty()) {
        *error = bad;
        return false;
    }
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the folder %1").arg(dir);
        return false;
    }
    const QDir folder(dir);
    for (auto it = exported.files.cbegin(); it != exported.files.cend(); ++it)
        if (!writeFileAtomically(folder.filePath(it.key()), it.value(), error))
            return false;
    return true;
}

} // namespace egret
