#pragma once

#include <yaml-cpp/yaml.h>

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace egret::edit {

// A document's text in three parts: what precedes its content (comments, directives, the `---`
// line), the content, and the comments and blank lines after it.
struct DocumentParts {
    qsizetype bodyStart = 0;
    qsizetype bodyEnd = 0;
};
DocumentParts splitDocumentText(const QByteArray &text);

// Applies `change` to the document's parsed tree and writes the document back: the leading and
// trailing comments and the `---` line as they were, the content re-emitted in the document's
// own indentation style. Comments inside the content are not kept. `change` returns false to
// cancel. Returns nothing (with a message) when the text cannot be parsed.
std::optional<QByteArray> rewriteDocument(const QByteArray &text,
                                          const std::function<bool(YAML::Node &root)> &change,
                                          QString *error = nullptr);

// The text of a new document in Egret's style (Istio's docs: 2 spaces, sequences indented).
QByteArray renderDocument(const YAML::Node &root);

} // namespace egret::edit
