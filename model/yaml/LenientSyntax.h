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

// A plain scalar inside a flow collection (`[...]`, `{...}`) that Go's YAML reader, and so
// kubectl, reads otherwise than yaml-cpp and YAML 1.2:
// - followed at once by ':' and ',', ']' or '}' (`[c:]`, `[001:db8::]`): kubectl keeps the ':'
//   in the string, yaml-cpp reads a key without a value;
// - starting with ':' (`[::1]`): kubectl refuses it, yaml-cpp reads a string.
// `inFlow` says whether the scalar stands in a flow collection (the first case can only).
std::optional<NotYaml> flowScalarDiffers(std::string_view text, const YAML::Node &scalar,
                                         bool inFlow);

// For a yaml-cpp syntax error on `line` (0-based): the same difference where yaml-cpp gives up
// but kubectl reads on (`{k: v:}`): a sentence to add to the message, or empty.
QString flowColonHint(std::string_view text, int line);

} // namespace egret::yaml
