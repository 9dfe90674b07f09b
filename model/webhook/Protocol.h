#pragma once

#include <QString>

namespace egret::webhook {

// A port's protocol as istiod parses it (pkg/config/protocol): the name, in any case, of one it
// knows, or Unsupported (which the empty string is too).
enum class Protocol {
    Unsupported,
    Tcp,
    Udp,
    Grpc,
    GrpcWeb,
    Http,
    HttpProxy,
    Http2,
    Https,
    Tls,
    Mongo,
    Redis,
    MySql
};

Protocol parseProtocol(const QString &name);
bool isHttp(Protocol p); // HTTP on the wire: HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web
bool isTls(Protocol p);  // HTTPS, TLS
bool isTcp(Protocol p); // TCP itself and what rides on it unparsed: HTTPS, TLS, Mongo, Redis, MySQL
// The names parseProtocol knows, for messages.
QString knownProtocols();

} // namespace egret::webhook
