#include "app/cli/Command.h"
#include "app/cli/Inputs.h"
#include "app/cli/InstallationOptions.h"
#include "app/cli/Output.h"
#include "app/cli/ValidationReport.h"
#include "model/decode/DocumentParser.h"
#include "model/mesh/Installation.h"
#include "model/validation/Rule.h"
#include "model/validation/Validator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace egret::cli {

namespace {

using namespace egret::validation;

QString kindList(const QVector<Kind> &kinds) {
    QStringList names;
    for (Kind k : kinds) {
        if (k == Kind::KubernetesGateway)
            names << QStringLiteral("Gateway (gateway.networking.k8s.io)");
        else if (k == Kind::Pod)
            names << QStringLiteral("Pod (and workload templates)");
        else
            names << kindName(k);
    }
    return names.join(QStringLiteral(", "));
}

QStringList codesOf(const Rule &r) {
    QStringList out;
    for (const MessageType *m : r.messages)
        out << QLatin1String(m->code);
    return out;
}

int listRules(const QString &format) {
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const Rule *r : allRules()) {
            const QStringList inputs = kindList(r->inputs).split(QStringLiteral(", "));
            list.append(QJsonObject{
                {QStringLiteral("name"), QLatin1String(r->name)},
                {QStringLiteral("description"), QLatin1String(r->description)},
                {QStringLiteral("codes"), QJsonArray::fromStringList(codesOf(*r))},
                {QStringLiteral("inputs"), QJsonArray::fromStringList(inputs)},
            });
        }
        outBytes(QJsonDocument(list).toJson(QJsonDocument::Indented));
        return Ok;
    }
    QString text;
    for (const Rule *r : allRules())
        text += QStringLiteral("%1\n    %2\n    codes: %3; reads: %4\n")
                    .arg(QLatin1String(r->name), QLatin1String(r->description),
                         codesOf(*r).join(QStringLiteral(", ")), kindList(r->inputs));
    out(text);
    return Ok;
}

// Load problems worth reporting beside the findings. Unknown fields are left to EGR0010
// (schema.UnknownFieldAnalyzer), which says the same with its own code.
Diagnostics loadProblems(const Workspace &ws) {
    Diagnostics out;
    for (const Diagnostic &d : ws.diagnostics())
        if (d.code != codes::UnknownField)
            out.append(d);
    return out;
}

} // namespace

int runValidate(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks manifests offline as `istioctl analyze` does for networking configuration (same "
        "codes, names and levels), plus Egret's egress-chain checks (EGR codes). Exit status: 0 "
        "when nothing is at or above the failure threshold, 1 otherwise, 2 on unreadable input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Manifest files or folders (read recursively for "
                                                "*.yaml and *.yml); - reads standard input."),
                                 QStringLiteral("FILE|DIR..."));
    const InstallationOptions installation;
    const QCommandLineOption format({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output format: text, json or sarif."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption threshold(
        QStringLiteral("failure-threshold"),
        QStringLiteral("Exit 1 when a message is at or above this level: Info, Warning or Error "
                       "(default Error)."),
        QStringLiteral("LEVEL"), QStringLiteral("Error"));
    const QCommandLineOption ns(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        QStringLiteral("Namespace of documents that name none (default: default); '' for none, "
                       "as Istio's analyzer tests: such resources print as `Kind name`."),
        QStringLiteral("NS"), QStringLiteral("default"));
    const QCommandLineOption rulesOption(
        QStringLiteral("rules"),
        QStringLiteral("Run only these rules (comma-separated names, see --list-rules); each reads "
                       "only its own input kinds."),
        QStringLiteral("NAME,..."));
    const QCommandLineOption list(QStringLiteral("list-rules"),
                                  QStringLiteral("List the rules and exit."));
    const QCommandLineOption noGateways(
        QStringLiteral("no-default-gateways"),
        QStringLiteral("Assume no gateway the installation does not declare: neither Istio's "
                       "default istio-ingressgateway and istio-egressgateway nor gateways "
                       "inferred from the routes."));
    installation.addTo(parser);
    parser.addOptions({format, threshold, ns, rulesOption, list, noGateways});
    const RenderFlags render;
    render.addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("egret validate")} + args)) {
        err(QStringLiteral("egret validate: %1\n").arg(parser.errorText()));
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(helpText(parser, QStringLiteral("egret validate")));
        return Ok;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json") &&
        fmt != QLatin1String("sarif")) {
        err(QStringLiteral("egret validate: unknown output format \"%1\" (text, json or sarif)\n")
                .arg(fmt));
        return BadInput;
    }
    if (parser.isSet(list))
        return listRules(fmt);

    Severity failAt = Severity::Error;
    if (!parseSeverity(parser.value(threshold), &failAt)) {
        err(QStringLiteral("egret validate: unknown level \"%1\" (Info, Warning or Error)\n")
                .arg(parser.value(threshold)));
        return BadInput;
    }
    ValidatorOptions options;
    options.assumeGateways = !parser.isSet(noGateways);
    for (const QString &name :
         parser.value(rulesOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.rules << name.trimmed();
    if (const QStringList unknown = unknownRuleNames(options.rules); !unknown.isEmpty()) {
        err(QStringLiteral("egret validate: unknown rule(s): %1 (see --list-rules)\n")
                .arg(unknown.join(QStringLiteral(", "))));
        return BadInput;
    }
    if (!installation.read(parser, QStringLiteral("egret validate"), &options.mesh))
        return BadInput;
    if (parser.positionalArguments().isEmpty()) {
        err(QStringLiteral("egret validate: name at least one FILE or DIR\n"));
        return BadInput;
    }

    Workspace ws;
    if (!loadInputs(parser.positionalArguments(), parser.value(ns), &ws,
                    render.read(parser, parser.value(ns))))
        return BadInput;
    const QVector<ReportItem> items = reportItems(validate(ws, options), loadProblems(ws));
    // A verdict that rests on a gateway Egret inferred says so, even when nothing is found.
    for (const KnownGateway &g :
         resolveInstallation(ws, options.mesh, options.assumeGateways).gateways)
        if (g.basis == GatewayBasis::Inferred)
            err(QStringLiteral("egret validate: note: gateway %1/%2 %3\n")
                    .arg(g.gateway.ns, g.gateway.name, g.origin));

    if (fmt == QLatin1String("json"))
        outBytes(formatJson(items));
    else if (fmt == QLatin1String("sarif"))
        outBytes(formatSarif(items, QCoreApplication::applicationVersion()));
    else if (!items.isEmpty())
        outBytes(formatText(items));
    else // as istioctl does; on stderr, so that standard output stays the findings alone
        err(QStringLiteral("No validation issues found in %1 file(s).\n").arg(ws.files().size()));

    for (const ReportItem &item : items)
        if (int(item.diagnostic.severity) >= int(failAt))
            return Findings;
    return Ok;
}

} // namespace egret::cli
