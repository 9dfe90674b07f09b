#include "app/cli/Command.h"
#include "app/cli/DiffOutput.h"
#include "app/cli/InstallationOptions.h"
#include "app/cli/Output.h"
#include "model/io/Loader.h"
#include "model/io/Saver.h"
#include "model/recipes/Patterns.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace egret::cli {

namespace {

QString usage() {
    return QStringLiteral(
        "Usage: egret route add FILE --host HOST --pattern NAME [options]\n"
        "       egret route remove FILE --host HOST [--port PORT]\n"
        "       egret route list-patterns\n"
        "\n"
        "Designs egress routes with the resources Istio's own egress tasks use, editing FILE in\n"
        "place (created when missing, written atomically), in Istio's API or in the Gateway API\n"
        "(--api; default: the one FILE already uses). Documents the route does not concern keep\n"
        "their bytes; a second host through the same gateway extends the existing Gateway (a\n"
        "server's hosts, or a listener) instead of making another. `remove` takes away exactly\n"
        "what makes the route, in either API: an add followed by a remove gives the file back\n"
        "byte for byte.\n"
        "\n"
        "Run `egret route add --help` or `egret route remove --help` for the options.\n"
        "Exit status: 0 done (or nothing to change), 1 the file's resources are in the way,\n"
        "2 bad arguments or unreadable file.\n");
}

void printProblems(const char *command, const QVector<recipes::InputProblem> &problems) {
    for (const recipes::InputProblem &p : problems)
        err(QStringLiteral("egret route %1: %2\n").arg(QLatin1String(command), p.message));
}

// The file's workspace: what it holds, or nothing yet when it does not exist.
bool loadTarget(const char *command, const QString &path, Workspace *ws) {
    if (!QFileInfo::exists(path))
        return true;
    if (QFileInfo(path).isDir()) {
        err(QStringLiteral("egret route %1: %2 is a folder; name a YAML file\n")
                .arg(QLatin1String(command), path));
        return false;
    }
    *ws = loadFiles({path});
    for (const Diagnostic &d : ws->diagnostics()) {
        // Unreadable, or a template: Egret cannot see what a template holds, so what it adds
        // could duplicate or contradict it.
        if (d.severity == Severity::Error && (d.code == codes::File || d.code == codes::Template)) {
            err(d.toString() + QLatin1Char('\n'));
            return false;
        }
    }
    return true;
}

// --render: route writes FILE, and rendered output is never written into.
const QCommandLineOption &renderRefused() {
    static const QCommandLineOption option(
        QStringLiteral("render"),
        QStringLiteral("Refused: route edits FILE in place, and Egret never writes into "
                       "rendered output (kubectl kustomize, helm template)."));
    return option;
}

bool refuseRender(const char *command, const QCommandLineParser &parser) {
    if (!parser.isSet(renderRefused()))
        return false;
    err(QStringLiteral("egret route %1: --render: route edits FILE in place, and Egret never "
                       "writes into rendered output; edit the kustomization's or chart's own "
                       "files, or write the output to a file of its own (egret export --render "
                       "DIR -o FILE) and route there\n")
            .arg(QLatin1String(command)));
    return true;
}

// Applies the change, then writes the files it touched, or prints what writing them would change
// as a unified diff (--dry-run; `patch -p1` applies it).
int finish(const char *command, Workspace &ws, const recipes::RouteResult &result, bool dryRun) {
    const QStringList files = result.change.files();
    QHash<QString, FileNow> before;
    if (dryRun)
        for (const QString &file : files)
            before.insert(file, readFileNow(file));
    QString error;
    if (!result.change.apply(ws, &error)) {
        err(QStringLiteral("egret route %1: %2\n").arg(QLatin1String(command), error));
        return Findings;
    }
    for (const QString &file : files) {
        const int index = ws.fileIndex(file);
        if (dryRun) {
            if (!printDiff(file, before.value(file), ws.fileBytes(index)))
                return BadInput;
        } else if (!saveFile(ws, index, &error)) {
            err(QStringLiteral("egret route %1: %2\n").arg(QLatin1String(command), error));
            return BadInput;
        }
    }
    auto report = dryRun ? err : out;
    if (!result.change.isEmpty())
        report(result.change.description() + QLatin1Char('\n'));
    for (const QString &line : result.summary)
        report(QStringLiteral("  %1\n").arg(line));
    for (const QString &note : result.notes)
        report(QStringLiteral("note: %1\n").arg(note));
    return Ok;
}

bool parsePort(const QCommandLineParser &parser, const QString &name, qint64 *port) {
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    *port = parser.value(name).toLongLong(&ok);
    if (!ok) {
        err(QStringLiteral("egret route: --%1 \"%2\" is not a number\n")
                .arg(name, parser.value(name)));
        return false;
    }
    return true;
}

int add(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Adds a route to HOST to FILE with the resources of an Istio egress "
                       "pattern (see `egret route list-patterns`)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("The manifest file to edit (created when missing)."));
    const auto opt = [](const char *name, const char *help, const char *value) {
        return QCommandLineOption(QLatin1String(name), QLatin1String(help), QLatin1String(value));
    };
    const QList<QCommandLineOption> options = {
        opt("host", "External host, or a wildcard *.example.com.", "HOST"),
        opt("port", "Port the application connects to (default: the pattern's).", "PORT"),
        opt("pattern",
            "One of: "
            "direct-http, direct-tls, sidecar-tls-origination, http, "
            "tls-passthrough, tls-origination, mtls-origination, tcp; ambient mode (through the "
            "egress waypoint of istio-egress): ambient-egress, ambient-tls-origination.",
            "NAME"),
        opt("api",
            "istio (Gateway, VirtualService) or gateway-api (a Gateway of class istio with "
            "HTTPRoute, TLSRoute or TCPRoute, as the Gateway API tabs of Istio's tasks). "
            "Default: the one FILE already uses (gateway-api when it has Gateway API Gateways "
            "of class istio or routes and no Istio Gateway), else istio.",
            "API"),
        opt("gateway",
            "The Gateway resource to use or create (default: the one serving the "
            "port, or istio-egressgateway in the route's namespace; with the Gateway API, "
            "an egress Gateway of class istio there, or <host>-egress-gateway).",
            "NS/NAME"),
        opt("gateway-port", "Port opened on the egress gateway (default: the pattern's).", "PORT"),
        opt("namespace",
            "Namespace of the route's resources (default: none written, as Istio's "
            "docs).",
            "NS"),
        opt("credential",
            "mtls-origination: the client certificate Secret, in the gateway's "
            "namespace.",
            "SECRET"),
        opt("subnet",
            "tcp: the address the application connects to (an IP, or a /32 or /128 CIDR).", "CIDR"),
        opt("serving-host", "Wildcard through the gateway: the host that serves every name.",
            "HOST"),
    };
    parser.addOptions(options);
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Write nothing: print what would change as a unified "
                       "diff (patch -p1 applies it), the summary on "
                       "standard error."));
    parser.addOption(dryRun);
    const InstallationOptions installation;
    installation.addTo(parser);
    parser.addOption(renderRefused());
    if (!parser.parse(QStringList{QStringLiteral("egret route add")} + args)) {
        err(QStringLiteral("egret route add: %1\n").arg(parser.errorText()));
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(helpText(parser, QStringLiteral("egret route add")));
        return Ok;
    }
    if (refuseRender("add", parser))
        return BadInput;
    if (parser.positionalArguments().size() != 1) {
        err(QStringLiteral("egret route add: name one FILE\n"));
        return BadInput;
    }
    const std::optional<recipes::Pattern> pattern =
        recipes::patternFromName(parser.value(QStringLiteral("pattern")));
    if (!pattern) {
        err(QStringLiteral("egret route add: %1; the patterns are %2\n")
                .arg(parser.isSet(QStringLiteral("pattern"))
                         ? QStringLiteral("unknown pattern \"%1\"")
                               .arg(parser.value(QStringLiteral("pattern")))
                         : QStringLiteral("name a --pattern"),
                     recipes::patternNames().join(QStringLiteral(", "))));
        return BadInput;
    }
    recipes::RouteRequest request;
    request.pattern = *pattern;
    if (parser.isSet(QStringLiteral("api"))) {
        request.api = recipes::apiFromName(parser.value(QStringLiteral("api")));
        if (!request.api) {
            err(QStringLiteral("egret route add: unknown --api \"%1\"; use istio or "
                               "gateway-api\n")
                    .arg(parser.value(QStringLiteral("api"))));
            return BadInput;
        }
    }
    request.targetFile = parser.positionalArguments().first();
    request.host = parser.value(QStringLiteral("host"));
    request.ns = parser.value(QStringLiteral("namespace"));
    request.gateway = parser.value(QStringLiteral("gateway"));
    request.credentialName = parser.value(QStringLiteral("credential"));
    request.subnet = parser.value(QStringLiteral("subnet"));
    request.servingHost = parser.value(QStringLiteral("serving-host"));
    if (!installation.read(parser, QStringLiteral("egret route add"), &request.mesh))
        return BadInput;
    if (!parsePort(parser, QStringLiteral("port"), &request.port) ||
        !parsePort(parser, QStringLiteral("gateway-port"), &request.gatewayPort))
        return BadInput;
    if (const auto problems = recipes::validateRequest(request); !problems.isEmpty()) {
        printProblems("add", problems);
        return BadInput;
    }

    Workspace ws;
    if (!loadTarget("add", request.targetFile, &ws))
        return BadInput;
    const recipes::RouteResult result = recipes::addRoute(ws, request);
    if (!result.ok) {
        printProblems("add", result.problems);
        return result.problems.value(0).field == QLatin1String("port") ? BadInput : Findings;
    }
    return finish("add", ws, result, parser.isSet(dryRun));
}

