#pragma once

#include "model/webhook/WebhookReport.h"

#include <QSet>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// What the ServiceEntry rules learn from the spec before judging its endpoints.
struct ServiceEntryFacts {
    QString resolution; // "NONE" when unset
    bool hasAddresses = false;
    QSet<QString> portNames; // spec.ports[].name, which the endpoints' ports refer to
};

// Resolution STATIC: endpoints are IP addresses or unix domain sockets.
void checkStaticEndpoints(const YAML::Node &spec, const ServiceEntryFacts &facts,
                          WebhookReport &report);
// Resolution DNS and DNS_ROUND_ROBIN: endpoints are IP addresses or names to look up.
void checkDnsEndpoints(const YAML::Node &spec, const ServiceEntryFacts &facts,
                       WebhookReport &report);

} // namespace egret::webhook
