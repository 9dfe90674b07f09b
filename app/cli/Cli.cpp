#include "app/cli/Cli.h"

#include "app/cli/Command.h"
#include "app/cli/Output.h"

#include <QCoreApplication>

namespace egret::cli {

namespace {

const Command *find(const QString &name) {
    for (const Command &c : commands())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QString usage() {
    QString text = QStringLiteral(
        "Usage: egret [FILE|DIR...]            open the desktop editor\n"
        "       egret <command> [options...]   work on manifests from the command line\n"
        "\nCommands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(QString::fromLatin1(c.name).leftJustified(12), QLatin1String(c.summary));
    text += QStringLiteral("\nRun `egret <command> --help` for a command's options.\n"
                           "  -h, --help     show this help\n"
                           "  -v, --version  show the version\n");
    return text;
}

} // namespace

bool wantsCli(const QStringList &args) {
    if (args.size() < 2)
        return false;
    const QString first = args.at(1);
    return find(first) || first == QLatin1String("--help") || first == QLatin1String("-h") ||
           first == QLatin1String("--version") || first == QLatin1String("-v") ||
           first == QLatin1String("help");
}

bool needsGuiApplication(const QStringList &args) {
    const Command *c = find(args.value(1));
    return c && c->needsGui;
}

int run(const QStringList &args) {
    const QString first = args.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out(QStringLiteral("egret %1\n").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        out(usage());
        return Ok;
    }
    if (const Command *c = find(first))
        return c->run(args.mid(2));
    err(QStringLiteral("egret: unknown command \"%1\"\n\n").arg(first) + usage());
    return BadInput;
}

} // namespace egret::cli
