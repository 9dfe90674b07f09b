#pragma once

#include <QStringList>
#include <QVector>

namespace egret::cli {

// Exit statuses shared by every command.
enum ExitCode { Ok = 0, Findings = 1, BadInput = 2 };

// One `egret <name>` subcommand. `run` gets the arguments after the command name.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
    bool needsGui = false; // draws: runs under a headless QApplication
};

// Every subcommand, in the order `egret --help` lists them.
const QVector<Command> &commands();

int runExport(const QStringList &args);
int runRoute(const QStringList &args);
#ifdef EGRET_WITH_GUI
int runGraph(const QStringList &args);
#endif
int runValidate(const QStringList &args);

} // namespace egret::cli
