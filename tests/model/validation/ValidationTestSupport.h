#pragma once

#include "TestSupport.h"

#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <QStringList>

namespace egret::test {

inline QString validationData(const QString &name) {
    return dataFile(QStringLiteral("validation/") + name);
}

// "CODE Kind ns/name path line:column" for each finding, as the .expected files write them.
inline QStringList findingLines(const QVector<validation::Finding> &findings) {
    QStringList out;
    for (const validation::Finding &f : findings)
        out << QStringLiteral("%1 %2 %3 %4:%5")
                   .arg(QLatin1String(f.type->code), f.resource.toString(), f.path)
                   .arg(f.location.line)
                   .arg(f.location.column);
    return out;
}

// The lines of an .expected file, without comments and blank lines.
inline QStringList expectedLines(const QString &path) {
    QStringList out;
    for (const QByteArray &line : readFile(path).split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            out << QString::fromUtf8(line.trimmed());
    return out;
}

inline QVector<validation::Finding>
validateFiles(const QStringList &files, const validation::ValidatorOptions &options = {},
              const QString &defaultNamespace = QStringLiteral("default")) {
    LoadOptions load;
    load.parse.defaultNamespace = defaultNamespace;
    return validation::validate(loadFiles(files, load), options);
}

} // namespace egret::test
