// The editor's analysis off the GUI thread: a result describes exactly the state it was asked
// for, the latest request wins, and nothing is shown of a state that is gone.
#include "TestSupport.h"

#include "model/analysis/LiveAnalysis.h"
#include "model/flow/FlowDeriver.h"
#include "model/flow/FlowJson.h"
#include "model/io/Loader.h"
#include "model/workspace/DocumentTracker.h"

#include <QSignalSpy>

using namespace egret;

class TestLiveAnalysis : public QObject {
    Q_OBJECT

    static QStringList signature(const Diagnostics &problems) {
        QStringList out;
        for (const Diagnostic &d : problems)
            out << d.toString();
        return out;
    }

    // What a one-shot run says about the same state.
    static AnalysisResult oneShot(const Workspace &ws) {
        validation::Validator v;
        return analyzeWorkspace(v, ws);
    }

    Workspace workspace() { return loadFiles({test::dataFile("validation/egress/EGR0004.yaml")}); }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AnalysisResult>(); }

    void aResultIsExactlyWhatAOneShotRunSays() {
        const Workspace ws = workspace();
        LiveAnalysis analysis;
        QSignalSpy problems(&analysis, &LiveAnalysis::problemsReady);
        QSignalSpy done(&analysis, &LiveAnalysis::finished);
        analysis.request(ws, 7);
        QVERIFY(analysis.isBusy());
        QVERIFY(done.wait(30000));
        QCOMPARE(problems.count(), 1); // the problems came first, on their own
        const auto early = problems.first().first().value<AnalysisResult>();
        const auto result = done.first().first().value<AnalysisResult>();
        QCOMPARE(early.revision, ws.revision());
        QVERIFY(early.flows.isEmpty());
        QCOMPARE(result.generation, quint64(7));
        QCOMPARE(result.revision, ws.revision());
        const AnalysisResult expected = oneShot(ws);
        QVERIFY(!expected.problems.isEmpty());
        QCOMPARE(signature(result.problems), signature(expected.problems));
        QCOMPARE(signature(early.problems), signature(expected.problems));
        QCOMPARE(flowGraphJson(result.flows), flowGraphJson(expected.flows));
        QVERIFY(!analysis.isBusy());
    }

    void theLatestRequestWinsAndEditsAreCheckedIncrementally() {
        Workspace ws = workspace();
        LiveAnalysis analysis;
        QVector<quint64> revisions;
        connect(&analysis, &LiveAnalysis::finished, this,
                [&](const AnalysisResult &r) { revisions << r.revision; });
        analysis.request(ws, 1);
        // Edits faster than the analysis: each is requested as it is made.
        const DocumentId doc = ws.files().first().documents.first();
        for (int i = 0; i < 5; ++i) {
            QByteArray text = ws.document(doc)->text;
            text.append("# edit " + QByteArray::number(i) + "\n");
            ws.setDocumentText(doc, text);
            analysis.request(ws, 1);
        }
        analysis.waitForIdle();
        QVERIFY(!analysis.isBusy());
        QVERIFY(!revisions.isEmpty());
        QCOMPARE(revisions.last(), ws.revision()); // the last state is always analyzed
        QVERIFY(std::is_sorted(revisions.cbegin(), revisions.cend()));
        QVERIFY(revisions.size() <= 6); // states made stale meanwhile were dropped, not shown

        // The next run re-checks only what changed.
        QSignalSpy done(&analysis, &LiveAnalysis::finished);
        QByteArray text = ws.document(doc)->text;
        ws.setDocumentText(doc, text.append("# one more\n"));
        analysis.request(ws, 1);
        QVERIFY(done.wait(30000));
        const auto r = done.first().first().value<AnalysisResult>();
        QVERIFY(!r.stats.full);
        QCOMPARE(r.stats.documentsChanged, 1);
        QCOMPARE(signature(r.problems), signature(oneShot(ws).problems));
    }

    void newOptionsCheckEverythingAgain() {
        const Workspace ws = workspace();
        LiveAnalysis analysis;
        QSignalSpy done(&analysis, &LiveAnalysis::finished);
        analysis.request(ws, 1);
        QVERIFY(done.wait(30000));
        validation::ValidatorOptions options;
        options.rules = {QStringLiteral("egress.PortChainAnalyzer")};
        analysis.setOptions(options);
        analysis.request(ws, 1);
        QVERIFY(done.wait(30000));
        const auto r = done.last().first().value<AnalysisResult>();
        QVERIFY(r.stats.full);
        for (const Diagnostic &d : r.problems)
            QVERIFY2(d.code == QLatin1String("EGR0004") || !d.resourceId.isValid() ||
                         d.code.startsWith(QLatin1String("SCHEMA")),
                     qPrintable(d.toString()));
    }

    void destroyedWhileRunningIsSafe() {
        const Workspace ws = workspace();
        auto analysis = std::make_unique<LiveAnalysis>();
        analysis->request(ws, 1);
        analysis->request(ws, 1);
        analysis.reset(); // waits for the run in progress, delivers nothing
        QCoreApplication::processEvents();
    }

    void theTrackerTellsWhichDocumentsChanged() {
        Workspace ws = workspace();
        DocumentTracker tracker;
        const DocumentDelta first = tracker.update(ws);
        QCOMPARE(first.added.size(), ws.files().first().documents.size());
        QVERIFY(tracker.update(ws).isEmpty());
        const DocumentId doc = ws.files().first().documents.first();
        ws.setDocumentText(doc, ws.document(doc)->text + "# x\n");
        const DocumentId added = ws.appendDocument(0, "apiVersion: v1\nkind: Namespace\n"
                                                      "metadata: {name: n}\n");
        DocumentDelta d = tracker.update(ws);
        QCOMPARE(d.changed, QVector<DocumentId>{doc});
        QCOMPARE(d.added, QVector<DocumentId>{added});
        QVERIFY(d.removed.isEmpty());
        ws.removeDocument(added);
        d = tracker.update(ws);
        QCOMPARE(d.removed, QVector<DocumentId>{added});
        QVERIFY(d.added.isEmpty() && d.changed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveAnalysis)
#include "tst_live_analysis.moc"
