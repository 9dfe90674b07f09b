#include "model/yaml/MissingColon.h"

#include <yaml-cpp/yaml.h>

namespace egret::yaml {

bool keyWithoutColon(const YAML::Node &map, const YAML::Node &key, const YAML::Node &value) {
    // In a flow mapping `{a, b: c}` a key without a value is valid YAML.
    if (map.Style() == YAML::EmitterStyle::Flow || !value.IsNull())
        return false;
    const YAML::Mark at = key.Mark();
    return !at.is_null() && value.Mark().pos == at.pos;
}

QString keyWithoutColonMessage(const YAML::Node &key) {
    return QStringLiteral(
               "malformed YAML: \"%1\" stands where a mapping key belongs, but no "
               "':' follows it (kubectl stops here with \"could not find expected ':'\")")
        .arg(QString::fromStdString(key.Scalar()).left(60));
}

} // namespace egret::yaml
