#pragma once

#include "model/core/Ids.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

namespace egret::views {

// What the user has selected, one thing for every view: resources (the first is the one the
// Properties and YAML docks show), the field pointed at inside it, and where the selection was
// made, so that the view it came from is not told about its own gesture.
class SelectionModel : public QObject {
    Q_OBJECT

public:
    enum class Origin { Program, Resources, Canvas };
    Q_ENUM(Origin)

    explicit SelectionModel(QObject *parent = nullptr);

    const QVector<ResourceId> &resources() const { return m_resources; }
    ResourceId current() const { return m_resources.value(0); }
    const QString &field() const { return m_field; }
    Origin origin() const { return m_origin; }
    // Hops were picked on the canvas: deleting removes the routes that make them rather than
    // the resources behind them.
    bool hopsChosen() const { return m_hops; }

    // Always announced, even when nothing differs: re-selecting reveals the field again.
    void select(const QVector<ResourceId> &ids, const QString &field, Origin origin,
                bool hops = false);
    void clear() { select({}, {}, Origin::Program); }
    // Keeps the resources that still exist, quietly; true when some went.
    bool retain(const std::function<bool(const ResourceId &)> &exists);

Q_SIGNALS:
    void changed(egret::views::SelectionModel::Origin origin);

private:
    QVector<ResourceId> m_resources;
    QString m_field;
    Origin m_origin = Origin::Program;
    bool m_hops = false;
};

} // namespace egret::views
