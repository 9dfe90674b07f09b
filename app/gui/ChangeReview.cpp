#include "app/gui/ChangeReview.h"

#include <QFile>
#include <QSettings>

namespace egret::gui {

namespace {
const char *const kReviewKey = "review/beforeSave";
}

bool reviewBeforeSave() {
    return QSettings().value(QLatin1String(kReviewKey), true).toBool();
}

void setReviewBeforeSave(bool on) {
    QSettings().setValue(QLatin1String(kReviewKey), on);
}

views::FileChange fileChange(const QString &path, const QByteArray &after) {
    views::FileChange c;
    c.path = path;
    c.after = after;
    QFile f(path);
    c.beforeExists = f.open(QIODevice::ReadOnly);
    if (c.beforeExists)
        c.before = f.readAll();
    return c;
}

} // namespace egret::gui
