#include "app/cli/ValidationReport.h"

#include "model/decode/DocumentParser.h"
#include "model/validation/Rule.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace egret::cli {

namespace {

// Names and meanings of the load problem codes, for SARIF rules and JSON.
struct LoadCode {
    const QString &code;
    const char *name;
    const char *description;
};

const LoadCode kLoadCodes[] = {
    {codes::Syntax, "MalformedYaml", "The document is not well-formed YAML."},
    {codes::Encoding, "NotUtf8", "The file is not UTF-8 text."},
    {codes::Structure, "NotAKubernetesObject",
     "The document is not a Kubernetes object with kind, apiVersion and metadata.name."},
    {codes::Schema, "SchemaViolation",
     "The document does not match its kind's CRD schema (Istio's, or the Gateway API's)."},
    {codes::UnknownField, "UnknownField",
     "A field its kind's schema (Istio's, or the Gateway API's) does not define."},
    {codes::DuplicateKey, "DuplicateKey", "A mapping repeats a key."},
    {codes::TooLarge, "TooLarge", "The document nests too deeply or expands too much."},
    {codes::File, "UnreadableFile", "The file cannot be read."},
    {codes::NotRead, "NotRead",
     "A kind (or version) that governs mesh traffic and that Egret does not interpret: the flows "
     "and findings are incomplete."},
    {codes::Template, "HelmTemplate",
     "A Helm template (Go template actions): not YAML until rendered, so its documents are not "
     "read and the findings are incomplete."},
    {codes::Render, "RenderedInput",
     "A folder built by a renderer (kubectl kustomize, helm template): its renderer failed, or "
     "its files were read as they are."},
};

void describeLoadCode(ReportItem &item) {
    for (const LoadCode &c : kLoadCodes) {
        if (c.code == item.diagnostic.code) {
            item.name = QLatin1String(c.name);
            item.description = QLatin1String(c.description);
            return;
        }
    }
    item.name = item.diagnostic.code;
}

QString sarifLevel(Severity s) {
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("note");
}

// A relative path stays relative to the checkout (%SRCROOT%); an absolute one is a file URI.
QJsonObject artifactLocation(const QString &file) {
    QJsonObject o;
    if (QFileInfo(file).isAbsolute()) {
        o[QStringLiteral("uri")] = QUrl::fromLocalFile(file).toString(QUrl::FullyEncoded);
    } else {
        o[QStringLiteral("uri")] =
            QString::fromLatin1(QUrl::toPercentEncoding(QDir::fromNativeSeparators(file), "/"));
        o[QStringLiteral("uriBaseId")] = QStringLiteral("%SRCROOT%");
    }
    return o;
}

} // namespace

QVector<ReportItem> reportItems(const QVector<validation::Finding> &findings,
                                const Diagnostics &loadProblems) {
    QVector<ReportItem> out;
    for (const Diagnostic &d : loadProblems) {
        ReportItem item;
        item.diagnostic = d;
        describeLoadCode(item);
        out.append(item);
    }
    for (const validation::Finding &f : findings) {
        ReportItem item;
        item.diagnostic = f.toDiagnostic();
        item.rule = QLatin1String(f.rule->name);
        item.name = QLatin1String(f.type->name);
        item.description = QLatin1String(f.type->description);
        item.helpUri = validation::documentationUrl(*f.type);
        item.assumedGateways = f.assumedGateways();
        out.append(item);
    }
    return out;
}

QByteArray formatText(const QVector<ReportItem> &items) {
    QByteArray out;
    for (const ReportItem &item : items) {
        const Diagnostic &d = item.diagnostic;
        QStringList where;
        if (!d.resource.kind.isEmpty())
            where << d.resource.toString();
        if (!d.location.file.isEmpty() || d.location.isKnown())
            where << d.location.toString();
        QString line =
            severityName(d.severity) + QStringLiteral(" [") + d.code + QStringLiteral("] ");
        if (!where.isEmpty())
            line += QLatin1Char('(') + where.join(QLatin1Char(' ')) + QStringLiteral(") ");
        line += d.message;
        out += line.toUtf8() + '\n';
    }
    return out;
}

