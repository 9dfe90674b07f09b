#include "model/core/Diagnostic.h"

namespace egret {

QString severityName(Severity s) {
    switch (s) {
    case Severity::Info:
        return QStringLiteral("Info");
    case Severity::Warning:
        return QStringLiteral("Warning");
    case Severity::Error:
        return QStringLiteral("Error");
    }
    return {};
}

bool parseSeverity(const QString &text, Severity *out) {
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Error}) {
        if (text.compare(severityName(s), Qt::CaseInsensitive) == 0) {
            *out = s;
            return true;
        }
    }
    return false;
}

QString SourceLocation::toString() const {
    QString s = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0) {
        s += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            s += QLatin1Char(':') + QString::number(column);
    }
    return s;
}

QString ResourceRef::toString() const {
    if (ns.isEmpty())
        return kind + QLatin1Char(' ') + name;
    return kind + QLatin1Char(' ') + ns + QLatin1Char('/') + name;
}

QString Diagnostic::toString() const {
    QString s = location.toString() + QStringLiteral(": ") + severityName(severity).toLower() +
                QStringLiteral(": ") + message;
    if (!path.isEmpty())
        s += QStringLiteral(" [") + path + QLatin1Char(']');
    return s;
}

bool hasErrors(const Diagnostics &diags) {
    for (const Diagnostic &d : diags)
        if (d.severity == Severity::Error)
            return true;
    return false;
}

} // namespace egret
