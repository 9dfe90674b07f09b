#include "model/decode/DocumentParser.h"

#include "model/decode/Decoders.h"
#include "model/decode/HelmTemplates.h"
#include "model/decode/MetadataRules.h"
#include "model/decode/NodeRead.h"
#include "model/schema/ResourceSchema.h"
#include "model/schema/SchemaChecker.h"
#include "model/yaml/LenientSyntax.h"
#include "model/yaml/MergeKeys.h"
#include "model/yaml/NodeBudget.h"
#include "model/yaml/Utf8.h"
#include "model/yaml/YamlPath.h"

#include <yaml-cpp/yaml.h>

namespace egret {

namespace {

// Turns check findings into diagnostics with file positions and records unknown fields.
class DiagnosticSink : public schema::CheckSink {
public:
    DiagnosticSink(const QString &file, int firstLine, Diagnostics &out)
        : m_file(file)
        , m_firstLine(firstLine)
        , m_out(out) {}

    void setTarget(Resource *resource) { m_resource = resource; }
    // Whose schema the target is checked against, named in unknown-field messages.
    void setSchemaName(const QString &name) { m_schemaName = name; }

    SourceLocation at(const YAML::Mark &mark) const {
        if (mark.is_null())
            return {m_file, m_firstLine + 1, 1};
        return {m_file, m_firstLine + mark.line + 1, mark.column + 1};
    }

    void add(Severity severity, const QString &code, const YAML::Mark &mark, const QString &path,
             const QString &message) {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.location = at(mark);
        d.message = message;
        if (m_resource) {
            d.path = m_resource->documentPath(path);
            d.resource = m_resource->ref();
            d.resourceId = m_resource->id; // the workspace fills in the document
        } else {
            d.path = path;
        }
        m_out.append(d);
    }

    void error(const YAML::Node &at, const QString &path, const QString &message) override {
        add(Severity::Error, codes::Schema, at.Mark(), path, message);
    }

    void warning(const YAML::Node &at, const QString &path, const QString &message) override {
        add(Severity::Warning, codes::DuplicateKey, at.Mark(), path, message);
    }

    void webhookError(const YAML::Node &at, const QString &path, const QString &message) override {
        add(Severity::Error, codes::Webhook, at.Mark(), path, message);
    }

    void webhookWarning(const YAML::Node &at, const QString &path,
                        const QString &message) override {
        add(Severity::Warning, codes::Webhook, at.Mark(), path, message);
    }

    void refused(const YAML::Node &at, const QString &path, const QString &message) override {
        add(Severity::Error, codes::TooLarge, at.Mark(), path, message);
    }

    void malformed(const YAML::Mark &at, const QString &path, const QString &message) override {
        add(Severity::Error, codes::Syntax, at, path, message);
    }

