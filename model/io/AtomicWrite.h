#pragma once

#include <QByteArray>
#include <QString>

namespace egret {

// Writes the bytes to a temporary file beside the target and renames it over the target, so
// that a crash or a full disk never leaves a half-written file (QSaveFile).
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace egret
