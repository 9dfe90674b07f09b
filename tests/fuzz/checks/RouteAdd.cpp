// `egret route add` (and `route remove`) on any file: the recipes the canvas and the CLI share.
//
// The input is a file's bytes plus, at its end, four bytes that choose the request: the pattern,
// the host, the port, and which of the optional inputs are given. Properties that must hold:
// - a request is either carried out or refused with a reason;
// - a route that was added applies, and reverting it gives back the file byte for byte;
// - the documents it writes read back without a new error, and validation and flow derivation
//   run on the result;
// - adding the same route again changes nothing or is refused;
// - removing the route to a host the file did not mention gives back the file byte for byte, when
//   the file had no errors (a Gateway without servers, which Istio refuses, is not kept empty).
#include "checks/FuzzChecks.h"

#include "model/flow/FlowDeriver.h"
#include "model/io/Loader.h"
#include "model/recipes/Patterns.h"
#include "model/recipes/Route.h"
#include "model/validation/Validator.h"

#include <QStringList>

#include <array>

namespace egret::fuzz {

namespace {

const QString kFile = QStringLiteral("routes.yaml");

// Hosts from Istio's egress tasks and our test data, so the recipes meet resources they extend.
constexpr std::array kHosts = {"edition.cnn.com",
                               "api.example.com",
                               "*.wikipedia.org",
                               "www.google.com",
                               "my-nginx.mesh-external.svc.cluster.local",
                               "*.example.com",
                               "en.wikipedia.org",
                               "httpbin.org"};
constexpr std::array<qint64, 8> kPorts = {0, 80, 443, 8443, 3306, 9090, 1, 65535};

QStringList errors(const Workspace &ws) {
    QStringList out;
    for (const Diagnostic &d : ws.diagnostics())
        if (d.severity == Severity::Error)
            out << d.toString();
    return out;
}

// Where two byte strings part, with a little context, printable whatever the bytes.
QString firstDifference(const QByteArray &now, const QByteArray &was) {
    qsizetype i = 0;
    while (i < now.size() && i < was.size() && now[i] == was[i])
        ++i;
    const auto around = [i](const QByteArray &b) {
        const qsizetype from = qMax<qsizetype>(0, i - 40);
        return QString::fromLatin1(b.mid(from, i - from + 40).toPercentEncoding(" :-_.,/#\n"));
    };
    return QStringLiteral("they part at byte %1 (of %2, was %3):\n  now %4\n  was %5")
        .arg(i)
        .arg(now.size())
        .arg(was.size())
        .arg(around(now), around(was));
}

recipes::RouteRequest requestFrom(const QByteArray &tail) {
    const auto byte = [&](int i) { return static_cast<unsigned char>(tail.at(i)); };
    const QVector<recipes::PatternInfo> &all = recipes::patterns();
    recipes::RouteRequest r;
    r.pattern = all.at(byte(0) % all.size()).pattern;
    r.host = QLatin1String(kHosts[byte(1) % kHosts.size()]);
    r.port = kPorts[byte(2) % kPorts.size()];
    const unsigned options = byte(3);
    r.targetFile = kFile;
    if (options & 0x01)
        r.ns = QStringLiteral("default");
    if (options & 0x02)
        r.gateway = QStringLiteral("istio-system/istio-egressgateway");
    if (options & 0x04)
        r.gatewayPort = (options & 0x08) ? 443 : 80;
    if (options & 0x10)
        r.credentialName = QStringLiteral("client-credential");
    if (options & 0x20)
        r.subnet = QStringLiteral("10.0.0.0/24");
    if (options & 0x40)
        r.servingHost = QStringLiteral("www.wikipedia.org");
    return r;
}

} // namespace

QString checkRouteAdd(const QByteArray &input) {
    if (input.size() < 4)
        return {};
    const QByteArray bytes = input.left(input.size() - 4);
    const recipes::RouteRequest request = requestFrom(input.right(4));
    if (!recipes::validateRequest(request).isEmpty())
        return {}; // the CLI stops here, before reading the file
    Workspace ws = loadBytes(kFile, bytes);
    for (const Diagnostic &d : ws.files().at(0).diagnostics)
        if (d.severity == Severity::Error)
            return {}; // the CLI refuses a file that does not read

    const bool valid = errors(ws).isEmpty();
    const recipes::RouteResult added = recipes::addRoute(ws, request);
    if (!added.ok)
        return added.problems.isEmpty() ? QStringLiteral("route add refused without a reason")
                                        : QString();
    const QStringList errorsBefore = errors(ws);
    QString error;
    if (!added.change.apply(ws, &error))
        return QStringLiteral("the route's change does not apply: ") + error;
    if (const QStringList after = errors(ws); after.size() > errorsBefore.size())
        return QStringLiteral("%1 wrote a document that does not read back:\n%2\n-- before --\n%3")
            .arg(recipes::describe(request), after.join(QLatin1Char('\n')),
                 errorsBefore.join(QLatin1Char('\n')));

    Diagnostics findings;
    for (const validation::Finding &f : validation::validate(ws))
        findings.append(f.toDiagnostic());
    deriveFlows(ws, {}, findings);

    const recipes::RouteResult again = recipes::addRoute(ws, request);
    if (again.ok && !again.change.isEmpty())
        return QStringLiteral("adding %1 twice changed the file again:\n%2")
            .arg(recipes::describe(request), QString::fromUtf8(ws.fileBytes(0)));

    Workspace removed = ws;
    const recipes::RouteResult removal = recipes::removeRoute(removed, {request.host, 0});
    if (removal.ok && !removal.change.apply(removed, &error))
        return QStringLiteral("the removal's change does not apply: ") + error;
    QString bare = request.host;
    bare.remove(QStringLiteral("*."));
    if (valid && !bytes.contains(bare.toUtf8()) && !bytes.contains(request.servingHost.toUtf8()) &&
        (!removal.ok || removed.fileBytes(0) != bytes))
        return QStringLiteral("removing %1 after adding it did not give back the file: %2")
            .arg(request.host, removal.ok ? firstDifference(removed.fileBytes(0), bytes)
                                          : recipes::describe(removal.problems));

    if (!added.change.revert(ws, &error))
        return QStringLiteral("the route's change does not revert: ") + error;
    if (ws.fileBytes(0) != bytes)
        return QStringLiteral("reverting %1 did not give back the file: %2")
            .arg(recipes::describe(request), firstDifference(ws.fileBytes(0), bytes));
    return {};
}

} // namespace egret::fuzz
