#include "app/cli/Output.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace egret::cli {

void outBytes(const QByteArray &bytes) {
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void out(const QString &text) {
    outBytes(text.toUtf8());
}

void err(const QString &text) {
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

QString helpText(const QCommandLineParser &parser, const QString &command) {
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage + program))
        text.replace(usage.size(), program.size(), command);
    return text;
}

void printDiagnostics(const Diagnostics &diags) {
    for (const Diagnostic &d : diags)
        err(d.toString() + QLatin1Char('\n'));
}

} // namespace egret::cli
