#pragma once

#include <QString>
#include <QVector>

namespace egret::yaml {

// A field path such as `spec.http[1].route[0].destination` or
// `metadata.labels["app.kubernetes.io/name"]`: the way findings name a field.
struct PathSegment {
    QString key;    // set for a mapping key
    int index = -1; // >= 0 for a sequence item

    bool isIndex() const { return index >= 0; }
};

QString appendKey(const QString &path, const QString &key);
QString appendIndex(const QString &path, int index);
QVector<PathSegment> parsePath(const QString &path);

} // namespace egret::yaml
