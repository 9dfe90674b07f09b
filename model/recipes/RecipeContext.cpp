#include "model/recipes/RecipeContext.h"

#include "model/recipes/HostNames.h"

#include "model/edit/NodeEdit.h"
#include "model/yaml/Emitter.h"

namespace egret::recipes {

namespace {

const QString kDefaultApiVersion = QStringLiteral("networking.istio.io/v1");

std::optional<YAML::Node> parse(const QByteArray &text) {
    try {
        return YAML::Load(std::string(text.constData(), std::size_t(text.size())));
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

} // namespace

QString resourceName(const QString &kind, const QString &ns, const QString &name) {
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

QString resourceName(Kind kind, const QString &ns, const QString &name) {
    return resourceName(kindName(kind), ns, name);
}

QString resourceName(const Resource &r) {
    return resourceName(r.kind, r.ns, r.meta.name);
}

RecipeContext::RecipeContext(const Workspace &ws, const QString &targetFile,
                             const QString &writtenNamespace, const MeshConfig &mesh)
    : m_ws(ws)
    , m_installation(resolveInstallation(ws, mesh))
    , m_recorder(m_ws)
    , m_targetFile(targetFile)
    , m_writtenNs(writtenNamespace) {
}

QString RecipeContext::effective(const QString &writtenNs) const {
    return writtenNs.isEmpty() ? m_ws.parseOptions().defaultNamespace : writtenNs;
}

QString RecipeContext::written(const QString &ns) const {
    return m_writtenNs.isEmpty() && ns == routeNamespace() ? QString() : ns;
}

QVector<const Resource *> RecipeContext::ofKind(Kind kind) const {
    QVector<const Resource *> out;
    m_ws.forEachResource([&](const Resource &r) {
        if (r.kind == kind)
            out.append(&r);
    });
    return out;
}

QVector<const Resource *>
RecipeContext::matching(Kind kind, const std::function<bool(const Resource &)> &pred) const {
    QVector<const Resource *> out;
    for (const Resource *r : ofKind(kind))
        if (pred(*r))
            out.append(r);
    return out;
}

const Resource *RecipeContext::find(Kind kind, const QString &ns, const QString &name) const {
    for (const Resource *r : ofKind(kind))
        if (r->ns == ns && r->meta.name == name)
            return r;
    return nullptr;
}

QString RecipeContext::uniqueName(Kind kind, const QString &ns, const QString &base) const {
    QString name = fitDnsLabel(base);
    for (int n = 2; find(kind, ns, name); ++n)
        name = fitDnsLabel(base, QStringLiteral("-%1").arg(n));
    return name;
}

const std::optional<YAML::Node> &RecipeContext::parsed(const SourceDocument &d) const {
    auto it = m_parsed.find(d.id);
    if (it == m_parsed.end() || it->first.constData() != d.text.constData() ||
        it->first.size() != d.text.size())
        it = m_parsed.insert(d.id, {d.text, parse(d.text)});
    return it->second;
}

YAML::Node RecipeContext::yamlOf(const Resource &r, const QString &fieldPath) const {
    const SourceDocument *d = m_ws.document(r.id.document);
    const std::optional<YAML::Node> *root = d ? &parsed(*d) : nullptr;
    if (!root || !*root)
        return YAML::Node(YAML::NodeType::Undefined);
    // A copy, so that no caller can change the kept tree.
    const YAML::Node node = edit::findPath(**root, r.documentPath(fieldPath));
    return node.IsDefined() ? YAML::Clone(node) : node;
}

bool RecipeContext::edit(const Resource &r, const QVector<edit::TextEdit> &edits,
                         const QString &what) {
    const SourceDocument *d = m_ws.document(r.id.document);
    if (!d)
        return false;
    QVector<edit::TextEdit> inDocument = edits;
    for (edit::TextEdit &e : inDocument)
        e.path = r.documentPath(e.path);
    const std::optional<YAML::Node> &root = parsed(*d);
    QString error;
    const std::optional<edit::PatchResult> patched =
        edit::patchDocument(d->text, inDocument, &error, root ? &*root : nullptr);
    if (!patched) {
        problem(QStringLiteral("workspace"),
                QStringLiteral("%1: cannot edit %2: %3")
                    .arg(r.location.toString(), resourceName(r), error));
        return false;
    }
    if (patched->methods.contains(edit::PatchMethod::Document))
        note(QStringLiteral("%1 was written again in its own style: the comments inside it "
                            "could not be kept")
                 .arg(resourceName(r)));
    else if (patched->methods.contains(edit::PatchMethod::Entry))
        note(QStringLiteral("%1 holds flow-style or multi-line YAML where it changed: that part "
                            "was written again, without its comments")
                 .arg(resourceName(r)));
    m_recorder.replaceText(d->id, patched->text);
    m_summary.append(what);
    return true;
}

QVector<edit::TextEdit> RecipeContext::appendItems(const Resource &r, const QString &listPath,
                                                   const YAML::Node &items) {
    QVector<edit::TextEdit> out;
    const YAML::Node existing = yamlOf(r, listPath);
    if (existing.IsSequence()) {
        for (std::size_t i = 0; i < items.size(); ++i)
            out << edit::TextEdit::appendItem(listPath, items[i]);
    } else if (!existing.IsDefined()) {
        const QString parent = listPath.section(QLatin1Char('.'), 0, -2);
        out << edit::TextEdit::insertEntry(parent, listPath.section(QLatin1Char('.'), -1), items);
    } else if (existing.IsNull()) {
        out << edit::TextEdit::setValue(listPath, items);
    } else {
        problem(QStringLiteral("workspace"),
                QStringLiteral("%1: %2 has something else than a list at %3")
                    .arg(r.location.toString(), resourceName(r), listPath));
    }
    return out;
}

int RecipeContext::targetFile() {
    const int file = m_ws.fileIndex(m_targetFile);
    return file >= 0 ? file : m_recorder.createFile(m_targetFile);
}

QString RecipeContext::apiVersionFor(Kind kind) const {
    // The versions Istio's "Gateway API" tabs write: TLSRoute (before Istio 1.30) and TCPRoute
    // exist only in the experimental channel's v1alpha2 (see the notes the recipes give).
    switch (kind) {
    case Kind::KubernetesGateway:
    case Kind::HttpRoute:
        return QStringLiteral("gateway.networking.k8s.io/v1");
    case Kind::TlsRoute:
    case Kind::TcpRoute:
        return QStringLiteral("gateway.networking.k8s.io/v1alpha2");
    case Kind::ReferenceGrant:
        return QStringLiteral("gateway.networking.k8s.io/v1beta1");
    default:
        break;
    }
    // Follow the apiVersion the file already uses for Istio's kinds.
    QString apiVersion = kDefaultApiVersion;
    const int file = m_ws.fileIndex(m_targetFile);
    if (file >= 0) {
        for (DocumentId id : m_ws.files()[file].documents) {
            for (const Resource &r : m_ws.document(id)->resources)
                if (isIstioNetworkingKind(r.kind) && apiVersion == kDefaultApiVersion)
                    apiVersion = r.apiVersion;
        }
    }
    return apiVersion;
}

void RecipeContext::create(Kind kind, const QString &writtenNs, const QString &name,
                           const YAML::Node &spec, const Labels &annotations) {
    YAML::Node body(YAML::NodeType::Map);
    body["spec"] = spec;
    createObject(apiVersionFor(kind), kindName(kind), writtenNs, name, annotations, body);
}

void RecipeContext::createObject(const QString &apiVersion, const QString &kind,
                                 const QString &writtenNs, const QString &name,
                                 const Labels &annotations, const YAML::Node &body,
                                 const Labels &labels) {
    YAML::Node root(YAML::NodeType::Map);
    root["apiVersion"] = edit::stringScalar(apiVersion);
    root["kind"] = edit::stringScalar(kind);
    YAML::Node meta(YAML::NodeType::Map);
    meta["name"] = edit::stringScalar(name);
    if (!writtenNs.isEmpty())
        meta["namespace"] = edit::stringScalar(writtenNs);
    if (!labels.isEmpty()) {
        YAML::Node written(YAML::NodeType::Map);
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            written[it.key().toStdString()] = edit::stringScalar(it.value());
        meta["labels"] = written;
    }
    if (!annotations.isEmpty()) {
        YAML::Node written(YAML::NodeType::Map);
        for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
            written[it.key().toStdString()] = edit::stringScalar(it.value());
        meta["annotations"] = written;
    }
    root["metadata"] = meta;
    for (auto it = body.begin(); it != body.end(); ++it)
        root[it->first.Scalar()] = it->second;

    const int file = targetFile();
    // Istio's docs and kubectl: two spaces, sequences not indented; an existing file's own
    // style wins.
    yaml::EmitStyle style;
    for (DocumentId id : m_ws.files()[file].documents) {
        const SourceDocument *d = m_ws.document(id);
        if (!d->hasContent || !d->parsed)
            continue;
        if (const std::optional<YAML::Node> &root = parsed(*d); root && root->IsMap()) {
            style = yaml::detectStyle(*root);
            style.keepFlowCollections = false;
            break;
        }
    }
    yaml::NodeBudget budget(1 << 20);
    QByteArray text =
        QByteArray::fromStdString(yaml::emitDocument(root, style, budget).value_or(""));
    // The separator belongs to the new document (removing it gives the file back), in the
    // file's own line breaks.
    const QVector<DocumentId> &docs = m_ws.files()[file].documents;
    bool crlf = false;
    bool endsWithBreak = true;
    for (DocumentId id : docs) {
        const QByteArray &t = m_ws.document(id)->text;
        crlf = crlf || t.contains("\r\n");
        if (!t.isEmpty())
            endsWithBreak = t.endsWith('\n');
    }
    const QByteArray eol = crlf ? "\r\n" : "\n";
    if (crlf)
        text.replace("\n", eol);
    QByteArray document;
    if (!endsWithBreak)
        document += eol;
    if (!docs.isEmpty())
        document += "---" + eol;
    document += text;
    m_recorder.insertDocument(file, int(docs.size()), document);
    m_summary.append(
        QStringLiteral("created %1").arg(resourceName(kind, effective(writtenNs), name)));
}

void RecipeContext::remove(const Resource &r) {
    const QString name = resourceName(r);
    if (r.basePath.isEmpty()) {
        m_recorder.removeDocument(r.id.document);
        m_summary.append(QStringLiteral("removed %1").arg(name));
        return;
    }
    // An item of a `kind: List`: the item goes, the List stays.
    const int index =
        r.basePath.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0).toInt();
    Resource list = r;
    list.basePath.clear();
    edit(list, {edit::TextEdit::removeItem(QStringLiteral("items"), index)},
         QStringLiteral("removed %1").arg(name));
}

void RecipeContext::problem(const QString &field, const QString &message) {
    m_problems.append({field, message});
}

void RecipeContext::note(const QString &text) {
    if (!m_notes.contains(text))
        m_notes.append(text);
}

RouteResult RecipeContext::finish(const QString &description) {
    RouteResult result;
    result.problems = m_problems;
    result.ok = m_problems.isEmpty();
    if (result.ok) {
        result.change = m_recorder.take(description);
        result.summary = m_summary;
        result.notes = m_notes;
    }
    return result;
}

} // namespace egret::recipes