int remove(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Removes the route(s) to HOST from FILE: its rules, the host in Gateway "
                       "servers, and the subsets, ports, TLS settings and resources nothing else "
                       "uses."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The manifest file to edit."));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("The external host."),
                                  QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Only the route the application enters at PORT."),
                                  QStringLiteral("PORT"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Write nothing: print what would change as a unified "
                       "diff (patch -p1 applies it), the summary on "
                       "standard error."));
    parser.addOptions({host, port, dryRun, renderRefused()});
    if (!parser.parse(QStringList{QStringLiteral("egret route remove")} + args)) {
        err(QStringLiteral("egret route remove: %1\n").arg(parser.errorText()));
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(helpText(parser, QStringLiteral("egret route remove")));
        return Ok;
    }
    if (refuseRender("remove", parser))
        return BadInput;
    if (parser.positionalArguments().size() != 1) {
        err(QStringLiteral("egret route remove: name one FILE\n"));
        return BadInput;
    }
    const QString file = parser.positionalArguments().first();
    if (!QFileInfo::exists(file)) {
        err(QStringLiteral("egret route remove: %1: no such file\n").arg(file));
        return BadInput;
    }
    recipes::RouteRemoval removal;
    removal.host = parser.value(host);
    if (!parsePort(parser, QStringLiteral("port"), &removal.port))
        return BadInput;
    Workspace ws;
    if (!loadTarget("remove", file, &ws))
        return BadInput;
    const recipes::RouteResult result = recipes::removeRoute(ws, removal);
    if (!result.ok) {
        printProblems("remove", result.problems);
        return result.problems.value(0).field == QLatin1String("workspace") ? Findings : BadInput;
    }
    return finish("remove", ws, result, parser.isSet(dryRun));
}

