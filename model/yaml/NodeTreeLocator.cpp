#include "model/yaml/NodeTreeLocator.h"

#include "model/yaml/YamlPath.h"

#include <yaml-cpp/yaml.h>

namespace egret::yaml {

bool locateInNodeTree(const QByteArray &text, const QString &path, TextPosition *out) {
    YAML::Node node;
    try {
        node = YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const std::exception &) {
        return false;
    }
    YAML::Mark mark = node.Mark();
    for (const PathSegment &seg : parsePath(path)) {
        YAML::Node next;
        if (seg.isIndex()) {
            if (!node.IsSequence() || std::size_t(seg.index) >= node.size())
                break;
            next.reset(node[std::size_t(seg.index)]);
            mark = next.Mark();
        } else {
            if (!node.IsMap())
                break;
            const std::string key = seg.key.toStdString();
            bool found = false;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == key) {
                    mark = it->first.Mark();
                    next.reset(it->second);
                    found = true;
                    break;
                }
            }
            if (!found)
                break;
        }
        node.reset(next);
    }
    *out = textPosition(mark);
    return true;
}

} // namespace egret::yaml
