#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

ServiceEntry serviceEntry(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    ServiceEntry se;
    se.hosts = strList(spec, "hosts");
    se.addresses = strList(spec, "addresses");
    se.location = str(spec, "location");
    se.resolution = str(spec, "resolution");
    se.exportTo = strList(spec, "exportTo");
    se.subjectAltNames = strList(spec, "subjectAltNames");
    forEach(spec, "ports", [&](const YAML::Node &p) {
        se.ports.append(
            {integer(p, "number"), str(p, "protocol"), str(p, "name"), integer(p, "targetPort")});
    });
    forEach(spec, "endpoints", [&](const YAML::Node &e) {
        WorkloadEntry we;
        we.address = str(e, "address");
        const YAML::Node ports = child(e, "ports");
        if (ports.IsMap()) {
            for (auto it = ports.begin(), end = ports.end(); it != end; ++it) {
                if (auto n = integer(it->second))
                    we.ports.insert(str(it->first), *n);
            }
        }
        we.labels = strMap(e, "labels");
        we.network = str(e, "network");
        we.locality = str(e, "locality");
        we.weight = integer(e, "weight");
        we.serviceAccount = str(e, "serviceAccount");
        se.endpoints.append(we);
    });
    const YAML::Node selector = child(spec, "workloadSelector");
    if (selector.IsMap())
        se.workloadSelector = strMap(selector, "labels");
    forEach(child(root, "status"), "addresses", [&](const YAML::Node &a) {
        const QString v = a.IsMap() ? str(a, "value") : str(a);
        if (!v.isEmpty())
            se.statusAddresses << v;
    });
    return se;
}

} // namespace egret::decode
