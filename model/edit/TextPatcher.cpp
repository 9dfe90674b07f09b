#include "model/edit/TextPatcher.h"

#include "model/edit/DocumentRewriter.h"
#include "model/edit/NodeCompare.h"
#include "model/edit/NodeEdit.h"
#include "model/edit/SurgicalEdits.h"
#include "model/yaml/Emitter.h"
#include "model/yaml/YamlPath.h"

namespace egret::edit {

TextEdit TextEdit::setValue(const QString &path, const YAML::Node &value) {
    return {Kind::SetValue, path, QString(), -1, value};
}

TextEdit TextEdit::appendItem(const QString &sequencePath, const YAML::Node &item) {
    return {Kind::AppendItem, sequencePath, QString(), -1, item};
}

TextEdit TextEdit::insertEntry(const QString &mapPath, const QString &key,
                               const YAML::Node &value) {
    return {Kind::InsertEntry, mapPath, key, -1, value};
}

TextEdit TextEdit::removeEntry(const QString &mapPath, const QString &key) {
    return {Kind::RemoveEntry, mapPath, key, -1, YAML::Node()};
}

TextEdit TextEdit::removeItem(const QString &sequencePath, int index) {
    return {Kind::RemoveItem, sequencePath, QString(), index, YAML::Node()};
}

QString TextEdit::toString() const {
    const QString where = path.isEmpty() ? QStringLiteral("the document") : path;
    switch (kind) {
    case Kind::SetValue:
        return QStringLiteral("set %1").arg(where);
    case Kind::AppendItem:
        return QStringLiteral("append to %1").arg(where);
    case Kind::InsertEntry:
        return QStringLiteral("add %1").arg(yaml::appendKey(path, key));
    case Kind::RemoveEntry:
        return QStringLiteral("remove %1").arg(yaml::appendKey(path, key));
    case Kind::RemoveItem:
        return QStringLiteral("remove %1").arg(yaml::appendIndex(path, index));
    }
    return where;
}

namespace {

std::optional<YAML::Node> parse(const QByteArray &text) {
    try {
        return YAML::Load(std::string(text.constData(), std::size_t(text.size())));
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

bool hasKey(const YAML::Node &map, const std::string &key) {
    for (auto it = map.begin(), end = map.end(); it != end; ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return true;
    return false;
}

// The edit made to the tree: what the text must mean afterwards.
bool applyToTree(YAML::Node root, const TextEdit &e) {
    switch (e.kind) {
    case TextEdit::Kind::SetValue:
        return findPath(root, e.path).IsDefined() && setValue(root, e.path, e.value);
    case TextEdit::Kind::AppendItem: {
        YAML::Node seq = findPath(root, e.path);
        if (!seq.IsSequence())
            return false;
        seq.push_back(e.value);
        return true;
    }
    case TextEdit::Kind::InsertEntry: {
        YAML::Node map = findPath(root, e.path);
        if (!map.IsMap() || hasKey(map, e.key.toStdString()))
            return false;
        map.force_insert(stringScalar(e.key), e.value);
        return true;
    }
    case TextEdit::Kind::RemoveEntry: {
        YAML::Node map = findPath(root, e.path);
        return map.IsMap() && hasKey(map, e.key.toStdString()) && map.remove(e.key.toStdString());
    }
    case TextEdit::Kind::RemoveItem: {
        YAML::Node seq = findPath(root, e.path);
        return seq.IsSequence() && e.index >= 0 && std::size_t(e.index) < seq.size() &&
               seq.remove(std::size_t(e.index));
    }
    }
    return false;
}

std::optional<QByteArray> surgicalEdit(const QByteArray &text, const YAML::Node &root,
                                       const TextEdit &e, const yaml::EmitStyle &style) {
    switch (e.kind) {
    case TextEdit::Kind::SetValue:
        return e.value.IsScalar() || e.value.IsNull()
                   ? surgical::setScalar(text, root, e.path, e.value)
                   : std::nullopt;
    case TextEdit::Kind::AppendItem:
        return surgical::appendItem(text, root, e.path, e.value, style);
    case TextEdit::Kind::InsertEntry:
        return surgical::insertEntry(text, root, e.path, e.key, e.value, style);
    case TextEdit::Kind::RemoveEntry:
        return surgical::removeEntry(text, root, e.path, e.key);
    case TextEdit::Kind::RemoveItem:
        return surgical::removeItem(text, root, e.path, e.index);
    }
    return std::nullopt;
}

struct EntryRef {
    QString mapPath;
    QString key;
};

// The mapping entries that enclose the edit, innermost first: the ones that may be re-emitted
// in its place.
QVector<EntryRef> enclosingEntries(const TextEdit &e) {
    QVector<yaml::PathSegment> segs = yaml::parsePath(e.path);
    if (e.kind == TextEdit::Kind::SetValue && !segs.isEmpty() && !segs.last().isIndex()) {
        // The entry holding the value itself comes first.
    } else if (e.kind == TextEdit::Kind::SetValue && !segs.isEmpty()) {
        segs.removeLast(); // a sequence item: its sequence's entry is the innermost
    }
    QVector<EntryRef> out;
    while (!segs.isEmpty()) {
        const yaml::PathSegment last = segs.takeLast();
        QString parent;
        for (const yaml::PathSegment &s : segs)
            parent =
                s.isIndex() ? yaml::appendIndex(parent, s.index) : yaml::appendKey(parent, s.key);
        if (!last.isIndex())
            out.append({parent, last.key});
    }
    return out;
}

bool verified(const std::optional<QByteArray> &candidate, const YAML::Node &intended) {
    if (!candidate)
        return false;
    const std::optional<YAML::Node> reparsed = parse(*candidate);
    return reparsed && sameNode(*reparsed, intended);
}

} // namespace

std::optional<PatchResult> patchDocument(const QByteArray &text, const QVector<TextEdit> &edits,
                                         QString *error, const YAML::Node *parsed) {
    PatchResult result;
    result.text = text;
    for (const TextEdit &e : edits) {
        const std::optional<YAML::Node> root = parsed && result.text.constData() == text.constData()
                                                   ? std::optional(*parsed)
                                                   : parse(result.text);
        if (!root) {
            if (error)
                *error = QStringLiteral("the document is not valid YAML");
            return std::nullopt;
        }
        // A deep copy, a tenth of a parse (yaml-cpp's Clone keeps aliased nodes shared, as the
        // text shares them).
        const YAML::Node intended = YAML::Clone(*root);
        if (!applyToTree(intended, e)) {
            if (error)
                *error =
                    QStringLiteral("cannot %1: the document has no such place").arg(e.toString());
            return std::nullopt;
        }
        const yaml::EmitStyle style = yaml::detectStyle(*root);

        std::optional<QByteArray> done = surgicalEdit(result.text, *root, e, style);
        PatchMethod method = PatchMethod::Surgical;
        if (!verified(done, intended)) {
            done.reset();
            method = PatchMethod::Entry;
            for (const EntryRef &entry : enclosingEntries(e)) {
                const YAML::Node value =
                    findPath(intended, yaml::appendKey(entry.mapPath, entry.key));
                std::optional<QByteArray> candidate = surgical::replaceEntry(
                    result.text, *root, entry.mapPath, entry.key, value, style);
                if (verified(candidate, intended)) {
                    done = std::move(candidate);
                    break;
                }
            }
        }
        if (!done) {
            method = PatchMethod::Document;
            std::optional<QByteArray> candidate = rewriteDocument(
                result.text, [&](YAML::Node &tree) { return applyToTree(tree, e); }, error);
            if (verified(candidate, intended))
                done = std::move(candidate);
        }
        if (!done) {
            if (error)
                *error = QStringLiteral("cannot %1 without changing other parts of the document")
                             .arg(e.toString());
            return std::nullopt;
        }
        result.text = *done;
        result.methods.append(method);
    }
    return result;
}

} // namespace egret::edit
