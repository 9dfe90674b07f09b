#pragma once

#include "model/core/Diagnostic.h"

#include <QString>

namespace egret::cli {

// Standard output and error as UTF-8, unbuffered enough for pipes and tests.
void out(const QString &text);
void err(const QString &text);
void outBytes(const QByteArray &bytes);

// "file:line:col: error: message [path]" lines on standard error.
void printDiagnostics(const Diagnostics &diags);

} // namespace egret::cli
