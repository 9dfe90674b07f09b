#pragma once

#include "model/core/Ids.h"

#include <QHash>
#include <QVector>

namespace egret {

class Workspace;

// The documents that were added, changed or removed since the last look: what a view that
// follows a workspace incrementally needs to know after an edit, whatever made it (a gesture,
// undo, a recipe). Document ids are never reused, and a document's revision changes whenever
// its text or its resources do, so comparing revisions is exact.
struct DocumentDelta {
    QVector<DocumentId> added;
    QVector<DocumentId> changed;
    QVector<DocumentId> removed;
    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
};

class DocumentTracker {
public:
    // Compares the workspace with what the last call saw (nothing, at first: every document is
    // added). Linear in the documents, with one hash lookup each.
    DocumentDelta update(const Workspace &ws);
    void reset() { m_seen.clear(); }

private:
    QHash<DocumentId, quint64> m_seen; // document -> revision seen
};

} // namespace egret
