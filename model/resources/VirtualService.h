#pragma once

#include "model/resources/ObjectMeta.h"

#include <QVector>

#include <optional>

namespace egret {

// networking.istio.io VirtualService: routing rules for hosts, bound to the mesh or gateways.

struct StringMatch {
    QString type; // "exact", "prefix" or "regex"
    QString value;
    bool operator==(const StringMatch &) const = default;
};

struct Destination {
    QString host;
    QString subset;
    std::optional<qint64> port;
};

struct RouteDestination {
    bool hasDestination = false; // false for an entry like `- {}`
    Destination destination;
    std::optional<qint64> weight;
};

struct HttpMatchRequest {
    QString name;
    std::optional<StringMatch> uri;
    std::optional<StringMatch> scheme;
    std::optional<StringMatch> method;
    std::optional<StringMatch> authority;
    QMap<QString, StringMatch> headers;
    QMap<QString, StringMatch> queryParams;
    QMap<QString, StringMatch> withoutHeaders;
    std::optional<qint64> port;
    Labels sourceLabels;
    QStringList gateways;
    QString sourceNamespace;
    bool ignoreUriCase = false;
    // The match written canonically (keys sorted, `name` left out): equal strings mean the two
    // matches select the same requests.
    QString canonical;
};

struct HttpRetry {
    std::optional<qint64> attempts;
    QString perTryTimeout;
    QString retryOn;
};

struct HttpFault {
    bool hasDelay = false;
    QString fixedDelay;
    std::optional<double> delayPercentage;
    std::optional<qint64> delayPercent; // deprecated integer form
    bool hasAbort = false;
    std::optional<qint64> abortHttpStatus;
    std::optional<double> abortPercentage;
};

struct HttpRoute {
    QString name;
    QVector<HttpMatchRequest> match;
    QVector<RouteDestination> route;
    QString timeout;
    std::optional<HttpRetry> retries;
    std::optional<HttpFault> fault;
    std::optional<Destination> mirror;
    QVector<Destination> mirrors;
    bool hasRedirect = false;
    bool hasDirectResponse = false;
    bool hasDelegate = false;
};

struct TlsMatchAttributes {
    QStringList sniHosts;
    QStringList destinationSubnets;
    std::optional<qint64> port;
    Labels sourceLabels;
    QStringList gateways;
    QString sourceNamespace;
    QString canonical;
};

struct TlsRoute {
    QVector<TlsMatchAttributes> match;
    QVector<RouteDestination> route;
};

struct L4MatchAttributes {
    QStringList destinationSubnets;
    std::optional<qint64> port;
    QString sourceSubnet;
    Labels sourceLabels;
    QStringList gateways;
    QString sourceNamespace;
    QString canonical;
};

struct TcpRoute {
    QVector<L4MatchAttributes> match;
    QVector<RouteDestination> route;
};

struct VirtualService {
    QStringList hosts;
    QStringList gateways; // empty means [mesh]
    QStringList exportTo;
    QVector<HttpRoute> http;
    QVector<TlsRoute> tls;
    QVector<TcpRoute> tcp;
};

} // namespace egret
