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
struct FolderExport {
    QMap<QString, QByteArray> files;
    Diagnostics problems;
    bool ok = false;
};
FolderExport exportPerNamespace(const Workspace &ws, const ExportOptions &options = {});

} // namespace egret
