#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

Gateway gateway(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    Gateway g;
    g.selector = strMap(spec, "selector");
    forEach(spec, "servers", [&](const YAML::Node &s) {
        Server server;
        const YAML::Node port = child(s, "port");
        server.port.number = integer(port, "number");
        server.port.name = str(port, "name");
        server.port.protocol = str(port, "protocol");
        server.port.targetPort = integer(port, "targetPort");
        server.hosts = strList(s, "hosts");
        server.bind = str(s, "bind");
        server.name = str(s, "name");
        server.defaultEndpoint = str(s, "defaultEndpoint");
        const YAML::Node tls = child(s, "tls");
        if (tls.IsMap()) {
            ServerTlsSettings t;
            t.mode = str(tls, "mode");
            t.credentialName = str(tls, "credentialName");
            t.credentialNames = strList(tls, "credentialNames");
            t.serverCertificate = str(tls, "serverCertificate");
            t.privateKey = str(tls, "privateKey");
            t.caCertificates = str(tls, "caCertificates");
            t.subjectAltNames = strList(tls, "subjectAltNames");
            t.httpsRedirect = boolean(tls, "httpsRedirect").value_or(false);
            server.tls = t;
        }
        g.servers.append(server);
    });
    return g;
}

} // namespace egret::decode
