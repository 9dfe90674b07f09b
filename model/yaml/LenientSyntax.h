#pragma once

#include <QString>

#include <yaml-cpp/mark.h>

#include <optional>
#include <string_view>

namespace YAML {
class Node;
}

namespace egret::yaml {

// yaml-cpp reads some text that is not YAML, where Go's parser (and so kubectl) stops with
// "could not find expected ':'". Egret refuses it too: a document read one way here and another
// way by the cluster must not be edited as if it were fine.
struct NotYaml {
    YAML::Mark at; // where the text goes wrong
    QString message;
};

// Checks one entry of a mapping read from `text` (the document the marks point into):
// - a line among a block mapping's keys with no ':' (`spec:\n  o:\n  -2`), which yaml-cpp reads
//   as a key with a null value;
// - a value that starts on a later line no deeper than its key (`o:\n[1]`, `o:\n&a`, `o:\n*a`),
//   which yaml-cpp gives to the key; only a block sequence (and, as Go's parser allows, a block
//   scalar) may start there.
std::optional<NotYaml> notYaml(std::string_view text, const YAML::Node &map, const YAML::Node &key,
                               const YAML::Node &value);

} // namespace egret::yaml
