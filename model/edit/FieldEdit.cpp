#include "model/edit/FieldEdit.h"

#include "model/edit/NodeEdit.h"
#include "model/edit/TextPatcher.h"
#include "model/yaml/YamlPath.h"

namespace egret::edit {

QString FieldEdit::description() const {
    const QString shown = value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
    switch (operation) {
    case Set:
        return shown.isEmpty() ? QStringLiteral("Change %1").arg(path)
                               : QStringLiteral("Set %1 to %2").arg(path, shown);
    case Remove:
        return QStringLiteral("Remove %1").arg(path);
    case Append:
        return shown.isEmpty() ? QStringLiteral("Add an item to %1").arg(path)
                               : QStringLiteral("Add %1 to %2").arg(shown, path);
    }
    return {};
}

namespace {

QString join(const QVector<yaml::PathSegment> &segments, int count) {
    QString path;
    for (int i = 0; i < count; ++i)
        path = segments[i].isIndex() ? yaml::appendIndex(path, segments[i].index)
                                     : yaml::appendKey(path, segments[i].key);
    return path;
}

// The text edit that sets `path` to `value`: a scalar set where the field exists, otherwise an
// entry inserted at the deepest mapping that does, holding the missing part of the path.
std::optional<TextEdit> setEdit(const YAML::Node &root, const QString &path,
                                const YAML::Node &value, QString *why) {
    if (findPath(root, path).IsDefined())
        return TextEdit::setValue(path, value);
    const QVector<yaml::PathSegment> segs = yaml::parsePath(path);
    int existing = int(segs.size()) - 1;
    while (existing > 0 && !findPath(root, join(segs, existing)).IsDefined())
        --existing;
    const QString parentPath = join(segs, existing);
    const YAML::Node parent = findPath(root, parentPath);
    if (segs[existing].isIndex() || !(parent.IsMap() || (existing == 0 && root.IsMap()))) {
        *why = QStringLiteral("cannot add %1 here").arg(path);
        return std::nullopt;
    }
    // Build the missing part inside out: {a: {b: value}}.
    YAML::Node built = value;
    for (int i = int(segs.size()) - 1; i > existing; --i) {
        if (segs[i].isIndex()) {
            *why = QStringLiteral("cannot add %1 here").arg(path);
            return std::nullopt;
        }
        YAML::Node wrap(YAML::NodeType::Map);
        wrap[segs[i].key.toStdString()] = built;
        built = wrap;
    }
    return TextEdit::insertEntry(parentPath, segs[existing].key, built);
}

} // namespace

std::optional<QByteArray> applyFieldEdit(const QByteArray &documentText, const FieldEdit &fieldEdit,
                                         QString *error) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(documentText.constData(), size_t(documentText.size())));
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    QString why;
    std::optional<TextEdit> textEdit;
    const QVector<yaml::PathSegment> segs = yaml::parsePath(fieldEdit.path);
    switch (fieldEdit.operation) {
    case FieldEdit::Set:
        textEdit = setEdit(root, fieldEdit.path, fieldEdit.value, &why);
        break;
    case FieldEdit::Remove:
        if (segs.isEmpty() || !findPath(root, fieldEdit.path).IsDefined()) {
            why = QStringLiteral("%1 is not in this document").arg(fieldEdit.path);
        } else if (segs.last().isIndex()) {
            textEdit = TextEdit::removeItem(join(segs, int(segs.size()) - 1), segs.last().index);
        } else {
            textEdit = TextEdit::removeEntry(join(segs, int(segs.size()) - 1), segs.last().key);
        }
        break;
    case FieldEdit::Append: {
        const YAML::Node list = findPath(root, fieldEdit.path);
        if (list.IsSequence()) {
            textEdit = TextEdit::appendItem(fieldEdit.path, fieldEdit.value);
        } else if (!list.IsDefined() || list.IsNull()) {
            YAML::Node fresh(YAML::NodeType::Sequence);
            fresh.push_back(fieldEdit.value);
            textEdit = setEdit(root, fieldEdit.path, fresh, &why);
        } else {
            why = QStringLiteral("%1 is not a list").arg(fieldEdit.path);
        }
        break;
    }
    }
    if (!textEdit) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    const std::optional<PatchResult> patched = patchDocument(documentText, {*textEdit}, &why);
    if (!patched) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return patched->text;
}

} // namespace egret::edit
