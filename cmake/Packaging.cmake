# `cpack -G DEB` in a build folder makes egret_VERSION_ARCH.deb from what `cmake --install`
# places. Its Depends come from dpkg-shlibdeps on the installed binary (Debian's Qt 6 and
# yaml-cpp libraries, Graphviz's once the views link it), plus the runtime parts a desktop
# program needs that no library link shows.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "egret")
set(CPACK_PACKAGE_VENDOR "The Egret developers")
# No address is published yet: set one (CPACK_DEBIAN_PACKAGE_MAINTAINER) before a release.
set(CPACK_PACKAGE_CONTACT "The Egret developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop editor for Istio egress configuration")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Egret edits and checks the Istio resources that decide how traffic leaves a service mesh "
    "(Gateway, ServiceEntry, VirtualService, DestinationRule), pointing at each problem with its "
    "file, line and column. The egret command line exports normalized manifests for CI.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "egret")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(EGRET_BUILD_GUI)
    # Loaded at run time, so dpkg-shlibdeps cannot see them: Qt's platform plugins (xcb,
    # wayland, offscreen) and Graphviz's layout plugins, which libgvc6 carries and registers.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libgvc6")
endif()

include(CPack)
