// The reversible change set the editor's undo wraps.
#include "TestSupport.h"

#include "model/edit/WorkspaceChange.h"
#include "model/io/Loader.h"

using namespace egret;
using namespace egret::edit;

namespace {

const QByteArray kFile = "# header\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n"
                         "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n";

QByteArray namespaceDoc(const char *name) {
    return QByteArray("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ") + name + "\n";
}

} // namespace

class TestWorkspaceChange : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void applyAndRevertAreInverses() {
        Workspace ws = loadBytes("f.yaml", kFile);
        Workspace scratch = ws;
        ChangeRecorder rec(scratch);
        const DocumentId first = scratch.files()[0].documents[0];
        const DocumentId second = scratch.files()[0].documents[1];
        rec.replaceText(first, "# header\n" + namespaceDoc("renamed"));
        rec.appendDocument(0, namespaceDoc("c"));
        rec.removeDocument(second);
        const int other = rec.createFile("new.yaml");
        rec.appendDocument(other, namespaceDoc("d"));
        const WorkspaceChange change = rec.take("Rename and add");
        QCOMPARE(change.description(), QStringLiteral("Rename and add"));
        QCOMPARE(change.files(), (QStringList{"f.yaml", "new.yaml"}));

        QString error;
        QVERIFY2(change.apply(ws, &error), qPrintable(error));
        QCOMPARE(ws.fileBytes(0), scratch.fileBytes(0));
        QCOMPARE(ws.fileBytes(1), namespaceDoc("d"));
        QCOMPARE(ws.resources().size(), 3);

        QVERIFY2(change.revert(ws, &error), qPrintable(error));
        QCOMPARE(ws.files().size(), 1);
        QCOMPARE(ws.fileBytes(0), kFile);
        QCOMPARE(ws.resources().size(), 2);
        QCOMPARE(ws.resources()[1]->meta.name, QStringLiteral("b"));

        // Undo, redo, undo: the same bytes every time.
        QVERIFY(change.apply(ws, &error));
        QCOMPARE(ws.fileBytes(0), scratch.fileBytes(0));
        QVERIFY(change.revert(ws, &error));
        QCOMPARE(ws.fileBytes(0), kFile);
    }

    void textSplitIntoSeveralDocumentsIsJoinedBackOnRevert() {
        Workspace ws = loadBytes("f.yaml", kFile);
        Workspace scratch = ws;
        ChangeRecorder rec(scratch);
        rec.replaceText(scratch.files()[0].documents[0],
                        namespaceDoc("x") + "---\n" + namespaceDoc("y"));
        const WorkspaceChange change = rec.take("Split");
        QCOMPARE(change.operations()[0].afterCount, 2);
        QVERIFY(change.apply(ws));
        QCOMPARE(ws.files()[0].documents.size(), 3);
        QVERIFY(change.revert(ws));
        QCOMPARE(ws.files()[0].documents.size(), 2);
        QCOMPARE(ws.fileBytes(0), kFile);
    }

    void refusesADocumentChangedInBetweenAndLeavesTheWorkspaceAsItWas() {
        Workspace ws = loadBytes("f.yaml", kFile);
        Workspace scratch = ws;
        ChangeRecorder rec(scratch);
        rec.appendDocument(0, namespaceDoc("c"));
        rec.replaceText(scratch.files()[0].documents[1], namespaceDoc("changed"));
        const WorkspaceChange change = rec.take("Edit");

        ws.setDocumentText(ws.files()[0].documents[1], "---\n" + namespaceDoc("someone-else"));
        const QByteArray edited = ws.fileBytes(0);
        QString error;
        QVERIFY(!change.apply(ws, &error));
        QVERIFY2(error.contains("document 2 of f.yaml changed"), qPrintable(error));
        QCOMPARE(ws.fileBytes(0), edited);
        QCOMPARE(ws.files()[0].documents.size(), 2);
    }

    void anEmptyChangeDoesNothing() {
        Workspace ws = loadBytes("f.yaml", kFile);
        ChangeRecorder rec(ws);
        rec.replaceText(ws.files()[0].documents[0], ws.document(ws.files()[0].documents[0])->text);
        QVERIFY(rec.change().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceChange)
#include "tst_workspace_change.moc"
