#include "model/edit/NodeCompare.h"

#include "model/yaml/NodeBudget.h"
#include "model/yaml/Scalars.h"

namespace egret::edit {

namespace {

// What a scalar is read as: a string, or the type its plain text resolves to.
yaml::PlainType scalarType(const YAML::Node &n) {
    const std::string &tag = n.Tag();
    if (tag == "?")
        return yaml::resolvePlain(n.Scalar());
    return yaml::PlainType::String;
}

bool isNullish(const YAML::Node &n) {
    if (!n.IsDefined() || n.IsNull())
        return true;
    return n.IsScalar() && n.Tag() == "?" &&
           yaml::resolvePlain(n.Scalar()) == yaml::PlainType::Null;
}

bool explicitTag(const std::string &tag) {
    return !tag.empty() && tag != "?" && tag != "!";
}

bool same(const YAML::Node &a, const YAML::Node &b, int depth, yaml::NodeBudget &budget) {
    // Aliases are shared nodes: an alias bomb would expand without end. Refuse instead.
    if (depth > yaml::kMaxNestingDepth || !budget.spend())
        return false;
    if (isNullish(a) || isNullish(b))
        return isNullish(a) && isNullish(b);
    if (a.Type() != b.Type())
        return false;
    if ((explicitTag(a.Tag()) || explicitTag(b.Tag())) && a.Tag() != b.Tag())
        return false;
    if (a.IsScalar())
        return a.Scalar() == b.Scalar() && scalarType(a) == scalarType(b);
    if (a.size() != b.size())
        return false;
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i], depth + 1, budget))
                return false;
        return true;
    }
    auto ia = a.begin();
    auto ib = b.begin();
    for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
        if (!same(ia->first, ib->first, depth + 1, budget) ||
            !same(ia->second, ib->second, depth + 1, budget))
            return false;
    }
    return true;
}

} // namespace

bool sameNode(const YAML::Node &a, const YAML::Node &b) {
    yaml::NodeBudget budget(1 << 21);
    return same(a, b, 0, budget);
}

} // namespace egret::edit