QByteArray formatJson(const QVector<ReportItem> &items) {
    QJsonArray list;
    for (const ReportItem &item : items) {
        const Diagnostic &d = item.diagnostic;
        QJsonObject o;
        o[QStringLiteral("code")] = d.code;
        o[QStringLiteral("name")] = item.name;
        o[QStringLiteral("level")] = severityName(d.severity);
        o[QStringLiteral("message")] = d.message;
        o[QStringLiteral("resource")] = QJsonObject{{QStringLiteral("kind"), d.resource.kind},
                                                    {QStringLiteral("namespace"), d.resource.ns},
                                                    {QStringLiteral("name"), d.resource.name}};
        o[QStringLiteral("file")] = d.location.file;
        o[QStringLiteral("line")] = d.location.line;
        o[QStringLiteral("column")] = d.location.column;
        o[QStringLiteral("path")] = d.path;
        o[QStringLiteral("rule")] = item.rule;
        o[QStringLiteral("assumedGateways")] = QJsonArray::fromStringList(item.assumedGateways);
        list.append(o);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

QByteArray formatSarif(const QVector<ReportItem> &items, const QString &toolVersion) {
    // One reporting descriptor per code: every validator message, then the load codes seen.
    QJsonArray rules;
    QStringList ids;
    auto addRule = [&](const QString &id, const QString &name, const QString &description,
                       const QString &help, const QString &helpUri, Severity level) {
        QJsonObject r;
        r[QStringLiteral("id")] = id;
        r[QStringLiteral("name")] = name;
        r[QStringLiteral("shortDescription")] = QJsonObject{{QStringLiteral("text"), description}};
        r[QStringLiteral("fullDescription")] = QJsonObject{{QStringLiteral("text"), description}};
        r[QStringLiteral("help")] = QJsonObject{{QStringLiteral("text"), help}};
        if (!helpUri.isEmpty())
            r[QStringLiteral("helpUri")] = helpUri;
        r[QStringLiteral("defaultConfiguration")] =
            QJsonObject{{QStringLiteral("level"), sarifLevel(level)}};
        rules.append(r);
        ids << id;
    };
    for (const validation::MessageType *m : validation::allMessages())
        addRule(QLatin1String(m->code), QLatin1String(m->name), QLatin1String(m->description),
                QStringLiteral("%1 See %2")
                    .arg(QLatin1String(m->description), validation::documentationUrl(*m)),
                validation::documentationUrl(*m), m->level);
    for (const ReportItem &item : items)
        if (!ids.contains(item.diagnostic.code))
            addRule(item.diagnostic.code, item.name,
                    item.description.isEmpty() ? item.name : item.description,
                    item.description.isEmpty() ? item.name : item.description, QString(),
                    item.diagnostic.severity);

    QJsonArray results;
    for (const ReportItem &item : items) {
        const Diagnostic &d = item.diagnostic;
        QJsonObject result;
        result[QStringLiteral("ruleId")] = d.code;
        result[QStringLiteral("ruleIndex")] = int(ids.indexOf(d.code));
        result[QStringLiteral("level")] = sarifLevel(d.severity);
        result[QStringLiteral("message")] = QJsonObject{{QStringLiteral("text"), d.message}};
        QJsonObject physical;
        physical[QStringLiteral("artifactLocation")] = artifactLocation(d.location.file);
        if (d.location.isKnown()) {
            QJsonObject region{{QStringLiteral("startLine"), d.location.line}};
            if (d.location.column > 0)
                region[QStringLiteral("startColumn")] = d.location.column;
            physical[QStringLiteral("region")] = region;
        }
        QJsonObject location{{QStringLiteral("physicalLocation"), physical}};
        if (!d.resource.kind.isEmpty()) {
            QJsonObject logical;
            logical[QStringLiteral("name")] = d.resource.name;
            logical[QStringLiteral("fullyQualifiedName")] =
                d.resource.toString() + (d.path.isEmpty() ? QString() : QLatin1Char(' ') + d.path);
            logical[QStringLiteral("kind")] = QStringLiteral("resource");
            location[QStringLiteral("logicalLocations")] = QJsonArray{logical};
        }
        result[QStringLiteral("locations")] = QJsonArray{location};
        QJsonObject properties;
        if (!item.rule.isEmpty())
            properties[QStringLiteral("analyzer")] = item.rule;
        if (!item.assumedGateways.isEmpty())
            properties[QStringLiteral("assumedGateways")] =
                QJsonArray::fromStringList(item.assumedGateways);
        if (!properties.isEmpty())
            result[QStringLiteral("properties")] = properties;
        results.append(result);
    }

    QJsonObject driver{
        {QStringLiteral("name"), QStringLiteral("egret")},
        {QStringLiteral("version"), toolVersion},
        {QStringLiteral("semanticVersion"), toolVersion},
        {QStringLiteral("informationUri"), QStringLiteral("https://github.com/egret-mesh/egret")},
        {QStringLiteral("rules"), rules},
    };
    QJsonObject run{
        {QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
        {QStringLiteral("originalUriBaseIds"),
         QJsonObject{{QStringLiteral("%SRCROOT%"),
                      QJsonObject{{QStringLiteral("uri"),
                                   QUrl::fromLocalFile(QDir::currentPath() + QLatin1Char('/'))
                                       .toString(QUrl::FullyEncoded)}}}}},
        {QStringLiteral("results"), results},
    };
    QJsonObject log{
        {QStringLiteral("$schema"),
         QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
        {QStringLiteral("version"), QStringLiteral("2.1.0")},
        {QStringLiteral("runs"), QJsonArray{run}},
    };
    return QJsonDocument(log).toJson(QJsonDocument::Indented);
}

} // namespace egret::cli
