#include "model/decode/NodeRead.h"

#include "model/yaml/Scalars.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace egret::decode {

YAML::Node child(const YAML::Node &n, const char *key) {
    // A scan by hand: yaml-cpp's `n[key]` copies every key it compares into a new string.
    if (n.IsDefined() && n.IsMap()) {
        const std::string_view wanted(key);
        for (auto it = n.begin(), end = n.end(); it != end; ++it) {
            const auto entry = *it;
            if (entry.first.IsScalar() && entry.first.Scalar() == wanted)
                return entry.second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QString str(const YAML::Node &n) {
    if (!n.IsScalar())
        return {};
    return QString::fromStdString(n.Scalar());
}

QString str(const YAML::Node &n, const char *key) {
    return str(child(n, key));
}

std::optional<qint64> integer(const YAML::Node &n) {
    if (!n.IsScalar() || n.Tag() != "?" || yaml::resolvePlain(n.Scalar()) != yaml::PlainType::Int)
        return std::nullopt;
    std::string digits;
    for (char c : n.Scalar())
        if (c != '_')
            digits += c;
    errno = 0;
    char *end = nullptr;
    const long long v = std::strtoll(digits.c_str(), &end, 0);
    if (errno == ERANGE)
        return std::nullopt;
    return qint64(v);
}

std::optional<qint64> integer(const YAML::Node &n, const char *key) {
    return integer(child(n, key));
}

std::optional<double> number(const YAML::Node &n, const char *key) {
    const YAML::Node v = child(n, key);
    if (!v.IsScalar() || v.Tag() != "?")
        return std::nullopt;
    const auto t = yaml::resolvePlain(v.Scalar());
    if (t != yaml::PlainType::Int && t != yaml::PlainType::Float)
        return std::nullopt;
    bool ok = false;
    const double d = QString::fromStdString(v.Scalar()).remove(QLatin1Char('_')).toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

std::optional<bool> boolean(const YAML::Node &n, const char *key) {
    const YAML::Node v = child(n, key);
    if (!v.IsScalar() || v.Tag() != "?" || yaml::resolvePlain(v.Scalar()) != yaml::PlainType::Bool)
        return std::nullopt;
    const char c = v.Scalar().empty() ? 'f' : v.Scalar()[0];
    return c == 't' || c == 'T' || c == 'y' || c == 'Y' || v.Scalar() == "on" ||
           v.Scalar() == "On" || v.Scalar() == "ON";
}

QStringList strList(const YAML::Node &n, const char *key) {
    QStringList out;
    forEach(n, key, [&](const YAML::Node &item) {
        if (item.IsScalar())
            out << QString::fromStdString(item.Scalar());
    });
    return out;
}

Labels strMap(const YAML::Node &n, const char *key) {
    Labels out;
    const YAML::Node m = child(n, key);
    if (!m.IsMap())
        return out;
    for (auto it = m.begin(), end = m.end(); it != end; ++it) {
        const auto entry = *it; // one copy of the pair: each `it->` makes a new one
        if (entry.first.IsScalar() && entry.second.IsScalar())
            out.insert(QString::fromStdString(entry.first.Scalar()),
                       QString::fromStdString(entry.second.Scalar()));
        else if (entry.first.IsScalar() && entry.second.IsNull())
            out.insert(QString::fromStdString(entry.first.Scalar()), QString());
    }
    return out;
}

std::optional<Labels> optionalStrMap(const YAML::Node &n, const char *key) {
    if (!child(n, key).IsMap())
        return std::nullopt;
    return strMap(n, key);
}

static void canonicalInto(const YAML::Node &n, const QStringList &skip, std::string &out,
                          int depth) {
    if (depth > 64) {
        out += "...";
        return;
    }
    if (n.IsMap()) {
        std::vector<std::pair<std::string, YAML::Node>> entries;
        for (auto it = n.begin(), end = n.end(); it != end; ++it) {
            const auto entry = *it;
            const std::string key =
                entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
            if (!skip.contains(QString::fromStdString(key)) && !entry.second.IsNull())
                entries.emplace_back(key, entry.second);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        out += '{';
        for (const auto &[k, v] : entries) {
            out += k;
            out += ':';
            canonicalInto(v, {}, out, depth + 1);
            out += ',';
        }
        out += '}';
    } else if (n.IsSequence()) {
        out += '[';
        for (const YAML::Node &item : n) {
            canonicalInto(item, {}, out, depth + 1);
            out += ',';
        }
        out += ']';
    } else if (n.IsScalar()) {
        out += yaml::doubleQuoted(n.Scalar());
    }
}

QString canonical(const YAML::Node &n, const QStringList &skip) {
    std::string out;
    canonicalInto(n, skip, out, 0);
    return QString::fromStdString(out);
}

} // namespace egret::decode
