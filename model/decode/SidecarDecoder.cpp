#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

Sidecar sidecar(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    Sidecar s;
    const YAML::Node selector = child(spec, "workloadSelector");
    if (selector.IsMap())
        s.workloadSelector = strMap(selector, "labels");
    forEach(spec, "egress", [&](const YAML::Node &e) {
        EgressListener l;
        const YAML::Node port = child(e, "port");
        if (port.IsMap())
            l.port = SidecarPort{integer(port, "number"), str(port, "protocol"), str(port, "name")};
        l.bind = str(e, "bind");
        l.captureMode = str(e, "captureMode");
        l.hosts = strList(e, "hosts");
        s.egress.append(l);
    });
    const YAML::Node policy = child(spec, "outboundTrafficPolicy");
    s.outboundTrafficPolicyMode = str(policy, "mode");
    s.hasEgressProxy = present(child(policy, "egressProxy"));
    s.hasIngress = child(spec, "ingress").IsSequence();
    return s;
}

} // namespace egret::decode
