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
};

// Every subcommand, in the order `egret --help` lists them.
const QVector<Command> &commands();

int runExport(const QStringList &args);
int runValidate(const QStringList &args);

} // namespace egret::cli
