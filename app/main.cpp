#include "app/cli/Cli.h"

#include <QCoreApplication>

#ifdef EGRET_WITH_GUI
#include "app/gui/GuiMain.h"

#include <QApplication>
#include <QDir>
#include <QFile>

#include <unistd.h>
#endif

int main(int argc, char *argv[]) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    QCoreApplication::setApplicationName(QStringLiteral("egret"));
    QCoreApplication::setOrganizationName(QStringLiteral("egret"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EGRET_VERSION));

    if (egret::cli::wantsCli(args)) {
#ifdef EGRET_WITH_GUI
        if (egret::cli::needsGuiApplication(args)) {
            // Drawing (a QGraphicsScene) needs a widgets application, never a display.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            // Qt warns on every run when there is no runtime folder; give it a private one.
            if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
                const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/egret-runtime-" +
                                       QByteArray::number(getuid());
                if (QDir().mkpath(QString::fromLocal8Bit(dir)) &&
                    QFile::setPermissions(QString::fromLocal8Bit(dir),
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                    qputenv("XDG_RUNTIME_DIR", dir);
            }
            QApplication app(argc, argv);
            return egret::cli::run(args);
        }
#endif
        // The command line needs no display: a core application is enough.
        QCoreApplication app(argc, argv);
        return egret::cli::run(args);
    }
#ifdef EGRET_WITH_GUI
    return egret::gui::run(argc, argv);
#else
    QCoreApplication app(argc, argv);
    return egret::cli::run({args.value(0), QStringLiteral("--help")});
#endif
}
