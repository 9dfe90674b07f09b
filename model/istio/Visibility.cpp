#include "model/istio/Visibility.h"

namespace egret::istio {

bool exportedTo(const QStringList &exportTo, const QString &resourceNs, const QString &fromNs) {
    if (exportTo.isEmpty())
        return true;
    for (const QString &e : exportTo) {
        if (e == QLatin1String("*") || e == fromNs)
            return true;
        if (e == QLatin1String(".") && resourceNs == fromNs)
            return true;
    }
    return false;
}

QStringList exportScopes(const QStringList &exportTo, const QString &ns) {
    if (exportTo.isEmpty() || exportTo.contains(QStringLiteral("*")))
        return {QStringLiteral("*")};
    QStringList out;
    for (const QString &e : exportTo) {
        const QString scope = e == QLatin1String(".") ? ns : e;
        if (!out.contains(scope))
            out << scope;
    }
    return out;
}

QStringList serviceExportTo(const QString &annotation, Qt::SplitBehavior blanks) {
    const bool keep = !blanks.testFlag(Qt::SkipEmptyParts);
    QStringList out;
    for (const QString &part : annotation.split(QLatin1Char(','), blanks)) {
        const QString t = part.trimmed();
        if (keep || !t.isEmpty())
            out << t;
    }
    return out;
}

} // namespace egret::istio