int listPatterns() {
    for (const recipes::PatternInfo &p : recipes::patterns()) {
        QString defaults = p.defaultPort ? QStringLiteral("port %1").arg(p.defaultPort)
                                         : QStringLiteral("--port required");
        if (p.viaGateway)
            defaults += p.defaultGatewayPort
                            ? QStringLiteral(", gateway port %1").arg(p.defaultGatewayPort)
                            : QStringLiteral(", gateway port = port");
        const QString indent(26, QLatin1Char(' '));
        out(QStringLiteral("%1%2\n%3(%4; Istio task: %5)\n%3Gateway API: %6\n")
                .arg(QString::fromLatin1(p.name).leftJustified(26), QLatin1String(p.summary),
                     indent, defaults, QLatin1String(p.istioTask), QLatin1String(p.gatewayApi)));
    }
    return Ok;
}

} // namespace

int runRoute(const QStringList &args) {
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return add(args.mid(1));
    if (sub == QLatin1String("remove"))
        return remove(args.mid(1));
    if (sub == QLatin1String("list-patterns"))
        return listPatterns();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") ||
        sub == QLatin1String("help")) {
        out(usage());
        return Ok;
    }
    err((sub.isEmpty() ? QStringLiteral("egret route: name a subcommand\n\n")
                       : QStringLiteral("egret route: unknown subcommand \"%1\"\n\n").arg(sub)) +
        usage());
    return BadInput;
}

} // namespace egret::cli
