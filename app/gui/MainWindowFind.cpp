// Finding one's way among thousands: Find (Ctrl+F) goes to a host, a namespace or a resource on
// the canvas and in the Resources dock.
#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/graph/items/NodeItem.h"
#include "views/panels/FindBar.h"
#include "views/panels/ResourcesPanel.h"
#include "views/selection/SelectionModel.h"

#include <QLineEdit>
#include <QStatusBar>

namespace egret::gui {

void MainWindow::openFind() {
    m_findBar->setTargets(views::findTargets(m_session->workspace(), m_scene->flows()));
    if (!m_findBar->isVisible() || !m_findBar->field()->hasFocus())
        m_findBar->open();
}

void MainWindow::goTo(const views::FindTarget &target) {
    // Centres the canvas on a node once it is placed: opening a group lays the graph out anew.
    auto centreOn = [this](const QString &nodeId) {
        auto centre = [this, nodeId] {
            if (const views::NodeItem *item = m_scene->nodeItem(nodeId))
                m_canvas->reveal(item->sceneBoundingRect());
        };
        if (m_scene->isLayoutPending())
            connect(m_scene, &views::FlowScene::layoutFinished, this, centre,
                    Qt::SingleShotConnection);
        else
            centre();
    };
    switch (target.kind) {
    case views::FindTarget::Host: {
        // Selecting it selects the resources behind it everywhere; once its group is open.
        const QString id = target.flowNodeId;
        auto select = [this, id, centreOn] {
            m_scene->selectIds({id});
            centreOn(id);
        };
        m_scene->revealNode(id);
        if (m_scene->isPlanPending())
            connect(m_scene, &views::FlowScene::flowsChanged, this, select,
                    Qt::SingleShotConnection);
        else
            select();
        break;
    }
    case views::FindTarget::Resource:
        selectResource(target.resource);
        break;
    case views::FindTarget::Namespace: {
        QVector<ResourceId> ids;
        m_session->workspace().forEachResource([&](const Resource &r) {
            if (r.ns == target.ns)
                ids << r.id;
        });
        m_selection->select(ids, QString(), views::SelectionModel::Origin::Program);
        break;
    }
    }
    statusBar()->showMessage(tr("Found %1").arg(target.text), 4000);
}

} // namespace egret::gui
