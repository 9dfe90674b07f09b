#include "model/mesh/MeshConfig.h"

#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

#include <QFile>

namespace egret {

bool MeshConfig::autoAllocatesAddresses() const {
    const auto on = [&](const char *key) {
        return proxyMetadata.value(QLatin1String(key)) == QLatin1String("true");
    };
    return on("ISTIO_META_DNS_CAPTURE") &&
           (on("ISTIO_META_DNS_AUTO_ALLOCATE") || on("PILOT_ENABLE_IP_AUTOALLOCATE"));
}

namespace {

void readBody(const YAML::Node &body, MeshConfig *out) {
    using namespace decode;
    if (const QString mode = str(child(body, "outboundTrafficPolicy"), "mode"); !mode.isEmpty())
        out->outboundTrafficPolicyMode = mode;
    if (const QString mode = str(body, "ingressControllerMode"); !mode.isEmpty())
        out->ingressControllerMode = mode;
    if (const QString service = str(body, "ingressService"); !service.isEmpty())
        out->ingressService = service;
    if (const QString root = str(body, "rootNamespace"); !root.isEmpty())
        out->rootNamespace = root;
    const Labels metadata = strMap(child(body, "defaultConfig"), "proxyMetadata");
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        out->proxyMetadata.insert(it.key(), it.value());
}

Diagnostic problem(const QString &file, int line, int column, const QString &message) {
    Diagnostic d;
    d.code = QStringLiteral("mesh-config");
    d.location = {file, line, column};
    d.message = message;
    return d;
}

} // namespace

namespace {

// An installation document given apart, for mesh/Installation.
void addInstallation(const YAML::Node &root, Kind kind, const QString &file, MeshConfig *out) {
    InstallationSource s;
    s.spec = std::get<InstallationSpec>(decode::spec(kind, root));
    const ObjectMeta meta = decode::objectMeta(root);
    s.description = installationDescription(decode::str(root, "kind"), meta.ns, meta.name);
    s.file = file;
    s.line = root.Mark().line + 1;
    s.column = root.Mark().column + 1;
    s.given = true;
    out->installation.append(s);
}

bool readDocument(const YAML::Node &root, const QString &file, MeshConfig *out,
                  Diagnostics *problems) {
    const QString kind = decode::str(root, "kind");
    if (kind == QLatin1String("ConfigMap")) {
        // The `istio` ConfigMap holds the MeshConfig as a YAML string under data.mesh.
        const QString mesh = decode::str(decode::child(root, "data"), "mesh");
        return parseMeshConfig(mesh.toUtf8(), file, out, problems);
    }
    const Kind k = kindFromTypeMeta(decode::str(root, "apiVersion"), kind);
    if (isInstallationKind(k)) {
        if (k == Kind::IstioOperator)
            readBody(decode::child(decode::child(root, "spec"), "meshConfig"), out);
        if (k == Kind::SailIstio)
            readBody(
                decode::child(decode::child(decode::child(root, "spec"), "values"), "meshConfig"),
                out);
        addInstallation(root, k, file, out);
        return true;
    }
    if (!kind.isEmpty()) {
        if (problems)
            problems->append(
                problem(file, root.Mark().line + 1, root.Mark().column + 1,
                        QStringLiteral("%1 is not a mesh config: expected a MeshConfig, the istio "
                                       "ConfigMap, an IstioOperator, a ServiceMeshControlPlane, a "
                                       "ServiceMeshMemberRoll or a Sail Istio")
                            .arg(kind)));
        return false;
    }
    readBody(root, out);
    return true;
}

} // namespace

// A file of one or more documents: each a MeshConfig body (as `istioctl analyze
// --meshConfigFile` takes), the `istio` ConfigMap, or an installation document.
bool parseMeshConfig(const QByteArray &text, const QString &file, MeshConfig *out,
                     Diagnostics *problems) {
    std::vector<YAML::Node> roots;
    try {
        roots = YAML::LoadAll(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        if (problems)
            problems->append(problem(
                file, e.mark.line + 1, e.mark.column + 1,
                QStringLiteral("malformed mesh config: %1").arg(QString::fromStdString(e.msg))));
        return false;
    }
    bool ok = true;
    int read = 0;
    for (const YAML::Node &root : roots) {
        if (root.IsNull())
            continue;
        if (!root.IsMap()) {
            if (problems)
                problems->append(problem(file, root.Mark().line + 1, root.Mark().column + 1,
                                         QStringLiteral("a mesh config must be a mapping")));
            ok = false;
            continue;
        }
        try {
            ok = readDocument(root, file, out, problems) && ok;
            ++read;
        } catch (const std::exception &e) {
            if (problems)
                problems->append(problem(file, root.Mark().line + 1, 1,
                                         QStringLiteral("cannot read mesh config: %1")
                                             .arg(QString::fromUtf8(e.what()))));
            ok = false;
        }
    }
    if (read == 0 && ok) {
        if (problems)
            problems->append(
                problem(file, 1, 1, QStringLiteral("a mesh config must be a mapping")));
        return false;
    }
    return ok;
}

bool loadMeshConfig(const QString &path, MeshConfig *out, Diagnostics *problems) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append(
                problem(path, 0, 0, QStringLiteral("cannot read: %1").arg(f.errorString())));
        return false;
    }
    return parseMeshConfig(f.readAll(), path, out, problems);
}

} // namespace egret
