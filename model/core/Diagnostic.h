#pragma once

#include "model/core/Ids.h"

#include <QString>
#include <QVector>

namespace egret {

enum class Severity { Info, Warning, Error };

QString severityName(Severity s); // "Info", "Warning", "Error" as istioctl prints them
bool parseSeverity(const QString &text, Severity *out);

// Where something is in the user's files. Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;

    bool isKnown() const { return line > 0; }
    QString toString() const; // "file:line:column", or what is known of it
};

// The resource a message is about, as istioctl names it: "Kind ns/name" or "Kind name".
struct ResourceRef {
    QString kind;
    QString ns;
    QString name;

    QString toString() const;
    bool operator==(const ResourceRef &o) const = default;
};

// One message shown to the user: a load error, a schema problem or a validator finding.
struct Diagnostic {
    Severity severity = Severity::Error;
    QString code;    // "IST0101", "EGR0003", "YAML", "SCHEMA", ...
    QString message; // one sentence, no location
    SourceLocation location;
    QString path;          // field path inside the resource, e.g. spec.http[0].route[0]
    ResourceRef resource;  // empty kind when the message is about a whole document or file
    ResourceId resourceId; // the resource in the workspace, when there is one

    QString toString() const; // "file:line:col: error: message [path]"
};

using Diagnostics = QVector<Diagnostic>;

bool hasErrors(const Diagnostics &diags);

} // namespace egret
