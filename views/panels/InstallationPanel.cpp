#include "views/panels/InstallationPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace egret::views {

namespace {

QString portsText(const QVector<KubePort> &ports) {
    QStringList out;
    for (const KubePort &p : ports) {
        QString text = p.port ? QString::number(*p.port) : QStringLiteral("?");
        if (!p.targetPort.isEmpty() && p.targetPort != text)
            text += QStringLiteral("→") + p.targetPort;
        out << text;
    }
    return out.join(QStringLiteral(", "));
}

QString basisText(const KnownGateway &g) {
    switch (g.basis) {
    case GatewayBasis::Declared:
        return g.origin;
    case GatewayBasis::Inferred:
        return QStringLiteral("inferred: ") + g.origin;
    case GatewayBasis::DefaultProfile:
        break;
    }
    return QObject::tr("assumed: Istio's default profile");
}

} // namespace

InstallationPanel::InstallationPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_view(new QTreeWidget(this))
    , m_load(new QPushButton(tr("&Load Installation..."), this))
    , m_addPort(new QPushButton(tr("Add &Port..."), this))
    , m_save(new QPushButton(tr("Sa&ve Edits As..."), this)) {
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("installationView"));
    m_view->setHeaderLabels(
        {tr("Gateway"), tr("Direction"), tr("Service ports"), tr("Comes from")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_load->setToolTip(tr("Read an IstioOperator, ServiceMeshControlPlane, Sail Istio, mesh config "
                          "or the istio/gateway chart's values"));
    m_addPort->setToolTip(tr("Add a port to the selected gateway's Service"));
    m_save->setToolTip(tr("Write the gateways edited here as an IstioOperator overlay or as "
                          "the istio/gateway chart's values"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_load);
    buttons->addWidget(m_addPort);
    buttons->addWidget(m_save);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_load, &QPushButton::clicked, this, &InstallationPanel::loadRequested);
    connect(m_save, &QPushButton::clicked, this, &InstallationPanel::saveRequested);
    connect(m_addPort, &QPushButton::clicked, this, [this] {
        const QString g = selectedGateway();
        if (!g.isEmpty())
            Q_EMIT addPortRequested(g.section(QLatin1Char('/'), 0, 0),
                                    g.section(QLatin1Char('/'), 1));
    });
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &InstallationPanel::updateButtons);
    updateButtons();
}

void InstallationPanel::setInstallation(const Installation &inst) {
    const QString selected = selectedGateway();
    m_view->clear();
    for (const KnownGateway &g : inst.gateways) {
        const QString key = g.gateway.ns + QLatin1Char('/') + g.gateway.name;
        auto *item =
            new QTreeWidgetItem(m_view, {key, g.gateway.egress ? tr("egress") : tr("ingress"),
                                         portsText(g.gateway.ports), basisText(g)});
        item->setData(0, Qt::UserRole, key);
        item->setToolTip(3, basisText(g));
        if (key == selected)
            item->setSelected(true);
    }
    QStringList parts;
    parts << tr("Outbound traffic: %1").arg(inst.mesh.outboundTrafficPolicyMode)
          << tr("root namespace %1").arg(inst.mesh.rootNamespace);
    if (!inst.controlPlaneNamespace.isEmpty())
        parts << tr("control plane in %1").arg(inst.controlPlaneNamespace);
    if (!inst.revision.isEmpty())
        parts << tr("revision %1").arg(inst.revision);
    if (inst.members)
        parts << tr("mesh members: %1").arg(inst.members->join(QStringLiteral(", ")));
    QStringList sources;
    for (const InstallationSource &s : inst.sources)
        sources << s.description;
    parts << (sources.isEmpty() ? tr("no installation document read")
                                : tr("read from %1").arg(sources.join(QStringLiteral(", "))));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    updateButtons();
}

QString InstallationPanel::summaryText() const {
    return m_summary->text();
}

QString InstallationPanel::selectedGateway() const {
    const QList<QTreeWidgetItem *> items = m_view->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, Qt::UserRole).toString();
}

void InstallationPanel::updateButtons() {
    m_addPort->setEnabled(!selectedGateway().isEmpty());
}

} // namespace egret::views
