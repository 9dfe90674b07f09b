#pragma once

// The parts of Istio's Sidecar webhook (ValidateSidecar) shared by SidecarWebhook.cpp and
// SidecarIngress.cpp.
#include "model/webhook/WebhookReport.h"

#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook::sidecar {

// Ingress listeners: port, bind, defaultEndpoint, TLS and connection pool.
void checkIngressListeners(const YAML::Node &spec, WebhookReport &report);
// What a listener's port says besides its number: targetPort (ignored by Sidecars, so refused),
// name (a DNS label) and protocol (one Istio knows).
void checkListenerPort(const YAML::Node &port, const QString &path, WebhookReport &report);
// A listener's `bind` when it is an IP address; the problem as a sentence, empty when fine.
QString checkBindAddress(const QString &bind);

} // namespace egret::webhook::sidecar
