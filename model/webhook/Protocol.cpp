#include "model/webhook/Protocol.h"

#include <array>
#include <utility>

namespace egret::webhook {

namespace {

constexpr std::array<std::pair<const char *, Protocol>, 12> kProtocols{{
    {"tcp", Protocol::Tcp},
    {"udp", Protocol::Udp},
    {"grpc", Protocol::Grpc},
    {"grpc-web", Protocol::GrpcWeb},
    {"http", Protocol::Http},
    {"http_proxy", Protocol::HttpProxy},
    {"http2", Protocol::Http2},
    {"https", Protocol::Https},
    {"tls", Protocol::Tls},
    {"mongo", Protocol::Mongo},
    {"redis", Protocol::Redis},
    {"mysql", Protocol::MySql},
}};

} // namespace

Protocol parseProtocol(const QString &name) {
    const QString lower = name.toLower();
    for (const auto &[text, protocol] : kProtocols)
        if (lower == QLatin1String(text))
            return protocol;
    return Protocol::Unsupported;
}

bool isHttp(Protocol p) {
    return p == Protocol::Http || p == Protocol::Http2 || p == Protocol::HttpProxy ||
           p == Protocol::Grpc || p == Protocol::GrpcWeb;
}

bool isTls(Protocol p) {
    return p == Protocol::Https || p == Protocol::Tls;
}

bool isTcp(Protocol p) {
    return p == Protocol::Tcp || p == Protocol::Https || p == Protocol::Tls ||
           p == Protocol::Mongo || p == Protocol::Redis || p == Protocol::MySql;
}

QString knownProtocols() {
    return QStringLiteral("HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TCP, TLS, UDP, Mongo, "
                          "Redis, MySQL");
}

} // namespace egret::webhook
