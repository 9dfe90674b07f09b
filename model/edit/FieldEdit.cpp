#include "model/edit/FieldEdit.h"

#include "model/edit/DocumentRewriter.h"
#include "model/edit/NodeEdit.h"

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

std::optional<QByteArray> applyFieldEdit(const QByteArray &documentText, const FieldEdit &fieldEdit,
                                         QString *error) {
    QString why;
    const auto text = rewriteDocument(
        documentText,
        [&](YAML::Node &root) {
            switch (fieldEdit.operation) {
            case FieldEdit::Set:
                if (!setValue(root, fieldEdit.path, fieldEdit.value)) {
                    why = QStringLiteral("cannot set %1 in this document").arg(fieldEdit.path);
                    return false;
                }
                return true;
            case FieldEdit::Remove:
                if (!removePath(root, fieldEdit.path)) {
                    why = QStringLiteral("%1 is not in this document").arg(fieldEdit.path);
                    return false;
                }
                return true;
            case FieldEdit::Append: {
                YAML::Node list = findPath(root, fieldEdit.path);
                if (!list.IsDefined() || list.IsNull()) {
                    YAML::Node fresh(YAML::NodeType::Sequence);
                    fresh.push_back(fieldEdit.value);
                    if (!setValue(root, fieldEdit.path, fresh)) {
                        why = QStringLiteral("cannot add a list at %1").arg(fieldEdit.path);
                        return false;
                    }
                    return true;
                }
                if (!list.IsSequence()) {
                    why = QStringLiteral("%1 is not a list").arg(fieldEdit.path);
                    return false;
                }
                list.push_back(fieldEdit.value);
                return true;
            }
            }
            return false;
        },
        &why);
    if (!text && error)
        *error = why;
    return text;
}

} // namespace egret::edit
