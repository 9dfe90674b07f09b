#include "views/selection/SelectionModel.h"

namespace egret::views {

SelectionModel::SelectionModel(QObject *parent)
    : QObject(parent) {
}

void SelectionModel::select(const QVector<ResourceId> &ids, const QString &field, Origin origin,
                            bool hops) {
    m_resources = ids;
    m_field = field;
    m_origin = origin;
    m_hops = hops;
    Q_EMIT changed(origin);
}

bool SelectionModel::retain(const std::function<bool(const ResourceId &)> &exists) {
    QVector<ResourceId> still;
    for (const ResourceId &id : std::as_const(m_resources))
        if (exists(id))
            still << id;
    if (still.size() == m_resources.size())
        return false;
    m_resources = still;
    return true;
}

} // namespace egret::views
