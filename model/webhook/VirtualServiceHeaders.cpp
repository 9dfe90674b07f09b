// Istio's webhook for the header operations of a VirtualService's http routes and their
// destinations (ValidateHTTPHeader*Name, ValidateHTTPHeaderValue, validateAuthorityRewrite in
// pkg/config/validation).
#include "model/webhook/Fields.h"
#include "model/webhook/VirtualServiceRules.h"

#include <QRegularExpression>

namespace egret::webhook::vs {

namespace {

bool isAuthorityHeader(const QString &name) {
    return name.compare(QLatin1String(":authority"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0;
}

// A header a request may add or set: the authority may be rewritten, other pseudo-headers not.
QString requestSetNameProblem(const QString &name) {
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (name.startsWith(QLatin1Char(':')) && !isAuthorityHeader(name))
        return QStringLiteral("header \"%1\" is a pseudo-header (':'), which cannot be "
                              "modified")
            .arg(name);
    return {};
}

// A header a request may remove, or a response modify.
QString headerOperationNameProblem(const QString &name) {
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (name.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("the Host header cannot be modified here; rewrite the authority "
                              "instead");
    if (name.startsWith(QLatin1Char(':')))
        return QStringLiteral("header \"%1\" is a pseudo-header (':'), which cannot be "
                              "modified")
            .arg(name);
    return {};
}

// Envoy's header formatter: '%' opens a %VARIABLE% or %VARIABLE(args)%, '%%' is a literal '%'.
QString envoyFormatProblem(const QString &value) {
    enum State {
        Literal,
        Name,
        ExpectArray,
        ExpectString,
        InString,
        AfterString,
        ExpectArgsEnd,
        ExpectEnd
    };
    State state = Literal;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        const bool space = c == QLatin1Char(' ');
        switch (state) {
        case Literal:
            if (c != QLatin1Char('%'))
                break;
            if (i + 1 == value.size())
                return QStringLiteral("it ends in a lone '%' (write '%%' for a literal '%')");
            if (value[i + 1] == QLatin1Char('%'))
                ++i;
            else
                state = Name;
            break;
        case Name:
            if (c == QLatin1Char('%'))
                state = Literal;
            else if (c == QLatin1Char('('))
                state = ExpectArray;
            break;
        case ExpectArray:
            if (c == QLatin1Char('['))
                state = ExpectString;
            else if (!space)
                state = InString;
            break;
        case AfterString:
            if (c == QLatin1Char(','))
                state = ExpectString;
            else if (c == QLatin1Char(']'))
                state = ExpectArgsEnd;
            else if (!space)
                return QStringLiteral("a variable's arguments expect ',' or ']'");
            break;
        case ExpectString:
            if (c == QLatin1Char('"'))
                state = InString;
            else if (!space)
                return QStringLiteral("a variable's arguments expect a quoted string");
            break;
        case InString:
            if (c == QLatin1Char('\\')) {
                if (i + 1 == value.size())
                    return QStringLiteral("a variable's argument ends in a lone backslash");
                ++i;
            } else if (c == QLatin1Char(')')) {
                state = ExpectEnd;
            } else if (c == QLatin1Char('"')) {
                state = AfterString;
            }
            break;
        case ExpectArgsEnd:
            if (c == QLatin1Char(')'))
                state = ExpectEnd;
            else if (!space)
                return QStringLiteral("a variable's arguments expect ')'");
            break;
        case ExpectEnd:
            if (c == QLatin1Char('%'))
                state = Literal;
            else if (!space)
                return QStringLiteral("a variable expects its closing '%'");
            break;
        }
    }
    if (state != Literal)
        return QStringLiteral("a %VARIABLE% is not closed (write '%%' for a literal '%')");
    return {};
}

QString headerValueProblem(const QString &value) {
    for (QChar c : value)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return QStringLiteral("header value \"%1\" holds a control character").arg(value);
    if (const QString problem = envoyFormatProblem(value); !problem.isEmpty())
        return QStringLiteral("header value \"%1\" is not valid for Envoy: %2").arg(value, problem);
    return {};
}

void checkHeaderMap(const YAML::Node &ops, const QString &at, bool request, WebhookReport &report) {
    for (const char *op : {"add", "set"}) {
        const YAML::Node map = field(ops, op);
        if (!isMap(map))
            continue;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString name = text(it->first);
            const QString hAt = at + QLatin1Char('.') + QLatin1String(op) +
                                (name.isEmpty() ? QString() : QLatin1Char('.') + name);
            const QString nameProblem =
                request ? requestSetNameProblem(name) : headerOperationNameProblem(name);
            if (!nameProblem.isEmpty())
                report.error(it->first, hAt, nameProblem);
            if (it->second.IsScalar())
                if (const QString problem = headerValueProblem(text(it->second));
                    !problem.isEmpty())
                    report.error(it->second, hAt, problem);
        }
    }
    forEachItem(field(ops, "remove"), [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return;
        if (const QString problem = headerOperationNameProblem(text(item)); !problem.isEmpty())
            report.error(item, indexed(at + QStringLiteral(".remove"), i), problem);
    });
}

} // namespace

// RFC 7230 token characters.
bool isHeaderToken(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[!#$%&'*+\\-.^_`|~A-Za-z0-9]+$"));
    return re.match(name).hasMatch();
}

void checkHeaderOperations(const YAML::Node &headers, const QString &at, WebhookReport &report) {
    checkHeaderMap(field(headers, "request"), at + QStringLiteral(".request"), true, report);
    checkHeaderMap(field(headers, "response"), at + QStringLiteral(".response"), false, report);
}

// The authority is rewritten in one place only: rewrite.authority or one request header.
void checkAuthorityRewrite(const YAML::Node &route, const QString &at, WebhookReport &report) {
    QString current = text(field(field(route, "rewrite"), "authority"));
    const YAML::Node request = field(field(route, "headers"), "request");
    for (const char *op : {"set", "add"}) {
        const YAML::Node map = field(request, op);
        if (!isMap(map))
            continue;
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!isAuthorityHeader(text(it->first)))
                continue;
            if (!current.isEmpty()) {
                report.error(it->first,
                             at + QStringLiteral(".headers.request.") + QLatin1String(op),
                             QStringLiteral("the authority is rewritten twice (\"%1\", then "
                                            "\"%2\"); rewrite it in one place")
                                 .arg(current, text(it->second)));
                return;
            }
            current = text(it->second);
        }
    }
}

} // namespace egret::webhook::vs
