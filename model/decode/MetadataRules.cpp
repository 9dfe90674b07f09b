#include "model/decode/MetadataRules.h"

#include "model/core/KubernetesNames.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

namespace {

// The API server refuses an object whose annotations (keys and values) exceed this in total.
constexpr qsizetype kAnnotationBytes = 256 * 1024;

// The name rule of a kind, as the API server's validation for it says.
QString checkName(Kind kind, const QString &name) {
    if (kind == Kind::Namespace)
        return checkDnsLabel(name);
    if (kind == Kind::Service)
        return checkDns1035Label(name);
    return checkDnsSubdomain(name);
}

QString ruleOf(Kind kind) {
    if (kind == Kind::Namespace)
        return QStringLiteral("an RFC 1123 label");
    if (kind == Kind::Service)
        return QStringLiteral("an RFC 1035 label");
    return QStringLiteral("an RFC 1123 subdomain");
}

// apiVersion: "v1" for the core group, else "<group>/<version>", the group a DNS subdomain and the
// version a DNS label (the API server and kubectl resolve nothing else).
QString checkApiVersion(const QString &apiVersion) {
    const QStringList parts = apiVersion.split(QLatin1Char('/'));
    if (parts.size() > 2)
        return QStringLiteral("apiVersion \"%1\" has more than one '/': it is <group>/<version>, "
                              "or a version alone for the core group")
            .arg(apiVersion);
    if (parts.size() == 2)
        if (const QString problem = checkDnsSubdomain(parts[0]); !problem.isEmpty())
            return QStringLiteral("apiVersion \"%1\": its group %2").arg(apiVersion, problem);
    if (const QString problem = checkDnsLabel(parts.last()); !problem.isEmpty())
        return QStringLiteral("apiVersion \"%1\": its version %2").arg(apiVersion, problem);
    return {};
}

// kind: a CamelCase name; the API server derives resource names from its lower case, which must
// be an RFC 1035 label.
QString checkKind(const QString &kind) {
    if (!checkDns1035Label(kind.toLower()).isEmpty())
        return QStringLiteral("kind \"%1\" is not a valid kind name (letters and digits, starting "
                              "with a letter)")
            .arg(kind);
    return {};
}

} // namespace

QVector<MetadataProblem> checkMetadata(const YAML::Node &object, Kind kind,
                                       const QString &kindName) {
    QVector<MetadataProblem> out;
    if (const YAML::Node v = child(object, "apiVersion"); v.IsScalar() && !v.Scalar().empty())
        if (const QString problem = checkApiVersion(QString::fromStdString(v.Scalar()));
            !problem.isEmpty())
            out.append({v.Mark(), QStringLiteral("apiVersion"), problem});
    if (const YAML::Node k = child(object, "kind"); k.IsScalar() && !k.Scalar().empty())
        if (const QString problem = checkKind(QString::fromStdString(k.Scalar()));
            !problem.isEmpty())
            out.append({k.Mark(), QStringLiteral("kind"), problem});
    const YAML::Node metadata = child(object, "metadata");
    if (!metadata || !metadata.IsMap())
        return out; // the structure check says what is missing
    // Never assign one YAML::Node to another that is bound: yaml-cpp then rewrites the tree.
    auto text = [](const YAML::Node &n) { return QString::fromStdString(n.Scalar()); };
    if (const YAML::Node name = child(metadata, "name"); name.IsScalar())
        if (const QString problem = checkName(kind, text(name)); !problem.isEmpty())
            out.append({name.Mark(), QStringLiteral("metadata.name"),
                        QStringLiteral("metadata.name: %1; the API server takes %2 names that "
                                       "are %3")
                            .arg(problem, kindName, ruleOf(kind))});
    if (const YAML::Node prefix = child(metadata, "generateName");
        prefix.IsScalar() && !prefix.Scalar().empty())
        // The server appends five characters: the prefix must leave a valid name.
        if (!checkName(kind, text(prefix) + QStringLiteral("abcde")).isEmpty())
            out.append({prefix.Mark(), QStringLiteral("metadata.generateName"),
                        QStringLiteral("metadata.generateName: \"%1\" followed by 5 characters "
                                       "is not %2")
                            .arg(text(prefix), ruleOf(kind))});
    if (const YAML::Node ns = child(metadata, "namespace"); ns.IsScalar() && !ns.Scalar().empty())
        if (const QString problem = checkDnsLabel(text(ns)); !problem.isEmpty())
            out.append({ns.Mark(), QStringLiteral("metadata.namespace"),
                        QStringLiteral("metadata.namespace: %1; a namespace must be an RFC 1123 "
                                       "label")
                            .arg(problem)});
    const YAML::Node labels = child(metadata, "labels");
    if (labels.IsMap()) {
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            const QString path = QStringLiteral("metadata.labels");
            if (const QString problem = checkQualifiedName(key); !problem.isEmpty())
                out.append({it->first.Mark(), path, QStringLiteral("label %1").arg(problem)});
            if (it->second.IsScalar())
                if (const QString problem =
                        checkLabelValue(QString::fromStdString(it->second.Scalar()));
                    !problem.isEmpty())
                    out.append({it->second.Mark(), path,
                                QStringLiteral("label %1: %2").arg(key, problem)});
        }
    }
    const YAML::Node annotations = child(metadata, "annotations");
    if (annotations.IsMap()) {
        qsizetype total = 0;
        for (auto it = annotations.begin(); it != annotations.end(); ++it) {
            const std::string &key = it->first.Scalar();
            total += qsizetype(key.size()) +
                     (it->second.IsScalar() ? qsizetype(it->second.Scalar().size()) : 0);
            if (const QString problem = checkQualifiedName(QString::fromStdString(key));
                !problem.isEmpty())
                out.append({it->first.Mark(), QStringLiteral("metadata.annotations"),
                            QStringLiteral("annotation %1").arg(problem)});
        }
        if (total > kAnnotationBytes)
            out.append({annotations.Mark(), QStringLiteral("metadata.annotations"),
                        QStringLiteral("the annotations hold %1 bytes; the API server takes at "
                                       "most 262144 (256 KiB) in total")
                            .arg(total)});
    }
    return out;
}

} // namespace egret::decode
