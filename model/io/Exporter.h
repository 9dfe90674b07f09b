#pragma once

#include "model/workspace/Workspace.h"

#include <QMap>

namespace egret {

struct ExportOptions {
    bool force = false; // write even when documents fail the schema
};

struct ExportResult {
    QByteArray yaml;      // one multi-document stream, `---` between documents
    Diagnostics problems; // what made (or, with force, would have made) the export fail
    int documents = 0;
    bool ok = false;
};

// True when a load diagnostic means `kubectl apply` would reject the document: any error, plus
// unknown fields and duplicate keys, which strict field validation refuses.
bool blocksExport(const Diagnostic &d);

// Writes every object of the workspace, in file and document order, as normalized YAML:
// kubectl's layout (2 spaces, sequences not indented), no comments, `kind: List` items as
// documents of their own, each object's apiVersion and key order as written, strings kept
// strings. The same workspace always gives the same bytes. Nothing is written when a document
// fails the schema, unless forced.
ExportResult exportWorkspace(const Workspace &ws, const ExportOptions &options = {});

// The same export split by namespace, for a GitOps folder: "<namespace>.yaml" per namespace
// (cluster-scoped objects in "cluster.yaml"), plus a "kustomization.yaml" listing them. File
// names map to contents; empty when the export fails (unless forced).
// Names come from the data, so only a valid namespace (a DNS label: no '/', no '.') names a file;
// a namespace that is not one is a problem, and forced, its documents go to
// "invalid.namespaces.yaml". A namespace whose file would be taken ("kustomization", or "cluster"
// beside cluster-scoped objects) gets "<namespace>.namespace.yaml", which no namespace's own file
// can be: every document has one file and no file is written twice.
struct FolderExport {
    QMap<QString, QByteArray> files;
    Diagnostics problems;
    bool ok = false;
};
FolderExport exportPerNamespace(const Workspace &ws, const ExportOptions &options = {});

} // namespace egret
