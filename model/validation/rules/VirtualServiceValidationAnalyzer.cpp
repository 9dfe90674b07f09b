#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

#include <QHash>

namespace egret::validation::rules {

namespace {

// Rules and matches are named as Istio's validation names them: "name" when named, else #index.
QString label(const QString &name, int index) {
    return name.isEmpty() ? QStringLiteral("#%1").arg(index) : goQuote(name);
}

class Reporter {
public:
    Reporter(Context &ctx, const QString &table)
        : m_ctx(ctx)
        , m_table(table) {}

    void unreachable(int rule, const QString &ruleLabel, const QString &reason) {
        m_ctx.report(msg::VirtualServiceUnreachableRule, path(rule), {ruleLabel, reason});
    }
    void ineffective(int rule, int match, const QString &ruleLabel, const QString &matchLabel,
                     const QString &earlier) {
        m_ctx.report(msg::VirtualServiceIneffectiveMatch,
                     path(rule) + QStringLiteral(".match[%1]").arg(match),
                     {ruleLabel, matchLabel, earlier});
    }

private:
    QString path(int rule) const { return QStringLiteral("spec.%1[%2]").arg(m_table).arg(rule); }
    Context &m_ctx;
    QString m_table;
};

// The duplicate and catch-all checks common to http, tls and tcp rules. `canonical(rule)` gives
// each match written canonically; `onNew(rule, match)` sees the matches that are not duplicates
// and come before any catch-all rule.
template <class RuleT, class Canon, class OnNew>
void duplicates(const QVector<RuleT> &rules, Reporter &report, Canon canonical,
                const QStringList &names, OnNew onNew) {
    QHash<QString, int> seen;
    int catchAll = -1;
    for (int r = 0; r < rules.size(); ++r) {
        const QStringList matches = canonical(rules[r]);
        auto ruleLabel = [&] { return label(names.value(r), r); }; // made for a finding only
        if (matches.isEmpty()) {
            if (catchAll >= 0)
                report.unreachable(r, ruleLabel(),
                                   QStringLiteral("only the last rule can have no matches"));
            catchAll = r;
            continue;
        }
        int dup = 0;
        for (int m = 0; m < matches.size(); ++m) {
            if (catchAll >= 0)
                report.unreachable(r, ruleLabel(),
                                   QStringLiteral("route without matches defined before"));
            const auto it = seen.constFind(matches[m]);
            if (it != seen.cend()) {
                report.ineffective(r, m, ruleLabel(), label(QString(), m),
                                   label(names.value(it.value()), it.value()));
                ++dup;
                continue;
            }
            seen.insert(matches[m], r);
            if (catchAll < 0)
                onNew(r, m);
        }
        if (dup == matches.size())
            report.unreachable(r, ruleLabel(), QStringLiteral("all matches used by prior rules"));
    }
}

// The string Istio compares for a method, authority, header or query parameter.
// Regular expressions and empty values compare as "".
QString matchValue(const std::optional<StringMatch> &m) {
    if (!m || m->value.isEmpty() ||
        (m->type != QLatin1String("exact") && m->type != QLatin1String("prefix")))
        return {};
    return m->type + QLatin1Char(':') + m->value;
}

bool compatible(const QString &earlier, const QString &later) {
    return earlier == later || earlier.startsWith(later);
}

bool compatibleMaps(const QMap<QString, StringMatch> &a, const QMap<QString, StringMatch> &b) {
    if (a.keys() != b.keys())
        return false;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (!compatible(matchValue(it.value()), matchValue(b.value(it.key()))))
            return false;
    return true;
}

// A later prefix match that an earlier, shorter prefix with compatible conditions shadows.
bool shadows(const HttpMatchRequest &a, const HttpMatchRequest &b) {
    const QString pa = a.uri->value, pb = b.uri->value;
    if (!pb.startsWith(pa) || pa == pb || a.port != b.port)
        return false;
    // An unset method counts as GET.
    auto method = [](const HttpMatchRequest &m) {
        if (m.method && !m.method->value.isEmpty())
            return matchValue(m.method);
        return QStringLiteral("exact:GET");
    };
    return compatible(method(a), method(b)) &&
           compatible(matchValue(a.authority), matchValue(b.authority)) &&
           compatibleMaps(a.headers, b.headers) && compatibleMaps(a.queryParams, b.queryParams) &&
           compatibleMaps(a.withoutHeaders, b.withoutHeaders);
}

void analyze(Context &ctx) {
    const auto *vs = ctx.subject().as<VirtualService>();

    Reporter http(ctx, QStringLiteral("http"));
    QStringList httpNames;
    for (const HttpRoute &r : vs->http)
        httpNames << r.name;
    struct Prefix {
        int rule, match;
    };
    QVector<Prefix> prefixes;
    duplicates(
        vs->http, http,
        [](const HttpRoute &r) {
            QStringList out;
            for (const HttpMatchRequest &m : r.match)
                out << m.canonical;
            return out;
        },
        httpNames,
        [&](int r, int m) {
            const HttpMatchRequest &match = vs->http[r].match[m];
            if (match.uri && match.uri->type == QLatin1String("prefix") &&
                !match.uri->value.isEmpty())
                prefixes.append({r, m});
        });
    for (int j = 0; j < prefixes.size(); ++j) {
        const HttpMatchRequest &b = vs->http[prefixes[j].rule].match[prefixes[j].match];
        for (int i = 0; i < j; ++i) {
            const HttpMatchRequest &a = vs->http[prefixes[i].rule].match[prefixes[i].match];
            if (shadows(a, b))
                http.ineffective(prefixes[j].rule, prefixes[j].match,
                                 label(httpNames[prefixes[j].rule], prefixes[j].rule),
                                 label(b.name, prefixes[j].match),
                                 label(httpNames[prefixes[i].rule], prefixes[i].rule));
        }
    }

    Reporter tls(ctx, QStringLiteral("tls"));
    duplicates(
        vs->tls, tls,
        [](const TlsRoute &r) {
            QStringList out;
            for (const TlsMatchAttributes &m : r.match)
                out << m.canonical;
            return out;
        },
        QStringList(), [](int, int) {});
    Reporter tcp(ctx, QStringLiteral("tcp"));
    duplicates(
        vs->tcp, tcp,
        [](const TcpRoute &r) {
            QStringList out;
            for (const L4MatchAttributes &m : r.match)
                out << m.canonical;
            return out;
        },
        QStringList(), [](int, int) {});
}

} // namespace

const Rule virtualServiceValidationAnalyzer{
    "schema.ValidationAnalyzer.VirtualService",
    "Checks VirtualService rules that can never be used: duplicate and shadowed matches, and rules "
    "after a rule without matches",
    {Kind::VirtualService},
    {Kind::VirtualService},
    {&msg::VirtualServiceUnreachableRule, &msg::VirtualServiceIneffectiveMatch},
    analyze,
};

} // namespace egret::validation::rules
