#pragma once

#include "model/io/NodeLocator.h"

namespace egret::validation {

// Where the field at `path` is in a document's text, as locatePath (model/io/NodeLocator.h) finds
// it: the key of a mapping entry, the item of a sequence, or the deepest part of the path that
// exists. It reads the YAML as a stream of events and stops at the field, without building a node
// tree, because a validation run locates every finding. Returns false when the text cannot be
// read up to the field.
bool locateField(const QByteArray &text, const QString &path, TextPosition *out);

// The fast path of locateField: plain block-style YAML read by indentation alone. Returns false
// when the text holds anything it is not sure of; it is exposed for tests.
bool locateBlockField(const QByteArray &text, const QString &path, TextPosition *out);

} // namespace egret::validation
