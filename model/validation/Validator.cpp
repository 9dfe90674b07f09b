#include "model/validation/Validator.h"

#include "model/validation/Rule.h"
#include "model/validation/Session.h"

#include <algorithm>

namespace egret::validation {

Validator::Validator(ValidatorOptions options)
    : d(std::make_unique<Session>()) {
    d->options = std::move(options);
    d->configure();
}

Validator::~Validator() = default;

const ValidatorOptions &Validator::options() const {
    return d->options;
}

void Validator::setOptions(const ValidatorOptions &options) {
    d->options = options;
    d->configure();
    d->initialized = false;
}

const QVector<const Rule *> &Validator::rules() const {
    return d->rules;
}

UpdateStats Validator::update(const Workspace &ws) {
    if (!d->initialized || ws.parseOptions().defaultNamespace != d->defaultNamespace)
        return d->full(ws);
    return d->incremental(ws);
}

namespace {

struct Ordered {
    int file;
    Finding finding;
};

QVector<Finding> sorted(QVector<Ordered> list) {
    std::sort(list.begin(), list.end(), [](const Ordered &a, const Ordered &b) {
        const auto ka = std::make_tuple(a.file, a.finding.location.line, a.finding.location.column,
                                        QLatin1String(a.finding.type->code));
        const auto kb = std::make_tuple(b.file, b.finding.location.line, b.finding.location.column,
                                        QLatin1String(b.finding.type->code));
        if (ka != kb)
            return ka < kb;
        // Findings that share a place (fields located at their parent) still get one order,
        // whatever order the rules ran in: the live and the one-shot validator must agree.
        const Finding &fa = a.finding;
        const Finding &fb = b.finding;
        return std::tie(fa.message, fa.path, fa.resource.kind, fa.resource.ns, fa.resource.name) <
               std::tie(fb.message, fb.path, fb.resource.kind, fb.resource.ns, fb.resource.name);
    });
    QVector<Finding> out;
    out.reserve(list.size());
    for (Ordered &o : list)
        out.append(std::move(o.finding));
    return out;
}

} // namespace

QVector<Finding> Validator::findings(const Workspace &ws) {
    update(ws);
    QVector<Ordered> list;
    for (Unit &unit : d->units) {
        if (!unit.subject)
            continue;
        for (StoredFinding &s : unit.findings) {
            d->locate(ws, *unit.subject, s);
            const SourceDocument *doc = ws.document(unit.subject->id.document);
            list.append({doc ? doc->file : -1, s.finding});
        }
    }
    return sorted(std::move(list));
}

QVector<Finding> Validator::findingsFor(const Workspace &ws, const ResourceId &id) {
    update(ws);
    QVector<Ordered> list;
    if (const auto u = d->unitOf.constFind(id); u != d->unitOf.cend()) {
        Unit &unit = d->units[size_t(u.value())];
        for (StoredFinding &s : unit.findings) {
            d->locate(ws, *unit.subject, s);
            list.append({0, s.finding});
        }
    }
    return sorted(std::move(list));
}

QStringList unknownRuleNames(const QStringList &names) {
    QStringList out;
    for (const QString &n : names)
        if (!ruleByName(n))
            out << n;
    return out;
}

QVector<Finding> validate(const Workspace &ws, const ValidatorOptions &options) {
    Validator v(options);
    return v.findings(ws);
}

QStringList Finding::assumedGateways() const {
    QStringList out;
    for (const GatewayReliance &g : gateways)
        if (!g.declared)
            out << g.gateway;
    return out;
}

Diagnostic Finding::toDiagnostic() const {
    Diagnostic d;
    d.severity = type->level;
    d.code = QLatin1String(type->code);
    d.message = message;
    // Istio's default profile, assumed, in the words findings always used; the others each say
    // where they come from.
    QStringList defaults;
    QStringList others;
    for (const GatewayReliance &g : gateways) {
        if (g.because.isEmpty())
            defaults << g.gateway;
        else
            others << QStringLiteral("the gateway %1 %2").arg(g.gateway, g.because);
    }
    if (!defaults.isEmpty())
        others.prepend(QStringLiteral("the assumed installed gateway %1")
                           .arg(defaults.join(QStringLiteral(", "))));
    if (!others.isEmpty())
        d.message += QStringLiteral(" (relies on %1)").arg(others.join(QStringLiteral("; ")));
    d.location = location;
    d.path = path;
    d.resource = resource;
    d.resourceId = resourceId;
    return d;
}

} // namespace egret::validation
