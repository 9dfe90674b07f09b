#include "model/workspace/DocumentTracker.h"

#include "model/workspace/Workspace.h"

namespace egret {

DocumentDelta DocumentTracker::update(const Workspace &ws) {
    DocumentDelta delta;
    qsizetype live = 0;
    for (const SourceFile &file : ws.files())
        for (DocumentId id : file.documents) {
            ++live;
            const quint64 revision = ws.document(id)->revision;
            auto it = m_seen.find(id);
            if (it == m_seen.end()) {
                m_seen.insert(id, revision);
                delta.added << id;
            } else if (*it != revision) {
                *it = revision;
                delta.changed << id;
            }
        }
    // Every document seen before is either still there (counted above) or gone.
    if (m_seen.size() != live) {
        for (auto it = m_seen.begin(); it != m_seen.end();) {
            if (ws.document(it.key())) {
                ++it;
                continue;
            }
            delta.removed << it.key();
            it = m_seen.erase(it);
        }
    }
    return delta;
}

} // namespace egret
