#pragma once

#include <utility>

struct GVC_s;

namespace egret::views::gv {

// Owns a Graphviz context (gvContext): the loaded layout plugins. Not copyable; movable.
class Context {
public:
    Context();
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;
    Context(Context &&other) noexcept
        : m_gvc(std::exchange(other.m_gvc, nullptr)) {}
    Context &operator=(Context &&other) noexcept;

    bool isValid() const { return m_gvc != nullptr; }
    // The underlying GVC_t, still owned by this object: for Graphviz calls the wrapper lacks.
    GVC_s *c_struct() const { return m_gvc; }

private:
    GVC_s *m_gvc = nullptr;
};

} // namespace egret::views::gv
