#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

namespace {

ObjectRef targetRef(const YAML::Node &n) {
    ObjectRef r;
    r.group = str(n, "group");
    r.kind = str(n, "kind");
    r.name = str(n, "name");
    r.ns = str(n, "namespace");
    return r;
}

AuthorizationOperation operation(const YAML::Node &op) {
    AuthorizationOperation o;
    o.hosts = strList(op, "hosts");
    o.notHosts = strList(op, "notHosts");
    o.ports = strList(op, "ports");
    o.notPorts = strList(op, "notPorts");
    o.methods = strList(op, "methods");
    o.notMethods = strList(op, "notMethods");
    o.paths = strList(op, "paths");
    o.notPaths = strList(op, "notPaths");
    return o;
}

} // namespace

AuthorizationPolicy authorizationPolicy(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    AuthorizationPolicy p;
    p.action = str(spec, "action");
    forEach(spec, "targetRefs", [&](const YAML::Node &t) { p.targetRefs.append(targetRef(t)); });
    const YAML::Node single = child(spec, "targetRef");
    if (single.IsMap())
        p.targetRefs.append(targetRef(single));
    const YAML::Node selector = child(spec, "selector");
    if (selector.IsMap())
        p.selector = strMap(selector, "matchLabels");
    p.hasRules = child(spec, "rules").IsSequence();
    forEach(spec, "rules", [&](const YAML::Node &r) {
        AuthorizationRule rule;
        forEach(r, "to",
                [&](const YAML::Node &to) { rule.to.append(operation(child(to, "operation"))); });
        const YAML::Node from = child(r, "from");
        rule.fromCount = from.IsSequence() ? int(from.size()) : 0;
        const YAML::Node when = child(r, "when");
        rule.whenCount = when.IsSequence() ? int(when.size()) : 0;
        p.rules.append(rule);
    });
    return p;
}

} // namespace egret::decode
