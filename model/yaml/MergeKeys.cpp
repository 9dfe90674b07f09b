#include "model/yaml/MergeKeys.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace egret::yaml {

namespace {

bool isMergeKey(const YAML::Node &key) {
    return key.IsScalar() && key.Scalar() == "<<" && key.Tag() == "?";
}

bool expand(YAML::Node node, NodeBudget &budget, int depth) {
    if (!budget.spend() || depth > kMaxNestingDepth)
        return false;
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            if (!expand(node[i], budget, depth + 1))
                return false;
        return true;
    }
    if (!node.IsMap())
        return true;

    bool hasMerge = false;
    for (auto it = node.begin(), end = node.end(); it != end; ++it) {
        if (isMergeKey(it->first))
            hasMerge = true;
        else if (!expand(it->second, budget, depth + 1))
            return false;
    }
    if (!hasMerge)
        return true;

    // Own keys first (they win), then the merged ones in order, earlier sources winning.
    YAML::Node merged(YAML::NodeType::Map);
    std::unordered_set<std::string> seen;
    std::vector<YAML::Node> sources;
    for (auto it = node.begin(), end = node.end(); it != end; ++it) {
        if (isMergeKey(it->first)) {
            if (it->second.IsMap())
                sources.push_back(it->second);
            else if (it->second.IsSequence()) {
                // A copy: `it->` is a temporary proxy, gone before a range-for over it begins.
                const YAML::Node list = it->second;
                for (const YAML::Node &s : list)
                    if (s.IsMap())
                        sources.push_back(s);
            }
            continue;
        }
        if (it->first.IsScalar())
            seen.insert(it->first.Scalar());
        merged.force_insert(it->first, it->second);
    }
    for (YAML::Node &source : sources) {
        if (!expand(source, budget, depth + 1))
            return false;
        for (auto it = source.begin(), end = source.end(); it != end; ++it) {
            if (!budget.spend())
                return false;
            if (it->first.IsScalar() && !seen.insert(it->first.Scalar()).second)
                continue;
            merged.force_insert(it->first, it->second);
        }
    }
    merged.SetStyle(node.Style());
    node = merged; // writes through: the tree now holds the merged mapping
    return true;
}

} // namespace

bool expandMergeKeys(const QByteArray &text, YAML::Node &root, NodeBudget &budget) {
    if (!text.contains("<<"))
        return true;
    return expand(root, budget, 0);
}

} // namespace egret::yaml
