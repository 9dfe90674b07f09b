#include "model/io/Exporter.h"

#include "model/yaml/Emitter.h"
#include "model/yaml/MergeKeys.h"

#include <yaml-cpp/yaml.h>

namespace egret {

bool blocksExport(const Diagnostic &d) {
    return d.severity == Severity::Error || d.code == codes::UnknownField ||
           d.code == codes::DuplicateKey;
}

namespace {

struct ExportedObject {
    QString ns;
    QByteArray yaml;
};

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
                    out.append({r.ns, QByteArray::fromStdString(*text)});
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
    out.ok = out.problems.isEmpty();
    if (!out.ok && !options.force)
        return out;
    QMap<QString, QVector<QByteArray>> byFile;
    for (const ExportedObject &o : objects)
        byFile[(o.ns.isEmpty() ? QStringLiteral("cluster") : o.ns) + QStringLiteral(".yaml")]
            .append(o.yaml);
    QByteArray kustomization =
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n";
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        out.files.insert(it.key(), join(it.value()));
        kustomization += "- " + it.key().toUtf8() + '\n';
    }
    out.files.insert(QStringLiteral("kustomization.yaml"), kustomization);
    return out;
}

} // namespace egret
