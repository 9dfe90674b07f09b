#include "model/yaml/YamlPath.h"

namespace egret::yaml {

static bool isSimpleKey(const QString &key) {
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

QString appendKey(const QString &path, const QString &key) {
    if (!isSimpleKey(key)) {
        QString quoted = key;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return path + QStringLiteral("[\"") + quoted + QStringLiteral("\"]");
    }
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString appendIndex(const QString &path, int index) {
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QVector<PathSegment> parsePath(const QString &path) {
    QVector<PathSegment> out;
    int i = 0;
    const int n = int(path.size());
    while (i < n) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('.')) {
            ++i;
        } else if (c == QLatin1Char('[')) {
            ++i;
            if (i < n && path.at(i) == QLatin1Char('"')) {
                ++i;
                QString key;
                while (i < n && path.at(i) != QLatin1Char('"')) {
                    if (path.at(i) == QLatin1Char('\\') && i + 1 < n)
                        ++i;
                    key += path.at(i++);
                }
                i += 2; // closing quote and bracket
                out.append({key, -1});
            } else {
                int start = i;
                while (i < n && path.at(i) != QLatin1Char(']'))
                    ++i;
                out.append({QString(), path.mid(start, i - start).toInt()});
                ++i;
            }
        } else {
            int start = i;
            while (i < n && path.at(i) != QLatin1Char('.') && path.at(i) != QLatin1Char('['))
                ++i;
            out.append({path.mid(start, i - start), -1});
        }
    }
    return out;
}

} // namespace egret::yaml
