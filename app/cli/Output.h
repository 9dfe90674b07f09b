#pragma once

#include "model/core/Diagnostic.h"

#include <QString>

class QCommandLineParser;

namespace egret::cli {

// Standard output and error as UTF-8, unbuffered enough for pipes and tests.
void out(const QString &text);
void err(const QString &text);
void outBytes(const QByteArray &bytes);

// A command's --help, its usage line naming the command ("Usage: egret export ...") rather than
// the path the program was started by.
QString helpText(const QCommandLineParser &parser, const QString &command);

// "file:line:col: error: message [path]" lines on standard error.
void printDiagnostics(const Diagnostics &diags);

} // namespace egret::cli