    void unknownField(const YAML::Node &key, const QString &path) override {
        const QString name = QString::fromStdString(key.Scalar());
        add(Severity::Warning, codes::UnknownField, key.Mark(), path,
            QStringLiteral("unknown field \"%1\": %2 does not define it (kept as written, but "
                           "kubectl apply --validate=strict rejects it)")
                .arg(name, m_schemaName));
        if (m_resource)
            m_resource->unknownFields << path;
    }

private:
    QString m_file;
    int m_firstLine;
    Diagnostics &m_out;
    Resource *m_resource = nullptr;
    QString m_schemaName;
};

// yaml-cpp says "illegal map value" where a tab indents a line; name the tab instead.
bool tabIndentBefore(const QByteArray &text, int lastLine, int *line, int *column) {
    int l = 0;
    qsizetype i = 0;
    while (i < text.size() && l <= lastLine) {
        qsizetype j = i;
        while (j < text.size() && text[j] == ' ')
            ++j;
        if (j < text.size() && text[j] == '\t') {
            *line = l;
            *column = int(j - i);
            return true;
        }
        const qsizetype nl = text.indexOf('\n', i);
        if (nl < 0)
            break;
        i = nl + 1;
        ++l;
    }
    return false;
}

QString describeRoot(const YAML::Node &root) {
    if (root.IsSequence())
        return QStringLiteral("a list");
    return schema::describeValue(root);
}

// Why a document of a group that governs mesh traffic is not read, or empty: a kind (or a
// version of a known kind) Egret does not interpret leaves the flows and findings incomplete, and
// the user is told so rather than shown a picture that leaves it out silently.
QString unreadReason(const QString &apiVersion, const QString &kindName, Kind kind) {
    if (kind != Kind::Unknown || kindName.isEmpty())
        return {};
    const QString group = apiGroup(apiVersion);
    const bool gatewayApi = group == QLatin1String("gateway.networking.k8s.io");
    if (!(gatewayApi || group == QLatin1String("networking.istio.io") ||
          group == QLatin1String("security.istio.io") ||
          group == QLatin1String("networking.x-k8s.io")))
        return {};
    if (gatewayApi && kindName == QLatin1String("GatewayClass"))
        return {}; // names a controller; Gateways name their class themselves
    const QStringList versions = gatewayApi ? gatewayApiVersions(kindName) : QStringList();
    if (!versions.isEmpty())
        return QStringLiteral("%1 %2 is not a version Istio 1.22-1.30 serves (%3): Egret does "
                              "not read it, and the flows and findings leave it out")
            .arg(kindName, apiVersion, versions.join(QStringLiteral(", ")));
    return QStringLiteral("Egret does not read %1 (%2): the flows and findings leave out what it "
                          "does to traffic")
        .arg(kindName, apiVersion);
}

// Reads one object (a document, or an item of a List) into a resource.
void readObject(std::string_view text, const YAML::Node &node, const QString &basePath, int item,
                DiagnosticSink &sink, yaml::NodeBudget &budget, const ParseOptions &options,
                ParsedDocument &out, bool *stop) {
    if (!node.IsMap()) {
        sink.add(Severity::Error, codes::Structure, node.Mark(), basePath,
                 QStringLiteral("expected a Kubernetes object (a mapping), found %1")
                     .arg(describeRoot(node)));
        return;
    }
    Resource r;
    r.id.item = item;
    r.basePath = basePath;
    r.apiVersion = decode::str(node, "apiVersion");
    r.kindName = decode::str(node, "kind");
    r.kind = kindFromTypeMeta(r.apiVersion, r.kindName);
    r.meta = decode::objectMeta(node);
    r.ns = effectiveNamespace(r.kind, r.meta.ns, options.defaultNamespace);
    r.location = sink.at(node.Mark());
    sink.setTarget(&r);

    if (r.kindName.isEmpty()) {
        sink.add(Severity::Error, codes::Structure, node.Mark(), basePath,
                 QStringLiteral("missing \"kind\": every Kubernetes object names its kind"));
        r.wellFormed = false;
    }
    if (r.apiVersion.isEmpty()) {
        sink.add(Severity::Error, codes::Structure, node.Mark(), basePath,
                 QStringLiteral("missing \"apiVersion\""));
        r.wellFormed = false;
    }
    if (const QString why = unreadReason(r.apiVersion, r.kindName, r.kind); !why.isEmpty())
        sink.add(Severity::Info, codes::NotRead, node.Mark(), basePath, why);
    const YAML::Node metadata = decode::child(node, "metadata");
    // istioctl names an IstioOperator without one (installed-state).
    if (!decode::present(decode::child(metadata, "name")) &&
        !decode::present(decode::child(metadata, "generateName")) &&
        r.kind != Kind::IstioOperator) {
        sink.add(Severity::Error, codes::Structure, node.Mark(),
                 r.documentPath(QStringLiteral("metadata")),
                 QStringLiteral("missing \"metadata.name\": %1 needs a name")
                     .arg(r.kindName.isEmpty() ? QStringLiteral("the object") : r.kindName));
        r.wellFormed = false;
    }
    for (const decode::MetadataProblem &p : decode::checkMetadata(node, r.kind, r.kindName))
        sink.add(Severity::Error, codes::Metadata, p.mark, r.documentPath(p.path), p.message);
    sink.setSchemaName(schema::schemaName(r.kind));
    if (!schema::checkDocument(text, node, schema::resourceSchema(r.kind, r.apiVersion), budget,
                               sink)) {
        *stop = true;
        sink.setTarget(nullptr);
        return;
    }
    r.spec = decode::spec(r.kind, node);
    sink.setTarget(nullptr);
    out.resources.append(std::move(r));
}

} // namespace

QString effectiveNamespace(Kind kind, const QString &written, const QString &defaultNamespace) {
    if (isClusterScoped(kind))
        return {};
    return written.isEmpty() ? defaultNamespace : written;
}

ParsedDocument parseDocument(const QByteArray &text, const QString &file, int firstLine,
                             const ParseOptions &options) {
    ParsedDocument out;
    DiagnosticSink sink(file, firstLine, out.diagnostics);
    auto fail = [&](const QString &code, int line, int column, const QString &message) {
        Diagnostic d;
        d.severity = Severity::Error;
        d.code = code;
        d.location = {file, firstLine + line + 1, column + 1};
        d.message = message;
        out.diagnostics.append(d);
        out.hasContent = true;
    };

    // The loader keeps a UTF-16 file whole as one document; say so here, so that the message
    // stays the same when that document is read again after an edit.
    if (firstLine == 0 && yaml::startsWithUtf16Bom(text)) {
        fail(codes::Encoding, 0, 0,
             QStringLiteral("the file is UTF-16; Egret reads UTF-8 YAML (save it as UTF-8)"));
        return out;
    }
    const qsizetype bad = yaml::firstInvalidUtf8(text.constData(), text.size());
    if (bad >= 0) {
        int line = 0, column = 0;
        yaml::lineColumnAt(text.constData(), bad, &line, &column);
        fail(codes::Encoding, line - 1, column - 1,
             QStringLiteral("the file is not UTF-8: byte 0x%1 cannot start or continue a "
                            "character (save it as UTF-8)")
                 .arg(QString::number(quint8(text[bad]), 16)
                          .toUpper()
                          .rightJustified(2, QLatin1Char('0'))));
        return out;
    }
    const qsizetype nul = text.indexOf('\0');
    if (nul >= 0) {
        int line = 0, column = 0;
        yaml::lineColumnAt(text.constData(), nul, &line, &column);
        fail(codes::Encoding, line - 1, column - 1,
             QStringLiteral("a NUL byte: YAML text cannot contain it (is this a binary file?)"));
        return out;
    }

    // A Helm template's text is not YAML yet: one message for it, not the errors of its text.
    if (std::optional<Diagnostic> helm = templateProblem(text, file, firstLine)) {
        out.diagnostics.append(*helm);
        out.hasContent = true;
        return out;
    }

    YAML::Node root;
    try {
        root = YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        int tabLine = 0, tabColumn = 0;
        const int errorLine = e.mark.is_null() ? 0 : e.mark.line;
        if (tabIndentBefore(text, errorLine, &tabLine, &tabColumn)) {
            fail(codes::Syntax, tabLine, tabColumn,
                 QStringLiteral("a tab indents this line; YAML indentation must be spaces"));
        } else {
            fail(codes::Syntax, e.mark.is_null() ? 0 : e.mark.line,
                 e.mark.is_null() ? 0 : e.mark.column,
                 QStringLiteral("malformed YAML: %1%2")
                     .arg(QString::fromStdString(e.msg),
                          yaml::flowColonHint(
                              std::string_view(text.constData(), std::size_t(text.size())),
                              e.mark.is_null() ? 0 : e.mark.line)));
        }
        return out;
    } catch (const std::exception &e) {
        fail(codes::Syntax, 0, 0,
             QStringLiteral("malformed YAML: %1").arg(QString::fromUtf8(e.what())));
        return out;
    }
    out.parsed = true;
    if (!root.IsDefined() || root.IsNull())
        return out; // empty or comments only
    out.hasContent = true;

    const std::string_view view(text.constData(), std::size_t(text.size()));
    yaml::NodeBudget budget(text.size());
    bool stop = false;
    try {
        if (!yaml::expandMergeKeys(text, root, budget)) {
            sink.refused(root, QString(),
                         QStringLiteral("the document expands to more nodes than its text holds "
                                        "(nested aliases, an \"alias bomb\"); it is not loaded"));
            out.parsed = false;
            return out;
        }
        const bool isList = root.IsMap() && decode::str(root, "kind") == QLatin1String("List") &&
                            decode::child(root, "items").IsSequence();
        if (isList) {
            // The List's own keys; the checker walks each item.
            for (auto it = root.begin(), end = root.end(); it != end && !stop; ++it) {
                const auto entry = *it;
                if (const auto bad = yaml::notYaml(view, root, entry.first, entry.second)) {
                    sink.malformed(bad->at, QString(), bad->message);
                    stop = true;
                }
            }
            int i = 0;
            for (const YAML::Node &item : decode::child(root, "items")) {
                if (stop)
                    break;
                readObject(view, item, yaml::appendIndex(QStringLiteral("items"), i), i, sink,
                           budget, options, out, &stop);
                ++i;
            }
        } else {
            readObject(view, root, QString(), -1, sink, budget, options, out, &stop);
        }
    } catch (const std::exception &e) {
        // yaml-cpp throws on conversions it cannot make; nothing in the input should get here.
        sink.add(
            Severity::Error, codes::Syntax, root.Mark(), QString(),
            QStringLiteral("could not read the document: %1").arg(QString::fromUtf8(e.what())));
        stop = true;
    }
    if (stop) {
        out.resources.clear(); // refused as a whole; its text is still kept and saved as is
        out.parsed = false;
    }
    return out;
}

} // namespace egret
