#include "views/graph/items/LegendItem.h"

#include "model/flow/FlowGraph.h"
#include "views/graph/FlowStyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <iterator>

namespace egret::views {

namespace {

constexpr qreal kRow = 16;
constexpr qreal kSwatch = 34;
constexpr WireTls kTls[] = {WireTls::Plaintext, WireTls::AppTls, WireTls::IstioMutual,
                            WireTls::Simple,    WireTls::Mutual, WireTls::Hbone};

} // namespace

LegendItem::LegendItem() {
    setZValue(2);
    const QFontMetricsF fm(style::edgeFont());
    qreal w = fm.horizontalAdvance(QStringLiteral("timeout · retries · fault · weight badges"));
    for (WireTls t : kTls)
        w = std::max(w, fm.horizontalAdvance(style::tlsDescription(t)));
    // Shapes row, TLS rows, failing rows, badges row, title.
    m_size = QSizeF(w + kSwatch + 24, kRow * qreal(1 + 1 + std::size(kTls) + 2 + 1) + 14);
}

QRectF LegendItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size);
}

void LegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0xd0, 0xd7, 0xde), 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(boundingRect(), 6, 6);

    const QFont font = style::edgeFont();
    QFont bold = font;
    bold.setBold(true);
    qreal y = 8;
    const qreal x = 10;
    painter->setFont(bold);
    painter->setPen(style::kText);
    painter->drawText(QRectF(x, y, m_size.width(), kRow), Qt::AlignVCenter,
                      QStringLiteral("Legend"));
    y += kRow;

    // Shapes: workload, gateway, host, group.
    painter->setFont(font);
    qreal sx = x;
    const struct {
        VisibleNode::Kind kind;
        const char *name;
    } shapes[] = {{VisibleNode::Workload, "workload"},
                  {VisibleNode::Gateway, "gateway"},
                  {VisibleNode::Host, "host"},
                  {VisibleNode::Group, "group"}};
    const QFontMetricsF fm(font);
    for (const auto &s : shapes) {
        const QRectF r(sx, y + 3, 16, 10);
        painter->setPen(QPen(style::nodeBorder(s.kind), 1));
        painter->setBrush(style::nodeFill(s.kind));
        if (s.kind == VisibleNode::Host)
            painter->drawRoundedRect(r, 5, 5);
        else if (s.kind == VisibleNode::Gateway)
            painter->drawPolygon(QPolygonF({{r.left() + 4, r.top()},
                                            {r.right() - 4, r.top()},
                                            {r.right(), r.center().y()},
                                            {r.right() - 4, r.bottom()},
                                            {r.left() + 4, r.bottom()},
                                            {r.left(), r.center().y()}}));
        else
            painter->drawRoundedRect(r, 2, 2);
        painter->setPen(style::kText);
        const QString name = QLatin1String(s.name);
        painter->drawText(QPointF(sx + 19, y + kRow - 4), name);
        sx += 19 + fm.horizontalAdvance(name) + 10;
    }
    y += kRow + 2;

    auto line = [&](const QPen &pen, const QString &text) {
        painter->setPen(pen);
        painter->drawLine(QPointF(x, y + kRow / 2), QPointF(x + kSwatch - 6, y + kRow / 2));
        painter->setPen(style::kText);
        painter->drawText(QRectF(x + kSwatch, y, m_size.width() - kSwatch, kRow), Qt::AlignVCenter,
                          text);
        y += kRow;
    };
    for (WireTls t : kTls)
        line(style::hopPen(t, false, false, false), style::tlsDescription(t));
    line(style::hopPen(WireTls::AppTls, true, false, false), QStringLiteral("broken by a finding"));
    line(style::hopPen(WireTls::AppTls, false, true, false),
         QStringLiteral("blocked (REGISTRY_ONLY)"));
    painter->setPen(style::kMuted);
    painter->drawText(QRectF(x, y, m_size.width(), kRow), Qt::AlignVCenter,
                      QStringLiteral("timeout · retries · fault · weight badges"));
}

} // namespace egret::views
