#pragma once

#include <yaml-cpp/yaml.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace egret::edit {

// One edit of one field, as the Properties form makes them. Paths are inside the document
// (a List item's fields start with its `items[i]`).
struct FieldEdit {
    enum Operation { Set, Remove, Append };
    Operation operation = Set;
    QString path;     // the field to set or remove, or the list to append to
    YAML::Node value; // for Set and Append

    // "Set spec.resolution to DNS", for the undo history.
    QString description() const;
};

// The document's new text with the edit applied, written surgically where it can be (every
// comment and the layout of everything else kept; see TextPatcher), or nothing with a message
// when the edit does not fit the document (a path through a scalar...). Setting a field that
// is not there adds it, with the mappings that lead to it.
std::optional<QByteArray> applyFieldEdit(const QByteArray &documentText, const FieldEdit &edit,
                                         QString *error = nullptr);

} // namespace egret::edit
