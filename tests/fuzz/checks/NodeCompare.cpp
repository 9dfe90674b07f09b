#include "checks/NodeCompare.h"

#include "model/yaml/Scalars.h"
#include "model/yaml/YamlPath.h"

namespace egret::fuzz {

namespace {

// What a scalar means: the core types by resolution, anything else by its explicit tag.
QString meaning(const YAML::Node &n) {
    const std::string &tag = n.Tag();
    if (n.IsNull() && (tag.empty() || tag == "?"))
        return QStringLiteral("null");
    // Quoted in the source, or made by a program without a tag: the emitter writes a string.
    if (tag == "!" || tag.empty())
        return QStringLiteral("string");
    if (tag == "?") {
        switch (yaml::resolvePlain(n.Scalar())) {
        case yaml::PlainType::Null:
            return QStringLiteral("null");
        case yaml::PlainType::Bool:
            return QStringLiteral("bool");
        case yaml::PlainType::Int:
            return QStringLiteral("int");
        case yaml::PlainType::Float:
            return QStringLiteral("float");
        case yaml::PlainType::Timestamp:
            return QStringLiteral("timestamp");
        case yaml::PlainType::String:
            return QStringLiteral("string");
        }
    }
    return QStringLiteral("tag ") + QString::fromStdString(tag);
}

QString text(const YAML::Node &n) {
    return n.IsNull() ? QString() : QString::fromStdString(n.Scalar());
}

QString compare(const YAML::Node &a, const YAML::Node &b, const QString &path,
                yaml::NodeBudget &budget, int depth) {
    if (!budget.spend() || depth > yaml::kMaxNestingDepth)
        return {};
    const bool aScalar = !a.IsMap() && !a.IsSequence();
    const bool bScalar = !b.IsMap() && !b.IsSequence();
    if (aScalar && bScalar) {
        const QString ma = meaning(a), mb = meaning(b);
        if (ma != mb)
            return QStringLiteral("%1: %2 became %3").arg(path, ma, mb);
        // A null is a null however it is spelled (~, null, nothing).
        if (ma != QLatin1String("null") && text(a) != text(b))
            return QStringLiteral("%1: \"%2\" became \"%3\"").arg(path, text(a), text(b));
        return {};
    }
    if (a.IsMap() != b.IsMap() || a.IsSequence() != b.IsSequence())
        return QStringLiteral("%1: the type changed").arg(path);
    if (a.size() != b.size())
        return QStringLiteral("%1: %2 entries became %3").arg(path).arg(a.size()).arg(b.size());
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (QString d = compare(a[i], b[i], yaml::appendIndex(path, int(i)), budget, depth + 1);
                !d.isEmpty())
                return d;
        return {};
    }
    auto ia = a.begin();
    auto ib = b.begin();
    for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
        const QString key = ia->first.IsScalar() ? text(ia->first) : QStringLiteral("<key>");
        if (QString d =
                compare(ia->first, ib->first, path + QStringLiteral(" key"), budget, depth + 1);
            !d.isEmpty())
            return d;
        if (QString d =
                compare(ia->second, ib->second, yaml::appendKey(path, key), budget, depth + 1);
            !d.isEmpty())
            return d;
    }
    return {};
}

} // namespace

QString compareNodes(const YAML::Node &a, const YAML::Node &b, yaml::NodeBudget &budget) {
    return compare(a, b, QString(), budget, 0);
}

} // namespace egret::fuzz
