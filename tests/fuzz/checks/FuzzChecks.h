#pragma once

// What each fuzz target checks, as plain functions of the input bytes: the libFuzzer targets
// call them, and so does the regression test that replays the minimized inputs of every crash
// found (tests/data/fuzz-regressions/<target>/).
#include <QByteArray>
#include <QString>

#include <vector>

namespace egret::fuzz {

// Returns what went wrong, or an empty string when every property held. A crash or a sanitizer
// report is a failure too, of course.
using Check = QString (*)(const QByteArray &input);

// The input is a file's bytes: load them, export them, edit the documents (LoadStream.cpp).
QString checkLoadStream(const QByteArray &input);
// The input is one document plus, at its end, the bytes that choose node edits to make
// through rewriteDocument (RewriteDocument.cpp).
QString checkRewriteDocument(const QByteArray &input);
// The input is a file's bytes: validate the workspace, once and live (ValidateWorkspace.cpp).
QString checkValidateWorkspace(const QByteArray &input);
// The input is a file's bytes: derive its flow graph (DeriveFlows.cpp).
QString checkDeriveFlows(const QByteArray &input);
// The input is a file's bytes plus four bytes that choose a route to add and remove
// (RouteAdd.cpp).
QString checkRouteAdd(const QByteArray &input);

struct Target {
    const char *name; // the fuzzer is fuzz_<name>; its regressions are in fuzz-regressions/<name>
    Check check;
};

// Every target, for the regression test.
const std::vector<Target> &targets();

} // namespace egret::fuzz
