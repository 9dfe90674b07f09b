#pragma once

#include <QByteArray>

namespace egret::bench {

struct MeshOptions {
    int hosts = 2000;
    int namespaces = 20; // client namespaces, one Deployment each
    int faultEvery = 0;  // 0: a clean mesh; n: every n-th host gets one deliberate mistake
};

// A mesh of N external hosts routed through the egress gateway, the way Istio's egress tasks do
// it, at the scale of Istio issue 42520: per host a ServiceEntry, a Gateway, a DestinationRule
// subset and a VirtualService (about 1.2 kB each, ~10 MB for 2000 hosts), plus one client
// Deployment per namespace. Faults, when asked for, rotate through the mistakes the validator
// must catch (missing subset, wrong port, unknown gateway, passthrough with http rules, TLS
// origination without CA, undeclared host).
QByteArray generateMesh(const MeshOptions &options);

} // namespace egret::bench
