#include "model/edit/NodeEdit.h"

#include "model/yaml/YamlPath.h"

namespace egret::edit {

YAML::Node stringScalar(const QString &text) {
    YAML::Node n(text.toStdString());
    n.SetTag("!");
    return n;
}

YAML::Node plainScalar(const QString &text) {
    YAML::Node n(text.toStdString());
    n.SetTag("?");
    return n;
}

YAML::Node integerScalar(qint64 value) {
    return plainScalar(QString::number(value));
}

namespace {

// The value of a mapping key, found by comparing key scalars (yaml-cpp's operator[] would add
// the key when missing).
YAML::Node mapValue(const YAML::Node &map, const std::string &key) {
    for (auto it = map.begin(), end = map.end(); it != end; ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    return YAML::Node(YAML::NodeType::Undefined);
}

} // namespace

// yaml-cpp's Node is a handle: `a = b` overwrites what `a` refers to, `a.reset(b)` moves the
// handle. Walking a tree must only ever reset.
YAML::Node findPath(const YAML::Node &root, const QString &path) {
    YAML::Node node;
    node.reset(root);
    for (const yaml::PathSegment &seg : yaml::parsePath(path)) {
        if (seg.isIndex()) {
            if (!node.IsSequence() || std::size_t(seg.index) >= node.size())
                return YAML::Node(YAML::NodeType::Undefined);
            node.reset(node[std::size_t(seg.index)]);
        } else {
            if (!node.IsMap())
                return YAML::Node(YAML::NodeType::Undefined);
            node.reset(mapValue(node, seg.key.toStdString()));
            if (!node.IsDefined())
                return YAML::Node(YAML::NodeType::Undefined);
        }
    }
    return node;
}

YAML::Node ensurePath(YAML::Node root, const QString &path) {
    YAML::Node node;
    node.reset(root);
    for (const yaml::PathSegment &seg : yaml::parsePath(path)) {
        if (seg.isIndex()) {
            if (!node.IsSequence() || std::size_t(seg.index) >= node.size())
                return YAML::Node(YAML::NodeType::Undefined);
            node.reset(node[std::size_t(seg.index)]);
            continue;
        }
        if (!node.IsMap())
            return YAML::Node(YAML::NodeType::Undefined);
        const std::string key = seg.key.toStdString();
        YAML::Node next = mapValue(node, key);
        if (!next.IsDefined() || next.IsNull()) {
            node[key] = YAML::Node(YAML::NodeType::Map);
            next.reset(mapValue(node, key)); // reset, not `=`: that would write through `next`
        }
        node.reset(next);
    }
    return node;
}

bool setValue(YAML::Node root, const QString &path, const YAML::Node &value) {
    QVector<yaml::PathSegment> segs = yaml::parsePath(path);
    if (segs.isEmpty())
        return false;
    const yaml::PathSegment last = segs.takeLast();
    QString parentPath;
    for (const yaml::PathSegment &s : segs)
        parentPath = s.isIndex() ? yaml::appendIndex(parentPath, s.index)
                                 : yaml::appendKey(parentPath, s.key);
    YAML::Node parent = ensurePath(root, parentPath);
    if (!parent.IsDefined())
        return false;
    if (last.isIndex()) {
        if (!parent.IsSequence() || std::size_t(last.index) > parent.size())
            return false;
        if (std::size_t(last.index) == parent.size())
            parent.push_back(value);
        else
            parent[std::size_t(last.index)] = value;
        return true;
    }
    if (!parent.IsMap())
        return false;
    const std::string key = last.key.toStdString();
    for (auto it = parent.begin(), end = parent.end(); it != end; ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key) {
            // Assigning through the iterator keeps the key where it is.
            YAML::Node slot = it->second;
            slot = value;
            return true;
        }
    }
    parent[key] = value;
    return true;
}

bool removePath(YAML::Node root, const QString &path) {
    QVector<yaml::PathSegment> segs = yaml::parsePath(path);
    if (segs.isEmpty())
        return false;
    const yaml::PathSegment last = segs.takeLast();
    QString parentPath;
    for (const yaml::PathSegment &s : segs)
        parentPath = s.isIndex() ? yaml::appendIndex(parentPath, s.index)
                                 : yaml::appendKey(parentPath, s.key);
    YAML::Node parent = findPath(root, parentPath);
    if (last.isIndex()) {
        if (!parent.IsSequence() || std::size_t(last.index) >= parent.size())
            return false;
        YAML::Node rebuilt(YAML::NodeType::Sequence);
        rebuilt.SetStyle(parent.Style());
        for (std::size_t i = 0; i < parent.size(); ++i)
            if (int(i) != last.index)
                rebuilt.push_back(parent[i]);
        parent = rebuilt; // assigns through to the tree: parent shares its node
        return true;
    }
    if (!parent.IsMap() || !mapValue(parent, last.key.toStdString()).IsDefined())
        return false;
    return parent.remove(last.key.toStdString());
}

} // namespace egret::edit
