#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

ObjectMeta objectMeta(const YAML::Node &root) {
    const YAML::Node meta = child(root, "metadata");
    ObjectMeta m;
    m.name = str(meta, "name");
    m.ns = str(meta, "namespace");
    m.labels = strMap(meta, "labels");
    m.annotations = strMap(meta, "annotations");
    return m;
}

Workload workload(Kind kind, const YAML::Node &root) {
    Workload w;
    const YAML::Node spec = child(root, "spec");
    YAML::Node podSpec = spec;
    if (kind == Kind::Pod) {
        const YAML::Node meta = child(root, "metadata");
        w.podLabels = strMap(meta, "labels");
        w.podAnnotations = strMap(meta, "annotations");
        w.nodeName = str(spec, "nodeName");
    } else {
        const YAML::Node tmpl = child(spec, "template");
        const YAML::Node meta = child(tmpl, "metadata");
        w.podLabels = strMap(meta, "labels");
        w.podAnnotations = strMap(meta, "annotations");
        w.selector = strMap(child(spec, "selector"), "matchLabels");
        podSpec = child(tmpl, "spec");
    }
    w.serviceAccount = str(podSpec, "serviceAccountName");
    if (w.serviceAccount.isEmpty())
        w.serviceAccount = str(podSpec, "serviceAccount");
    forEach(podSpec, "containers",
            [&](const YAML::Node &c) { w.containerNames << str(c, "name"); });
    return w;
}

Service service(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    Service s;
    s.hasSelector = child(spec, "selector").IsMap();
    s.selector = strMap(spec, "selector");
    s.type = str(spec, "type");
    s.externalName = str(spec, "externalName");
    forEach(spec, "ports", [&](const YAML::Node &p) {
        KubePort kp;
        kp.name = str(p, "name");
        kp.port = integer(p, "port");
        kp.targetPort = str(p, "targetPort");
        kp.targetPortNumber = integer(p, "targetPort");
        kp.protocol = str(p, "protocol");
        s.ports.append(kp);
    });
    return s;
}

Secret secret(const YAML::Node &root) {
    Secret s;
    s.type = str(root, "type");
    const YAML::Node data = child(root, "data");
    if (data.IsMap()) {
        for (auto it = data.begin(), end = data.end(); it != end; ++it)
            s.data.insert(str(it->first), QByteArray::fromBase64(str(it->second).toLatin1()));
    }
    const YAML::Node stringData = child(root, "stringData");
    if (stringData.IsMap()) {
        for (auto it = stringData.begin(), end = stringData.end(); it != end; ++it)
            s.data.insert(str(it->first), str(it->second).toUtf8());
    }
    return s;
}

RequestAuthentication requestAuthentication(const YAML::Node &root) {
    RequestAuthentication ra;
    const YAML::Node selector = child(child(root, "spec"), "selector");
    if (selector.IsMap())
        ra.selector = strMap(selector, "matchLabels");
    return ra;
}

} // namespace egret::decode
