#include "model/schema/SchemaChecker.h"

#include "model/yaml/LenientSyntax.h"
#include "model/yaml/Scalars.h"

#include <yaml-cpp/yaml.h>

#include <QStringList>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <unordered_set>

namespace egret::schema {

namespace {

// The path of the node being checked, as a chain on the stack: built into a string only when
// something is reported, so a clean document costs no string work.
struct PathLink {
    const PathLink *parent = nullptr;
    std::string_view key;
    int index = -1;
};

QString render(const PathLink *link) {
    QStringList parts;
    for (const PathLink *p = link; p && p->parent; p = p->parent) {
        if (p->index >= 0) {
            parts.prepend(QStringLiteral("[%1]").arg(p->index));
        } else {
            const QString key = QString::fromUtf8(p->key.data(), qsizetype(p->key.size()));
            bool simple = !key.isEmpty();
            for (QChar c : key)
                simple = simple &&
                         (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'));
            parts.prepend(simple ? QLatin1Char('.') + key : QStringLiteral("[\"%1\"]").arg(key));
        }
    }
    QString s = parts.join(QString());
    if (s.startsWith(QLatin1Char('.')))
        s.remove(0, 1);
    return s;
}

bool isPlain(const YAML::Node &n) {
    return n.Tag() == "?";
}

bool isDuration(std::string_view t) {
    // Go's time.ParseDuration syntax: one or more <number><unit>, e.g. "1h30m", "1.5s".
    if (t.empty())
        return false;
    std::size_t i = 0;
    if (t == "0")
        return true;
    while (i < t.size()) {
        std::size_t digits = 0;
        while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'))
            ++i, ++digits;
        if (digits == 0)
            return false;
        const std::string_view rest = t.substr(i);
        std::size_t unit = 0;
        for (std::string_view u : {"ns", "us", "\xC2\xB5s", "ms", "s", "m", "h"}) {
            if (rest.substr(0, u.size()) == u && u.size() > unit)
                unit = u.size();
        }
        // "m" must not swallow the "m" of "ms".
        if (rest.substr(0, 2) == "ms")
            unit = 2;
        if (unit == 0)
            return false;
        i += unit;
    }
    return true;
}

// The keys met so far in one mapping. Most mappings hold a handful, so a scan of a fixed array
// beats a hash set, which allocates for every mapping.
class SeenKeys {
public:
    // False when `key` was met before.
    bool insert(std::string_view key) {
        if (m_many.empty()) {
            if (std::find(m_few.begin(), m_few.begin() + m_count, key) != m_few.begin() + m_count)
                return false;
            if (m_count < m_few.size()) {
                m_few[m_count++] = key;
                return true;
            }
            m_many.insert(m_few.begin(), m_few.end());
        }
        return m_many.insert(key).second;
    }

private:
    std::array<std::string_view, 16> m_few;
    std::size_t m_count = 0;
    std::unordered_set<std::string_view> m_many;
};

class Checker {
public:
    Checker(std::string_view text, yaml::NodeBudget &budget, CheckSink &sink)
        : m_text(text)
        , m_budget(budget)
        , m_sink(sink) {}

    bool ok() const { return !m_stopped; }

    void check(const YAML::Node &n, const Node *schema, const PathLink *path, int depth) {
        if (m_stopped)
            return;
        if (!m_budget.spend()) {
            stop(n, path,
                 QStringLiteral("the document expands to more nodes than its text holds (nested "
                                "aliases, an \"alias bomb\"); it is not loaded"));
            return;
        }
        if (depth > yaml::kMaxNestingDepth) {
            stop(n, path,
                 QStringLiteral("nesting deeper than %1 levels; the document is not loaded")
                     .arg(yaml::kMaxNestingDepth));
            return;
        }
        if (!n.IsDefined() || n.IsNull())
            return; // a null field counts as absent, as the API server prunes it
        if (m_flow > 0 && n.IsScalar())
            if (const auto bad = yaml::flowScalarDiffers(m_text, n, true)) {
                malformed(bad->at, path, bad->message);
                return;
            }
        // Scalars below a flow collection are read by other rules in kubectl (flowScalarDiffers).
        const bool flow = (n.IsMap() || n.IsSequence()) && n.Style() == YAML::EmitterStyle::Flow;
        m_flow += flow ? 1 : 0;
        const struct Leave {
            int &depth;
            bool flow;
            ~Leave() { depth -= flow ? 1 : 0; }
        } leave{m_flow, flow};
        const Type type = schema ? schema->type : Type::Any;
        switch (type) {
        case Type::Any:
            generic(n, path, depth);
            return;
        case Type::Object:
            object(n, *schema, path, depth);
            return;
        case Type::Map:
            if (!expect(n, n.IsMap(), "a mapping", path))
                return;
            mapEntries(n, path, depth,
                       [&](const YAML::Node &, const YAML::Node &v, const PathLink *p) {
                           check(v, schema->element, p, depth + 1);
                       });
            return;
        case Type::Array: {
            if (!expect(n, n.IsSequence(), "a list", path))
                return;
            int i = 0;
            for (const YAML::Node &item : n) {
                const PathLink link{path, {}, i++};
                check(item, schema->element, &link, depth + 1);
                if (m_stopped)
                    return;
            }
            items(n, *schema, path);
            return;
        }
        case Type::String:
            string(n, *schema, path);
            return;
        case Type::Integer:
            integer(n, *schema, path);
            return;
        case Type::Number:
            if (expect(n, n.IsScalar(), "a number", path)) {
                const auto t = yaml::resolvePlain(n.Scalar());
                expect(n, isPlain(n) && (t == yaml::PlainType::Int || t == yaml::PlainType::Float),
                       "a number", path);
            }
            return;
        case Type::Boolean:
            if (expect(n, n.IsScalar(), "true or false", path))
                expect(n, isPlain(n) && yaml::resolvePlain(n.Scalar()) == yaml::PlainType::Bool,
                       "true or false", path);
            return;
        case Type::IntOrString:
            expect(n, n.IsScalar(), "a number or a string", path);
            return;
        }
    }

private:
    void stop(const YAML::Node &at, const PathLink *path, const QString &message) {
        if (!m_stopped)
            m_sink.refused(at, render(path), message);
        m_stopped = true;
    }

    void malformed(const YAML::Mark &at, const PathLink *path, const QString &message) {
        if (!m_stopped)
            m_sink.malformed(at, render(path), message);
        m_stopped = true;
    }

    bool expect(const YAML::Node &n, bool ok, const char *what, const PathLink *path) {
        if (!ok)
            m_sink.error(
                n, render(path),
                QStringLiteral("expected %1, found %2").arg(QLatin1String(what), describeValue(n)));
        return ok;
    }

    template <class F>
    void mapEntries(const YAML::Node &n, const PathLink *path, int depth, F &&each) {
        SeenKeys seen;
        for (auto it = n.begin(), end = n.end(); it != end && !m_stopped; ++it) {
            // A copy: `*it` is a temporary pair, and a reference into it would dangle.
            const auto entry = *it;
            const YAML::Node &key = entry.first;
            const YAML::Node &value = entry.second;
            if (const auto bad = yaml::notYaml(m_text, n, key, value)) {
                malformed(bad->at, path, bad->message);
                return;
            }
            if (const auto bad = yaml::flowScalarDiffers(m_text, key, m_flow > 0)) {
                malformed(bad->at, path, bad->message);
                return;
            }
            if (!key.IsScalar()) {
                m_sink.error(key, render(path),
                             QStringLiteral("a mapping key must be a string, found %1")
                                 .arg(describeValue(key)));
                check(key, nullptr, path, depth + 1);
                continue;
            }
            const std::string &name = key.Scalar();
            const PathLink link{path, name, -1};
            if (!seen.insert(name))
                m_sink.warning(key, render(&link),
                               QStringLiteral("duplicate key \"%1\": kubectl rejects it and "
                                              "tools disagree on which value wins")
                                   .arg(QString::fromStdString(name)));
            each(key, value, &link);
        }
    }

    void generic(const YAML::Node &n, const PathLink *path, int depth) {
        if (n.IsMap()) {
            mapEntries(n, path, depth,
                       [&](const YAML::Node &, const YAML::Node &v, const PathLink *p) {
                           check(v, nullptr, p, depth + 1);
                       });
        } else if (n.IsSequence()) {
            int i = 0;
            for (const YAML::Node &item : n) {
                const PathLink link{path, {}, i++};
                check(item, nullptr, &link, depth + 1);
                if (m_stopped)
                    return;
            }
        }
    }

    void object(const YAML::Node &n, const Node &schema, const PathLink *path, int depth) {
        if (!expect(n, n.IsMap(), "a mapping", path))
            return;
        mapEntries(n, path, depth,
                   [&](const YAML::Node &key, const YAML::Node &v, const PathLink *p) {
                       const Node *field = schema.field(key.Scalar());
                       if (!field && !schema.preserveUnknownFields)
                           m_sink.unknownField(key, render(p));
                       check(v, field, p, depth + 1);
                   });
        if (m_stopped)
            return;
        for (const char *req : schema.required) {
            const YAML::Node v = n[req];
            if (!v || v.IsNull())
                m_sink.error(
                    n, render(path),
                    QStringLiteral("missing required field \"%1\"").arg(QLatin1String(req)));
        }
        for (const auto &group : schema.oneOf) {
            QStringList set;
            for (const char *f : group) {
                const YAML::Node v = n[f];
                if (v && !v.IsNull())
                    set << QLatin1String(f);
            }
            if (set.size() > 1)
                m_sink.error(n, render(path),
                             QStringLiteral("only one of %1 may be set")
                                 .arg(set.join(QStringLiteral(", "))));
        }
        if (schema.rule)
            schema.rule(n, render(path), m_sink);
    }

    void items(const YAML::Node &n, const Node &schema, const PathLink *path) {
        const std::size_t count = n.size();
        if (count < schema.minItems)
            m_sink.error(n, render(path),
                         schema.minItems == 1
                             ? QStringLiteral("expected at least one item, found none")
                             : QStringLiteral("expected at least %1 items, found %2")
                                   .arg(schema.minItems)
                                   .arg(count));
        else if (count > schema.maxItems)
            m_sink.error(n, render(path),
                         QStringLiteral("expected at most %1 item%2, found %3")
                             .arg(schema.maxItems)
                             .arg(schema.maxItems == 1 ? QString() : QStringLiteral("s"))
                             .arg(count));
        if (schema.rule)
            schema.rule(n, render(path), m_sink);
    }

    void string(const YAML::Node &n, const Node &schema, const PathLink *path) {
        if (n.IsMap() && n.size() == 1 && n.begin()->second.IsNull()) {
            const auto entry = *n.begin();
            if (const auto bad = yaml::flowScalarDiffers(m_text, entry.first, m_flow > 0)) {
                malformed(bad->at, path, bad->message);
                return;
            }
            // `[1.2.3.4, 001:db8::]`: an unquoted value with ": " or a final ":" reads as a
            // mapping.
            m_sink.error(n, render(path),
                         QStringLiteral("expected a string, found a mapping with the key \"%1\"; "
                                        "quote a value that contains \": \" or ends with \":\"")
                             .arg(QString::fromStdString(n.begin()->first.Scalar())));
            return;
        }
        if (!expect(n, n.IsScalar(), "a string", path))
            return;
        if (isPlain(n) && yaml::resolvePlain(n.Scalar()) != yaml::PlainType::String) {
            m_sink.error(n, render(path),
                         QStringLiteral("expected a string, found %1; quote it to keep it a "
                                        "string: \"%2\"")
                             .arg(describeValue(n), QString::fromStdString(n.Scalar())));
            return;
        }
        const std::string &text = n.Scalar();
        if (!schema.enumValues.empty()) {
            bool found = false;
            QStringList allowed;
            for (const char *v : schema.enumValues) {
                found = found || text == v;
                allowed << QLatin1String(v);
            }
            if (!found)
                m_sink.error(
                    n, render(path),
                    QStringLiteral("\"%1\" is not one of %2")
                        .arg(QString::fromStdString(text), allowed.join(QStringLiteral(", "))));
        }
        if (schema.duration && !isDuration(text))
            m_sink.error(n, render(path),
                         QStringLiteral("\"%1\" is not a duration such as \"5s\", \"1.5s\" or "
                                        "\"100ms\"")
                             .arg(QString::fromStdString(text)));
        if (schema.rule)
            schema.rule(n, render(path), m_sink);
    }

    void integer(const YAML::Node &n, const Node &schema, const PathLink *path) {
        if (!expect(n, n.IsScalar(), "an integer", path))
            return;
        if (!isPlain(n) || yaml::resolvePlain(n.Scalar()) != yaml::PlainType::Int) {
            expect(n, false, "an integer", path);
            return;
        }
        errno = 0;
        std::string digits;
        for (char c : n.Scalar())
            if (c != '_')
                digits += c;
        char *end = nullptr;
        const long long v = std::strtoll(digits.c_str(), &end, 0);
        if (errno == ERANGE || v < schema.minimum || v > schema.maximum)
            m_sink.error(n, render(path),
                         QStringLiteral("%1 is out of range (%2 to %3)")
                             .arg(QString::fromStdString(n.Scalar()))
                             .arg(schema.minimum)
                             .arg(schema.maximum));
        else if (schema.rule)
            schema.rule(n, render(path), m_sink);
    }

    std::string_view m_text;
    yaml::NodeBudget &m_budget;
    CheckSink &m_sink;
    bool m_stopped = false;
    int m_flow = 0; // how many flow collections enclose the node being checked
};

} // namespace

QString describeValue(const YAML::Node &v) {
    if (!v.IsDefined() || v.IsNull())
        return QStringLiteral("nothing (null)");
    if (v.IsMap())
        return QStringLiteral("a mapping");
    if (v.IsSequence())
        return QStringLiteral("a list");
    const QString text = QString::fromStdString(v.Scalar());
    if (v.Tag() != "?")
        return QStringLiteral("the string \"%1\"").arg(text);
    switch (yaml::resolvePlain(v.Scalar())) {
    case yaml::PlainType::Int:
    case yaml::PlainType::Float:
        return QStringLiteral("the number %1").arg(text);
    case yaml::PlainType::Bool:
        return QStringLiteral("the boolean %1").arg(text);
    case yaml::PlainType::Timestamp:
        return QStringLiteral("the date %1").arg(text);
    case yaml::PlainType::Null:
        return QStringLiteral("nothing (null)");
    case yaml::PlainType::String:
        break;
    }
    return QStringLiteral("the string \"%1\"").arg(text);
}

bool checkDocument(std::string_view text, const YAML::Node &root, const Node *schema,
                   yaml::NodeBudget &budget, CheckSink &sink) {
    Checker checker(text, budget, sink);
    const PathLink rootLink;
    checker.check(root, schema, &rootLink, 0);
    return checker.ok();
}

} // namespace egret::schema
