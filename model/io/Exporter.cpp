#include "model/io/Exporter.h"

#include "model/yaml/Emitter.h"
#include "model/yaml/MergeKeys.h"

#include <yaml-cpp/yaml.h>

namespace egret {

bool blocksExport(const Diagnostic &d) {
    return d.severity == Severity::Error || d.code == codes::UnknownField ||
           d.code == codes::DuplicateKey;
}

ExportResult exportWorkspace(const Workspace &ws, const ExportOptions &options) {
    ExportResult result;
    for (const SourceFile &file : ws.files())
        for (const Diagnostic &d : file.diagnostics)
            if (blocksExport(d))
                result.problems.append(d);

    QByteArray out;
    for (const SourceFile &file : ws.files()) {
        for (DocumentId id : file.documents) {
            const SourceDocument *doc = ws.document(id);
            for (const Diagnostic &d : doc->diagnostics)
                if (blocksExport(d))
                    result.problems.append(d);
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
                if (!text)
                    continue; // refused when loaded (alias bomb)
                if (result.documents > 0)
                    out += "---\n";
                out += QByteArray::fromStdString(*text);
                ++result.documents;
            }
        }
    }
    result.ok = result.problems.isEmpty();
    if (result.ok || options.force)
        result.yaml = out;
    return result;
}

} // namespace egret
