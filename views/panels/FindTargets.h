#pragma once

#include "model/core/Ids.h"

#include <QString>
#include <QVector>

namespace egret {
class FlowGraph;
class Workspace;
} // namespace egret

namespace egret::views {

// Something Find can go to: an external host (a node of the flow graph), a resource, or a
// namespace. `text` is what the user types to find it.
struct FindTarget {
    enum Kind { Host, Resource, Namespace };
    Kind kind = Resource;
    QString text;       // "api.example.com", "ServiceEntry shop/httpbin", "namespace shop"
    QString flowNodeId; // hosts (and resources drawn as a node)
    ResourceId resource;
    QString ns;
};

// Everything Find can go to in a workspace and its flows: hosts first, then namespaces, then
// resources, each sorted by name.
QVector<FindTarget> findTargets(const Workspace &ws, const FlowGraph &flows);

} // namespace egret::views
