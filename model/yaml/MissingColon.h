#pragma once

#include <QString>

namespace YAML {
class Node;
}

namespace egret::yaml {

// yaml-cpp reads some text that is not YAML: a plain scalar alone on a line among a block
// mapping's keys (`spec:\n  o:\n  -2`) becomes a key with a null value. Go's parser, and so
// kubectl, stops there with "could not find expected ':'"; so does Egret. yaml-cpp gives such
// an entry's null value the key's own position, which no entry written with a ':' has.
bool keyWithoutColon(const YAML::Node &map, const YAML::Node &key, const YAML::Node &value);

// What to tell the user, at the key's position.
QString keyWithoutColonMessage(const YAML::Node &key);

} // namespace egret::yaml
