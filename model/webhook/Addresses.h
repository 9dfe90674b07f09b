#pragma once

#include <QString>

namespace egret::webhook {

// Network addresses as istiod reads them.

// IP addresses as Go's net/netip reads them: IPv4 in four decimal octets without
// leading zeros, IPv6 in any of its written forms, with an optional zone ("fe80::1%eth0").
bool isIpAddress(const QString &text);
// ValidateIPSubnet: an address, or with exactly one '/' a CIDR prefix ("10.0.0.0/8"). Empty when
// fine, else the problem as a sentence.
QString checkIpSubnet(const QString &text);

// "unix://" leads an address that is a unix domain socket.
inline constexpr QLatin1StringView kUnixAddressPrefix{"unix://"};
// ValidateUnixAddress, on the part after "unix://": an absolute file path, or "@name" for an
// abstract socket. Empty when fine.
QString checkUnixAddress(const QString &path);

} // namespace egret::webhook
