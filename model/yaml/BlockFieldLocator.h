#pragma once

#include "model/yaml/TextPosition.h"

#include <QByteArray>
#include <QString>

namespace egret::yaml {

// The fast path of locateField (FieldLocator.h): the field at `path` in plain block-style YAML,
// found from indentation alone. Returns false when the text holds anything it is not sure of.
bool locateBlockField(const QByteArray &text, const QString &path, TextPosition *out);

} // namespace egret::yaml
