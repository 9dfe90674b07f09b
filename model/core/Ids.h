#pragma once

#include <QHashFunctions>
#include <QtGlobal>

namespace egret {

using DocumentId = quint32;

// A resource is addressed by its document and its place there (a `kind: List` holds several).
struct ResourceId {
    DocumentId document = 0;
    int item = -1; // index in `items` of a List, -1 for a plain document

    bool isValid() const { return document != 0; }
    bool operator==(const ResourceId &) const = default;
    bool operator<(const ResourceId &o) const {
        return document != o.document ? document < o.document : item < o.item;
    }
};

inline size_t qHash(const ResourceId &id, size_t seed = 0) {
    return ::qHash(quint64(id.document) << 32 | quint32(id.item + 1), seed);
}

} // namespace egret
