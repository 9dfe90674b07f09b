#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace egret::yaml {

// A Go template action ("{{ .Values.x }}") found where YAML cannot hold it meaningfully, the
// sign of a Helm template rather than a manifest.
struct TemplateAction {
    int line = 0;   // 0-based, in the text scanned
    int column = 0; // 0-based, in characters
    QString text;   // the action as written, shortened to one line
};

// The first template action of `text` that YAML could not mean, if any. YAML may hold "{{ }}"
// as text: Prometheus annotations ("{{ $labels.instance }}"), Alertmanager templates in block
// scalars, comments. Those are not counted. What counts:
// - an action where a YAML node starts (a line start, a value, a sequence item, a flow entry):
//   YAML would read it as a mapping inside a mapping;
// - inside an unquoted value, an action with a trim marker ("{{-", "-}}"), a control word (if,
//   else, end, range, with, define, include, template, block, tpl) or a Helm object (.Values,
//   .Release, .Chart, .Capabilities, .Files, .Template);
// - inside a quoted value, an action naming a Helm object or calling include or tpl, which only
//   Helm defines.
// Text inside block scalars (| and >) and comments is never counted.
std::optional<TemplateAction> findTemplateAction(std::string_view text);

} // namespace egret::yaml
