#include "app/gui/GuiMain.h"

#include "app/gui/MainWindow.h"

#include <QApplication>
#include <QStringList>

#include <cstdio>

namespace egret::gui {

namespace {

// Qt aborts with a cryptic "could not connect to display" when there is none; say it first.
bool haveDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int run(int argc, char *argv[]) {
    if (!haveDisplay()) {
        std::fputs(
            "egret: no display available (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "  Run it in a desktop session, or under a virtual display: xvfb-run -a egret FILE...\n"
            "  The command line needs no display: egret --help\n",
            stderr);
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Egret"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.egret.Egret"));

    MainWindow window;
    const QStringList paths = QApplication::arguments().mid(1);
    if (!paths.isEmpty())
        window.openPaths(paths);
    window.show();
    window.checkForRecovery();
    return app.exec();
}

} // namespace egret::gui
