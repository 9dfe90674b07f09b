#include "app/gui/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace egret::gui {

namespace {
const char *kKey = "recentPaths";
}

QStringList RecentFiles::list() {
    QStringList out;
    for (const QString &p : QSettings().value(QLatin1String(kKey)).toStringList())
        if (QFileInfo::exists(p))
            out << p;
    return out;
}

void RecentFiles::add(const QStringList &paths) {
    QStringList list = QSettings().value(QLatin1String(kKey)).toStringList();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        const QString absolute = QFileInfo(*it).absoluteFilePath();
        list.removeAll(absolute);
        list.prepend(absolute);
    }
    while (list.size() > kMax)
        list.removeLast();
    QSettings().setValue(QLatin1String(kKey), list);
}

void RecentFiles::clear() {
    QSettings().remove(QLatin1String(kKey));
}

} // namespace egret::gui
