#include "views/graph/graphviz/GvContext.h"

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

// The two plugins a layout needs, linked in: the dot engine and the core (DOT in and out).
// gvContext() would load every plugin in Graphviz's config, pango, cairo and GTK among them,
// whose fontconfig and glib state then fights Qt's at exit; node and label sizes are ours, and
// Graphviz's built-in font metrics are enough for what is left to it.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
}

namespace egret::views::gv {

namespace {

lt_symlist_t kBuiltins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr},
};

} // namespace

Context::Context()
    : m_gvc(gvContextPlugins(kBuiltins, 0)) {
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
