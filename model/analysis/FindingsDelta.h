#pragma once

#include "model/workspace/Workspace.h"

#include <QStringList>

namespace egret {

// What a change does to the problems a person sees: the findings it adds and removes, for the
// reviews shown before writing (Save, the route dialog).
struct FindingsDelta {
    bool known = false; // false where nothing was compared
    QStringList added;
    QStringList removed;
};

// The problems of a workspace, load problems and validator findings, each as
// "Severity [code] Kind ns/name: message" (no file positions, which an edit shifts).
QStringList findingKeys(const Workspace &ws);

// What `after` adds to and removes from `before`, counted with repeats.
FindingsDelta findingsDelta(const QStringList &before, const QStringList &after);

} // namespace egret
