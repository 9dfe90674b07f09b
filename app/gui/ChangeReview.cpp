#include "app/gui/ChangeReview.h"

#include "model/validation/Validator.h"

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

QStringList findingKeys(const Workspace &ws) {
    QStringList out;
    auto key = [](const Diagnostic &d) {
        const QString object =
            d.resource.name.isEmpty()
                ? QString()
                : QStringLiteral("%1 %2/%3: ").arg(d.resource.kind, d.resource.ns, d.resource.name);
        return QStringLiteral("%1 [%2] %3%4")
            .arg(severityName(d.severity), d.code, object, d.message);
    };
    for (const Diagnostic &d : ws.diagnostics())
        if (d.severity != Severity::Info)
            out << key(d);
    for (const validation::Finding &f : validation::validate(ws))
        out << key(f.toDiagnostic());
    return out;
}

views::FindingsDelta findingsDelta(const QStringList &before, const QStringList &after) {
    views::FindingsDelta delta;
    delta.known = true;
    QHash<QString, int> count;
    for (const QString &k : before)
        ++count[k];
    for (const QString &k : after) {
        if (count.value(k) > 0)
            --count[k];
        else
            delta.added << k;
    }
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        for (int i = 0; i < it.value(); ++i)
            delta.removed << it.key();
    delta.removed.sort();
    return delta;
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
