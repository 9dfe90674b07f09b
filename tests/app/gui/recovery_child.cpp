// A child editor for tst_recovery: opens a file, edits it, waits until the edit is autosaved,
// says so on standard output, then keeps running until the test kills it with SIGKILL.
//
//   recovery_child FILE
#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("egret"));
    QApplication::setApplicationName(QStringLiteral("egret"));
    egret::gui::MainWindow window;
    QObject::connect(window.session(), &egret::gui::EditorSession::openFinished, &window,
                     [&window] {
                         const egret::Workspace &ws = window.session()->workspace();
                         const egret::DocumentId first = ws.files()[0].documents[0];
                         window.session()->replaceDocumentText(
                             first, ws.document(first)->text + "# edited, not saved\n", false);
                     });
    QObject::connect(&window, &egret::gui::MainWindow::autosaved, &window, [] {
        std::puts("autosaved");
        std::fflush(stdout);
    });
    window.openPaths({QString::fromLocal8Bit(argv[1])});
    return app.exec();
}
