#include "app/cli/DiffOutput.h"

#include "app/cli/Output.h"
#include "model/diff/UnifiedDiff.h"
#include "model/yaml/Utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace egret::cli {

namespace {

bool isText(const QByteArray &bytes) {
    return !bytes.contains('\0') && yaml::firstInvalidUtf8(bytes.constData(), bytes.size()) < 0;
}

QString diffName(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString relative = QDir::current().relativeFilePath(absolute);
    // Outside the working folder, the path from the root without its '/', as git names it.
    return relative.startsWith(QLatin1String("../")) ? absolute.mid(1) : relative;
}

} // namespace

FileNow readFileNow(const QString &path) {
    FileNow now;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        now.bytes = f.readAll();
        now.exists = true;
    }
    return now;
}

bool printDiff(const QString &path, const FileNow &now, const QByteArray &after) {
    if (now.exists && !isText(now.bytes)) {
        err(QStringLiteral("%1 is not UTF-8 text: not diffed\n").arg(path));
        return false;
    }
    outBytes(diff::unifiedDiff(diffName(path), now.bytes, after, now.exists, true));
    return true;
}

} // namespace egret::cli
