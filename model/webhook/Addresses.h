#pragma once

#include <QString>

namespace egret::webhook {

// Istio's address rules (agent.ValidateIPAddress, ValidateUnixAddress).
// An IPv4 or IPv6 address, as Go's netip.ParseAddr reads one (an IPv6 zone allowed).
bool isIpAddress(const QString &text);
// The path of a unix domain socket after "unix://": absolute and not a directory, or an abstract
// socket ("@name"). The problem as a sentence, empty when fine.
QString checkUnixAddress(const QString &path);

} // namespace egret::webhook
