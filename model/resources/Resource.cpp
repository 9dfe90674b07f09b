#include "model/resources/Resource.h"

namespace egret {

QString Resource::documentPath(const QString &fieldPath) const {
    if (basePath.isEmpty())
        return fieldPath;
    if (fieldPath.isEmpty())
        return basePath;
    return basePath + QLatin1Char('.') + fieldPath;
}

} // namespace egret
