// Validating a workspace loaded from any bytes, once and live.
//
// Properties that must hold for any bytes:
// - every finding names a known message, the resource it is about, and a place inside the file;
// - the live validator agrees with a one-shot validation, and still does after an edit (the
//   first document's text replaced by the last one's), so incremental re-validation never
//   keeps a stale finding nor misses a new one.
#include "checks/FuzzChecks.h"

#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <QStringList>

namespace egret::fuzz {

namespace {

const QString kFile = QStringLiteral("fuzz.yaml");

QStringList describe(const QVector<validation::Finding> &findings) {
    QStringList out;
    for (const validation::Finding &f : findings)
        out << f.toDiagnostic().toString() + QLatin1Char('|') + f.path;
    return out;
}

QString checkPlaces(const Workspace &ws, const QVector<validation::Finding> &findings) {
    const int lines = int(ws.fileBytes(0).count('\n')) + 1;
    for (const validation::Finding &f : findings) {
        if (!f.type || !f.rule)
            return QStringLiteral("a finding without a message type or rule: ") + f.message;
        if (f.resource.kind.isEmpty())
            return QStringLiteral("a finding about no resource: ") + f.message;
        // Findings about assumed gateways have no place in the file; all others do.
        if (f.resourceId.isValid() && (f.location.file != kFile || f.location.line < 1 ||
                                       f.location.line > lines || f.location.column < 1))
            return QStringLiteral("a finding outside the file (%1 lines): %2")
                .arg(lines)
                .arg(f.toDiagnostic().toString());
    }
    return {};
}

QString compare(const QStringList &live, const QStringList &once, const char *when) {
    if (live == once)
        return {};
    return QStringLiteral("%1, the live validator found:\n%2\n-- a fresh validation found --\n%3")
        .arg(QLatin1String(when), live.join(QLatin1Char('\n')), once.join(QLatin1Char('\n')));
}

} // namespace

QString checkValidateWorkspace(const QByteArray &input) {
    Workspace ws = loadBytes(kFile, input);
    validation::ValidatorOptions options;
    // Certificates are judged against a fixed date, so a run is reproducible.
    options.now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
    validation::Validator live(options);
    live.update(ws);
    const QVector<validation::Finding> first = live.findings(ws);
    if (QString failure = checkPlaces(ws, first); !failure.isEmpty())
        return failure;
    if (QString failure =
            compare(describe(first), describe(validation::validate(ws, options)), "after loading");
        !failure.isEmpty())
        return failure;

    const QVector<DocumentId> docs = ws.files().at(0).documents;
    if (docs.size() < 2)
        return {};
    ws.setDocumentText(docs.first(), ws.document(docs.last())->text);
    live.update(ws);
    const QVector<validation::Finding> edited = live.findings(ws);
    if (QString failure = checkPlaces(ws, edited); !failure.isEmpty())
        return failure;
    return compare(describe(edited), describe(validation::validate(ws, options)), "after an edit");
}

} // namespace egret::fuzz
