#include "model/io/Exporter.h"

#include "model/core/KubernetesNames.h"

#include "model/yaml/Emitter.h"
#include "model/yaml/FieldLocator.h"
#include "model/yaml/MergeKeys.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace egret {

bool blocksExport(const Diagnostic &d) {
    return d.severity == Severity::Error || d.code == codes::UnknownField ||
           d.code == codes::DuplicateKey;
}

namespace {

struct ExportedObject {
    QString ns;
    QByteArray yaml;
    SourceLocation nsLocation; // of metadata.namespace, else of the object
    ResourceRef resource;
};

SourceLocation namespaceLocation(const SourceDocument &doc, const Resource &r) {
    SourceLocation at = r.location;
    yaml::TextPosition p;
    if (yaml::locateField(doc.text, r.documentPath(QStringLiteral("metadata.namespace")), &p)) {
        at.line = doc.firstLine + p.line + 1;
        at.column = p.column + 1;
    }
    return at;
}

// Every object in file and document order, normalized, with the problems that block it.
QVector<ExportedObject> exportObjects(const Workspace &ws, Diagnostics *problems) {
    for (const SourceFile &file : ws.files())
        for (const Diagnostic &d : file.diagnostics)
            if (blocksExport(d))
                problems->append(d);
    QVector<ExportedObject> out;
    for (const SourceFile &file : ws.files()) {
        for (DocumentId id : file.documents) {
            const SourceDocument *doc = ws.document(id);
            for (const Diagnostic &d : doc->diagnostics)
                if (blocksExport(d))
                    problems->append(d);
            if (!doc->parsed || doc->resources.isEmpty())
                continue;
            YAML::Node parsed;
            try {
                parsed = YAML::Load(std::string(doc->text.constData(), size_t(doc->text.size())));
            } catch (const std::exception &) {
                continue; // already reported when it was loaded
            }
            yaml::NodeBudget mergeBudget(doc->text.size());
            if (!yaml::expandMergeKeys(doc->text, parsed, mergeBudget))
                continue;
            const YAML::Node &root = parsed;
            for (const Resource &r : doc->resources) {
                const YAML::Node node =
                    r.id.item >= 0 ? YAML::Node(root["items"][std::size_t(r.id.item)]) : root;
                yaml::NodeBudget budget(doc->text.size());
                const std::optional<std::string> text =
                    yaml::emitDocument(node, yaml::EmitStyle{}, budget);
                if (text) // else refused when loaded (alias bomb)
                    out.append({r.ns, QByteArray::fromStdString(*text), namespaceLocation(*doc, r),
                                r.ref()});
            }
        }
    }
    return out;
}

QByteArray join(const QVector<QByteArray> &documents) {
    QByteArray out;
    for (const QByteArray &d : documents) {
        if (!out.isEmpty())
            out += "---\n";
        out += d;
    }
    return out;
}

} // namespace

ExportResult exportWorkspace(const Workspace &ws, const ExportOptions &options) {
    ExportResult result;
    const QVector<ExportedObject> objects = exportObjects(ws, &result.problems);
    result.ok = result.problems.isEmpty();
    result.documents = int(objects.size());
    if (result.ok || options.force) {
        QVector<QByteArray> texts;
        for (const ExportedObject &o : objects)
            texts.append(o.yaml);
        result.yaml = join(texts);
    }
    return result;
}

FolderExport exportPerNamespace(const Workspace &ws, const ExportOptions &options) {
    FolderExport out;
    const QVector<ExportedObject> objects = exportObjects(ws, &out.problems);
    // The namespace names a file: only a valid one may (never "../x", "a/b" or "").
    const QString invalid = QStringLiteral("\ninvalid"); // a bucket no namespace can name
    QMap<QString, QVector<QByteArray>> byNamespace;      // "" for cluster-scoped objects
    for (const ExportedObject &o : objects) {
        QString bucket = o.ns;
        if (!o.ns.isEmpty()) {
            if (const QString problem = checkDnsLabel(o.ns); !problem.isEmpty()) {
                // Loading reports it already (a metadata rule); say it here only if not.
                const bool reported =
                    std::any_of(out.problems.cbegin(), out.problems.cend(), [&](const auto &d) {
                        return d.location.line == o.nsLocation.line &&
                               d.location.file == o.nsLocation.file &&
                               d.path.endsWith(QLatin1String("metadata.namespace"));
                    });
                if (!reported) {
                    Diagnostic d;
                    d.code = QStringLiteral("metadata");
                    d.message = QStringLiteral("namespace %1: the API server refuses it, and no "
                                               "file is named after it")
                                    .arg(problem);
                    d.location = o.nsLocation;
                    d.path = QStringLiteral("metadata.namespace");
                    d.resource = o.resource;
                    out.problems.append(d);
                }
                bucket = invalid;
            }
        }
        byNamespace[bucket].append(o.yaml);
    }
    out.ok = out.problems.isEmpty();
    if (!out.ok && !options.force)
        return out;
    const QString kustomizationFile = QStringLiteral("kustomization.yaml");
    auto fileOf = [&](const QString &bucket) {
        if (bucket == invalid)
            return QStringLiteral("invalid.namespaces.yaml");
        if (bucket.isEmpty())
            return QStringLiteral("cluster.yaml");
        const QString own = bucket + QStringLiteral(".yaml");
        const bool taken = own == kustomizationFile ||
                           (bucket == QLatin1String("cluster") && byNamespace.contains(QString()));
        return taken ? bucket + QStringLiteral(".namespace.yaml") : own;
    };
    QMap<QString, QByteArray> files;
    for (auto it = byNamespace.cbegin(); it != byNamespace.cend(); ++it)
        files.insert(fileOf(it.key()), join(it.value()));
    QByteArray kustomization =
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n";
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        kustomization += "- " + it.key().toUtf8() + '\n';
    files.insert(kustomizationFile, kustomization);
    out.files = std::move(files);
    return out;
}

} // namespace egret
