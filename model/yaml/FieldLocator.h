#pragma once

#include "model/yaml/TextPosition.h"

#include <QByteArray>
#include <QString>

namespace egret::yaml {

// Where the field at `path` is in a document's text, as locateInNodeTree (NodeTreeLocator.h)
// finds it: the key of a mapping entry, the item of a sequence, or the deepest part of the path
// that exists. It tries locateBlockField first, then reads the YAML as a stream of events and
// stops at the field, without building a node tree, because a validation run locates every
// finding. Returns false when the text cannot be read up to the field.
bool locateField(const QByteArray &text, const QString &path, TextPosition *out);

} // namespace egret::yaml
