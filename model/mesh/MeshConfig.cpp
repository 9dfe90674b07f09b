#include "model/mesh/MeshConfig.h"

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

bool parseMeshConfig(const QByteArray &text, const QString &file, MeshConfig *out,
                     Diagnostics *problems) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        if (problems)
            problems->append(problem(
                file, e.mark.line + 1, e.mark.column + 1,
                QStringLiteral("malformed mesh config: %1").arg(QString::fromStdString(e.msg))));
        return false;
    }
    if (!root.IsMap()) {
        if (problems)
            problems->append(
                problem(file, 1, 1, QStringLiteral("a mesh config must be a mapping")));
        return false;
    }
    try {
        const QString kind = decode::str(root, "kind");
        if (kind == QLatin1String("ConfigMap")) {
            // The `istio` ConfigMap holds the MeshConfig as a YAML string under data.mesh.
            const QString mesh = decode::str(decode::child(root, "data"), "mesh");
            return parseMeshConfig(mesh.toUtf8(), file, out, problems);
        }
        if (kind == QLatin1String("IstioOperator"))
            readBody(decode::child(decode::child(root, "spec"), "meshConfig"), out);
        else
            readBody(root, out);
    } catch (const std::exception &e) {
        if (problems)
            problems->append(problem(
                file, 1, 1,
                QStringLiteral("cannot read mesh config: %1").arg(QString::fromUtf8(e.what()))));
        return false;
    }
    return true;
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
