#pragma once

#include <QStringList>

namespace egret::gui {

// The last opened files and folders, kept in QSettings, newest first.
class RecentFiles {
public:
    static constexpr int kMax = 10;
    static QStringList list();
    static void add(const QStringList &paths);
    static void clear();
};

} // namespace egret::gui
