#include "views/graph/FlowStyle.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace egret::views::style {

QColor tlsColor(WireTls tls) {
    switch (tls) {
    case WireTls::Plaintext:
        return {0xc9, 0x7a, 0x0c};
    case WireTls::AppTls:
        return {0x2a, 0x6f, 0xc9};
    case WireTls::IstioMutual:
        return {0x1e, 0x8c, 0x4e};
    case WireTls::Simple:
        return {0x84, 0x3d, 0xb8};
    case WireTls::Mutual:
        return {0x0d, 0x76, 0x79};
    case WireTls::Hbone:
        return {0x3b, 0x8c, 0x1e};
    }
    return Qt::black;
}

QString tlsDescription(WireTls tls) {
    switch (tls) {
    case WireTls::Plaintext:
        return QStringLiteral("plaintext");
    case WireTls::AppTls:
        return QStringLiteral("application TLS, passed through");
    case WireTls::IstioMutual:
        return QStringLiteral("Istio mTLS (ISTIO_MUTUAL)");
    case WireTls::Simple:
        return QStringLiteral("TLS originated (SIMPLE)");
    case WireTls::Mutual:
        return QStringLiteral("mutual TLS originated (MUTUAL)");
    case WireTls::Hbone:
        return QStringLiteral("ambient HBONE tunnel (Istio mTLS, port 15008)");
    }
    return {};
}

QPen hopPen(WireTls tls, bool broken, bool blocked, bool emphasized) {
    QPen pen(broken || blocked ? kBroken : tlsColor(tls));
    pen.setWidthF((tls == WireTls::Mutual || tls == WireTls::IstioMutual || tls == WireTls::Hbone
                       ? 2.2
                       : 1.6) +
                  (broken ? 0.8 : 0) + (emphasized ? 1.2 : 0));
    // Failing beats TLS: a broken hop is solid red, a blocked one dotted red.
    if (blocked)
        pen.setStyle(Qt::DotLine);
    else if (tls == WireTls::Plaintext && !broken)
        pen.setStyle(Qt::DashLine);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QColor nodeFill(VisibleNode::Kind kind) {
    switch (kind) {
    case VisibleNode::Workload:
    case VisibleNode::WorkloadGroup:
        return {0xe8, 0xf0, 0xfb};
    case VisibleNode::Gateway:
    case VisibleNode::GatewayGroup:
        return {0xfd, 0xf2, 0xdd};
    case VisibleNode::Host:
        return {0xe6, 0xf6, 0xec};
    case VisibleNode::Group:
        return {0xf1, 0xf3, 0xf5};
    }
    return Qt::white;
}

QColor nodeBorder(VisibleNode::Kind kind) {
    switch (kind) {
    case VisibleNode::Workload:
    case VisibleNode::WorkloadGroup:
        return {0x3d, 0x5a, 0x80};
    case VisibleNode::Gateway:
    case VisibleNode::GatewayGroup:
        return {0xa8, 0x6b, 0x0c};
    case VisibleNode::Host:
        return {0x2b, 0x7a, 0x4b};
    case VisibleNode::Group:
        return {0x6c, 0x75, 0x7d};
    }
    return Qt::black;
}

QFont labelFont() {
    QFont f;
    f.setPointSizeF(10);
    f.setBold(true);
    return f;
}

QFont detailFont() {
    QFont f;
    f.setPointSizeF(8.5);
    return f;
}

QFont edgeFont() {
    QFont f;
    f.setPointSizeF(8);
    return f;
}

qreal sceneFontSize(const QFont &font) {
    return font.pointSizeF() * QFontMetricsF(font).fontDpi() / 72.0;
}

QSizeF nodeSize(const VisibleNode &node) {
    const QFontMetricsF label(labelFont());
    const QFontMetricsF detail(detailFont());
    qreal w = label.horizontalAdvance(node.label);
    qreal h = label.height();
    if (!node.detail.isEmpty()) {
        w = std::max(w, detail.horizontalAdvance(node.detail));
        h += detail.height() + 2;
    }
    // Room for each shape's decoration: the gateway's slanted sides, the host's round ends,
    // the group's stacked cards and its toggle.
    qreal extra = 2 * kPadding;
    switch (node.kind) {
    case VisibleNode::Workload:
        extra += 14;
        break;
    case VisibleNode::Gateway:
        // Text fits where the hexagon is three quarters of its width wide.
        extra = w / 3 + 2 * kPadding;
        break;
    case VisibleNode::Host:
        extra += h;
        break;
    case VisibleNode::Group:
    case VisibleNode::WorkloadGroup:
    case VisibleNode::GatewayGroup:
        extra += 26;
        break;
    }
    return {std::ceil(std::max<qreal>(w + extra, 90)), std::ceil(h + 2 * kPadding * 0.8)};
}

} // namespace egret::views::style
