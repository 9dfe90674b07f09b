#pragma once

#include "model/yaml/TextPosition.h"

#include <QByteArray>
#include <QString>

namespace egret::yaml {

// Finds the key of the field at `path` (e.g. `spec.http[1].route[0]`) in the node tree of a
// document's text: when the path does not exist, the deepest part of it that does. The whole
// document must parse, so text broken anywhere (an editor's, mid-edit) locates nothing. It is the
// reference that locateField (FieldLocator.h) matches. Returns false when the text is not YAML.
bool locateInNodeTree(const QByteArray &text, const QString &path, TextPosition *out);

} // namespace egret::yaml
