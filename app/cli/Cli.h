#pragma once

#include <QStringList>

namespace egret::cli {

// True when the arguments ask for the command line (a subcommand, --help, --version) rather
// than the desktop app.
bool wantsCli(const QStringList &args);

// True when the command draws and needs a (headless) QApplication rather than a core
// application.
bool needsGuiApplication(const QStringList &args);

// Runs `egret <command> ...`; returns the process exit status.
int run(const QStringList &args);

} // namespace egret::cli
