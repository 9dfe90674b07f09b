#pragma once

// Table-driven tests of Istio's validation webhook, one table per kind. A row is one case of
// Istio's own `validation_test.go` (or of its `testdata/crds/*-invalid.yaml`) written as the YAML
// the API server would receive, with what Istio says of it.
#include "model/core/Diagnostic.h"
#include "model/decode/DocumentParser.h"
#include "model/io/Loader.h"

#include <QTest>

namespace egret::webhooktest {

struct WebhookCase {
    const char *name;
    const char *kind;   // "Gateway", "ServiceEntry", ...
    const char *spec;   // the text under `spec:`, indented by two spaces ("" for no spec)
    const char *expect; // "" accepted clean; "error: <fragment>" refused with an error whose
                        // message contains the fragment; "warning: <fragment>" accepted with
                        // such a warning and no error
};

// The whole document of a case: networking.istio.io/v1, name and namespace given.
inline QByteArray documentOf(const WebhookCase &c, const char *name = "case",
                             const char *ns = "default") {
    QByteArray out = "apiVersion: networking.istio.io/v1\nkind: " + QByteArray(c.kind) +
                     "\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n";
    if (*c.spec)
        out += "spec:\n" + QByteArray(c.spec);
    return out;
}

// Every finding of a document, "error: message [path]" or "warning: ...", except the ones that
// say nothing of validity (comments on style such as an unknown field are warnings too and count).
inline QStringList findingsOf(const QByteArray &yaml) {
    const Workspace ws = loadBytes(QStringLiteral("case.yaml"), yaml);
    QStringList out;
    for (const Diagnostic &d : ws.diagnostics()) {
        if (d.severity == Severity::Info)
            continue;
        out << QStringLiteral("%1: %2 [%3]")
                   .arg(d.severity == Severity::Error ? QStringLiteral("error")
                                                      : QStringLiteral("warning"),
                        d.message, d.path);
    }
    return out;
}

// Adds the rows of a table as QTest data: columns "yaml" and "expect".
template <std::size_t N> void addRows(const WebhookCase (&table)[N]) {
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expect");
    for (const WebhookCase &c : table)
        QTest::newRow(c.name) << documentOf(c) << QString::fromUtf8(c.expect);
}

// Checks one row: accepted clean, refused with the error named, or accepted with the warning.
inline void verifyRow(const QByteArray &yaml, const QString &expect) {
    const QStringList findings = findingsOf(yaml);
    const QStringList errors = findings.filter(QRegularExpression(QStringLiteral("^error: ")));
    if (expect.isEmpty()) {
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        return;
    }
    const bool wantError = expect.startsWith(QLatin1String("error: "));
    const QString fragment = expect.mid(expect.indexOf(QLatin1Char(' ')) + 1);
    bool found = false;
    for (const QString &f : findings)
        found = found ||
                (f.startsWith(wantError ? QLatin1String("error: ") : QLatin1String("warning: ")) &&
                 f.contains(fragment));
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1, found:\n%2")
                                   .arg(expect, findings.join(QLatin1Char('\n')))));
    if (!wantError)
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

} // namespace egret::webhooktest
