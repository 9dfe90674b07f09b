#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

#include <QMap>
#include <QSet>

namespace egret::validation::rules {

namespace {

struct Declaration {
    const Resource *entry;
    QString protocol; // upper-cased; "" when unset
};

// ServiceEntries declaring the same host (as written) and port, grouped by the namespaces they
// are visible in.
QMap<QString, QVector<Declaration>> byScope(Context &ctx, const QString &host, qint64 port) {
    QMap<QString, QVector<Declaration>> out;
    for (const Entry &e : ctx.entries(Table::SeByHostPort, host + kSep + QString::number(port))) {
        const auto *se = e.resource->as<ServiceEntry>();
        for (const ServicePort &p : se->ports) {
            if (p.number.value_or(0) != port)
                continue;
            for (const QString &scope : exportScopes(se->exportTo, e.resource->ns))
                out[scope].append({e.resource, p.protocol.toUpper()});
        }
    }
    return out;
}

// Entries of a scope, plus the everywhere-visible ones for a namespace scope.
QVector<Declaration> visible(const QMap<QString, QVector<Declaration>> &scopes,
                             const QString &scope) {
    QVector<Declaration> out = scopes.value(scope);
    if (scope != QLatin1String("*"))
        out += scopes.value(QStringLiteral("*"));
    return out;
}

bool involves(const QVector<Declaration> &list, const Resource &se, QStringList *names,
              QStringList *protocols) {
    QSet<QString> distinct;
    bool mine = false;
    for (const Declaration &d : list) {
        distinct.insert(d.protocol);
        mine = mine || d.entry->id == se.id;
    }
    if (!mine || distinct.size() < 2)
        return false;
    for (const Declaration &d : list) {
        if (!names->contains(fullName(*d.entry)))
            *names << fullName(*d.entry);
        if (!protocols->contains(d.protocol))
            *protocols << d.protocol;
    }
    return true;
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *se = r.as<ServiceEntry>();
    for (const QString &host : se->hosts) {
        for (const ServicePort &p : se->ports) {
            const qint64 port = p.number.value_or(0);
            const auto scopes = byScope(ctx, host, port);
            QStringList names, protocols;
            bool conflict = false;
            for (auto it = scopes.cbegin(); it != scopes.cend() && !conflict; ++it)
                conflict = involves(visible(scopes, it.key()), r, &names, &protocols);
            if (conflict) {
                names.sort();
                ctx.report(msg::ConflictingServiceEntryProtocol, QStringLiteral("spec.ports"),
                           {names.join(QStringLiteral(", ")), host, QString::number(port),
                            protocols.join(QStringLiteral(", "))});
                return; // once per ServiceEntry
            }
        }
    }
}

} // namespace

const Rule conflictingServiceEntryProtocolAnalyzer{
    "serviceentry.ConflictingServiceEntryProtocolAnalyzer",
    "Checks for ServiceEntries that declare the same host and port with different protocols",
    {Kind::ServiceEntry},
    {Kind::ServiceEntry},
    {&msg::ConflictingServiceEntryProtocol},
    analyze,
};

} // namespace egret::validation::rules
