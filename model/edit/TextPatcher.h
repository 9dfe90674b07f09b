#pragma once

#include <yaml-cpp/yaml.h>

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace egret::edit {

// One change to a document's node tree, addressed by a field path inside the document
// (`spec.servers[0].hosts`; a List's items start with `items[i].`). New values are built with
// NodeEdit's stringScalar/plainScalar/integerScalar so that they are written as they mean.
struct TextEdit {
    enum class Kind { SetValue, AppendItem, InsertEntry, RemoveEntry, RemoveItem };
    Kind kind = Kind::SetValue;
    QString path;     // the value to set, the sequence, or the mapping
    QString key;      // InsertEntry, RemoveEntry
    int index = -1;   // RemoveItem
    YAML::Node value; // SetValue, AppendItem, InsertEntry

    static TextEdit setValue(const QString &path, const YAML::Node &value);
    static TextEdit appendItem(const QString &sequencePath, const YAML::Node &item);
    // Adds a key at the end of a mapping; the key must not be there yet.
    static TextEdit insertEntry(const QString &mapPath, const QString &key,
                                const YAML::Node &value);
    static TextEdit removeEntry(const QString &mapPath, const QString &key);
    static TextEdit removeItem(const QString &sequencePath, int index);

    QString toString() const; // for messages: "append to spec.servers[0].hosts"
};

// How an edit was written into the text.
enum class PatchMethod {
    Surgical, // only the lines the edit concerns changed; every comment is kept
    Entry,    // the mapping entry holding the edit was re-emitted (its inner comments are lost)
    Document, // the document's content was re-emitted in its own style (rewriteDocument)
};

struct PatchResult {
    QByteArray text;
    QVector<PatchMethod> methods; // one per edit, in order
};

// Applies the edits in order to one document's text. Each edit is first written surgically,
// keeping the comments, quoting, indentation and line breaks of everything it does not touch;
// every result is parsed again and compared with the intended tree, and when the text is in
// a form the surgical edit cannot handle safely (flow collections, block scalars, aliases...)
// the smallest enclosing mapping entry, then the whole document, is re-emitted instead.
// Returns nothing (with a message) when an edit does not apply to the tree (a missing path,
// an existing key) or the text cannot be parsed.
// `parsed`, when given, is `text` parsed already (and left unchanged): it saves a parse, which a
// Gateway listing thousands of hosts feels.
std::optional<PatchResult> patchDocument(const QByteArray &text, const QVector<TextEdit> &edits,
                                         QString *error = nullptr,
                                         const YAML::Node *parsed = nullptr);

} // namespace egret::edit
