#pragma once

#include "model/core/Diagnostic.h"
#include "model/resources/Resource.h"

#include <QByteArray>

namespace egret {

// Load-time message codes: what kind of problem a load diagnostic is.
namespace codes {
inline const QString Syntax = QStringLiteral("syntax");       // malformed YAML
inline const QString Encoding = QStringLiteral("encoding");   // not UTF-8, NUL bytes
inline const QString Structure = QStringLiteral("structure"); // not a mapping, no kind or name
inline const QString Schema = QStringLiteral("schema");       // wrong type, bad enum, missing field
inline const QString UnknownField = QStringLiteral("unknown-field");
inline const QString DuplicateKey = QStringLiteral("duplicate-key");
inline const QString TooLarge = QStringLiteral("too-large"); // alias bomb, excessive nesting
inline const QString File = QStringLiteral("file");          // unreadable file, empty file
inline const QString Metadata = QStringLiteral("metadata");  // a name, label or annotation key
inline const QString Webhook = QStringLiteral("webhook");    // what Istio's webhook refuses
inline const QString NotRead =
    QStringLiteral("not-read"); // a traffic kind Egret does not interpret
inline const QString Template = QStringLiteral("template"); // a Helm template, not yet YAML
inline const QString Render = QStringLiteral("render");     // rendered input, or a note on it
} // namespace codes

struct ParseOptions {
    QString defaultNamespace = QStringLiteral("default");
};

// What one document chunk turned into. Resource ids carry no document yet; locations and
// diagnostics are absolute in the file (the chunk's first line is added).
struct ParsedDocument {
    QVector<Resource> resources;
    Diagnostics diagnostics;
    bool hasContent = false; // false for an empty or comments-only document
    bool parsed = false;     // the YAML itself was read (it may still have schema errors)
};

// Parses one document's text: YAML syntax, structure, schema (for Istio kinds), then the typed
// resources. Never throws; everything wrong becomes a diagnostic and the other documents of the
// file are unaffected.
ParsedDocument parseDocument(const QByteArray &text, const QString &file, int firstLine,
                             const ParseOptions &options);

// The effective namespace of an object: as written, else the default; empty for cluster-scoped
// kinds.
QString effectiveNamespace(Kind kind, const QString &written, const QString &defaultNamespace);

} // namespace egret
