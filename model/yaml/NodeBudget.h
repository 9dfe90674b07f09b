#pragma once

#include <cstdint>

namespace egret::yaml {

// Bounds every walk over a parsed node tree. yaml-cpp shares aliased nodes, so an "alias bomb"
// parses in linear memory but expands to billions of nodes when walked. Without aliases a
// document cannot hold more nodes than it has bytes, so the limit follows from its size.
class NodeBudget {
public:
    explicit NodeBudget(std::int64_t documentBytes)
        : m_remaining(2 * documentBytes + 10000) {}

    // Spends one node; false once the walk has gone past what the text could hold.
    bool spend() { return --m_remaining >= 0; }
    bool exhausted() const { return m_remaining < 0; }

private:
    std::int64_t m_remaining;
};

// Nesting deeper than this is refused before anything recurses over it.
constexpr int kMaxNestingDepth = 500;

} // namespace egret::yaml
