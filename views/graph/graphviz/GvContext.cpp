#include "views/graph/graphviz/GvContext.h"

#include <graphviz/gvc.h>

namespace egret::views::gv {

Context::Context()
    : m_gvc(gvContext()) {
}

Context::~Context() {
    if (m_gvc)
        gvFreeContext(m_gvc);
}

Context &Context::operator=(Context &&other) noexcept {
    if (this != &other) {
        if (m_gvc)
            gvFreeContext(m_gvc);
        m_gvc = std::exchange(other.m_gvc, nullptr);
    }
    return *this;
}

} // namespace egret::views::gv
