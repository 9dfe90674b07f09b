// The editor's docks, as a user meets them: the resource tree, Problems, the YAML editor, the
// Properties form and the palette.
#include "TestSupport.h"

#include "model/edit/FieldEdit.h"
#include "model/io/Loader.h"
#include "views/panels/PaletteWidget.h"
#include "views/panels/ProblemsModel.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"
#include "views/properties/PropertyTreeModel.h"

#include <QComboBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

using namespace egret;
using namespace egret::views;

Q_DECLARE_METATYPE(egret::ResourceId)
Q_DECLARE_METATYPE(egret::edit::FieldEdit)

class TestPanels : public QObject {
    Q_OBJECT

    Workspace m_ws = loadFiles({test::dataFile("foundation/mixed.yaml")});

    const Resource *find(const QString &kind) const {
        for (const Resource *r : m_ws.resources())
            if (r->kindName == kind)
                return r;
        return nullptr;
    }

    // Opens the editor of a value cell, sets it as a user would, and commits.
    template <class Editor, class F>
    void editCell(QTreeView *view, const QModelIndex &index, F &&set) {
        view->setCurrentIndex(index);
        view->edit(index);
        auto *editor = view->findChild<Editor *>();
        QVERIFY(editor);
        set(editor);
        QMetaObject::invokeMethod(view, "commitData", Q_ARG(QWidget *, editor));
        QMetaObject::invokeMethod(
            view, "closeEditor", Q_ARG(QWidget *, editor),
            Q_ARG(QAbstractItemDelegate::EndEditHint, QAbstractItemDelegate::NoHint));
    }

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<ResourceId>();
        qRegisterMetaType<edit::FieldEdit>();
    }

    void resourceTreeGroupsByNamespaceAndKind() {
        ResourceTreeModel model;
        model.setWorkspace(&m_ws);
        QStringList top;
        for (int i = 0; i < model.rowCount(); ++i)
            top << model.index(i, 0).data().toString();
        QCOMPARE(top, QStringList({"(cluster) (1)", "istio-system (1)", "payments (4)"}));
        const Resource *se = find("ServiceEntry");
        const QModelIndex i = model.indexOf(se->id);
        QCOMPARE(i.data().toString(), QStringLiteral("stripe"));
        QCOMPARE(i.parent().data().toString(), QStringLiteral("ServiceEntry (1)"));
        QCOMPARE(model.resourceAt(i), se->id);
        QCOMPARE(i.siblingAtColumn(1).data().toString(), QStringLiteral("mixed.yaml:3"));
    }

    void problemsPutErrorsFirst() {
        Diagnostic warning;
        warning.severity = Severity::Warning;
        warning.message = "w";
        Diagnostic error;
        error.severity = Severity::Error;
        error.message = "e";
        error.path = "spec.hosts";
        error.location = {"/x/a.yaml", 3, 5};
        ProblemsModel model;
        model.setDiagnostics({warning, error});
        QCOMPARE(model.index(0, ProblemsModel::MessageColumn).data().toString(),
                 QStringLiteral("e [spec.hosts]"));
        QCOMPARE(model.index(0, ProblemsModel::LocationColumn).data().toString(),
                 QStringLiteral("a.yaml:3:5"));
        QCOMPARE(model.count(Severity::Warning), 1);
    }

    void yamlEditorCommitsTypingAndKeepsItWhenShownAgain() {
        YamlEditor editor;
        const SourceDocument *doc = m_ws.document(find("ServiceEntry")->id.document);
        editor.showDocument(doc->id, doc->text, doc->firstLine + 1);
        QSignalSpy committed(&editor, &YamlEditor::textCommitted);
        QTextCursor c = editor.textCursor();
        c.movePosition(QTextCursor::End);
        editor.setTextCursor(c);
        QTest::keyClicks(&editor, "# added");
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(committed.count(), 0); // waits for a pause
        editor.commitNow();
        QCOMPARE(committed.count(), 1);
        QCOMPARE(committed[0][0].value<DocumentId>(), doc->id);
        QVERIFY(committed[0][1].toByteArray().endsWith("exportTo: [\".\"]\n# added\n"));
        const int cursorBefore = editor.textCursor().position();
        editor.showDocument(doc->id, committed[0][1].toByteArray(), doc->firstLine + 1);
        QCOMPARE(editor.textCursor().position(),
                 cursorBefore); // the round trip does not move the cursor
    }

    void yamlEditorRevealsFieldsAndMarksProblems() {
        YamlEditor editor;
        const Resource *vs = find("VirtualService");
        const SourceDocument *doc = m_ws.document(vs->id.document);
        editor.showDocument(doc->id, doc->text, doc->firstLine + 1);
        QVERIFY(editor.revealPath("spec.tls[0].route[0].destination.host"));
        QCOMPARE(editor.textCursor().block().text(),
                 QStringLiteral("        host: api.stripe.com"));
        Diagnostic d;
        d.location = {"mixed.yaml", vs->location.line + 2, 3};
        d.message = "bad";
        editor.setDiagnostics({d});
        QCOMPARE(editor.extraSelections().size(), 2); // the revealed line and the problem
    }

    void propertiesOfferTheRightEditors() {
        PropertiesPanel panel;
        const Resource *se = find("ServiceEntry");
        panel.showResource(m_ws, se->id);
        PropertyTreeModel *model = panel.model();
        const QModelIndex resolution = model->indexOfPath("spec.resolution").siblingAtColumn(1);
        QCOMPARE(resolution.data().toString(), QStringLiteral("DNS"));
        QCOMPARE(model->editKindAt(resolution), PropertyTreeModel::EditKind::Enum);
        QCOMPARE(model->enumValuesAt(resolution),
                 QStringList({"NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"}));
        const QModelIndex port = model->indexOfPath("spec.ports[0].number").siblingAtColumn(1);
        QCOMPARE(model->editKindAt(port), PropertyTreeModel::EditKind::Integer);
        QCOMPARE(model->rangeAt(port), qMakePair(qint64(1), qint64(65535)));
        QVERIFY(model->isListAt(model->indexOfPath("spec.hosts")));
        QVERIFY(model->absentFieldsAt(model->indexOfPath("spec"))
                    .contains(QStringLiteral("addresses")));
    }

    void editingAFieldRequestsOneEdit() {
        PropertiesPanel panel;
        panel.resize(600, 800);
        panel.show();
        const Resource *se = find("ServiceEntry");
        panel.showResource(m_ws, se->id);
        QSignalSpy edits(&panel, &PropertiesPanel::editRequested);
        const QModelIndex resolution =
            panel.model()->indexOfPath("spec.resolution").siblingAtColumn(1);
        editCell<QComboBox>(panel.view(), resolution,
                            [](QComboBox *c) { c->setCurrentText("STATIC"); });
        QCOMPARE(edits.count(), 1);
        const auto e = edits[0][1].value<edit::FieldEdit>();
        QCOMPARE(e.operation, edit::FieldEdit::Set);
        QCOMPARE(e.path, QStringLiteral("spec.resolution"));
        const auto text = edit::applyFieldEdit(m_ws.document(se->id.document)->text, e);
        QVERIFY(text && text->contains("  resolution: STATIC\n"));

        const QModelIndex port =
            panel.model()->indexOfPath("spec.ports[0].number").siblingAtColumn(1);
        editCell<QSpinBox>(panel.view(), port, [](QSpinBox *s) { s->setValue(8443); });
        QCOMPARE(edits.count(), 2);
        const auto portEdit = edits[1][1].value<edit::FieldEdit>();
        QCOMPARE(QString::fromStdString(portEdit.value.Scalar()), QStringLiteral("8443"));
        QCOMPARE(QString::fromStdString(portEdit.value.Tag()),
                 QStringLiteral("?")); // a number, not "8443"
    }

    void labelValuesStayStrings() {
        PropertiesPanel panel;
        const Resource *se = find("ServiceEntry");
        panel.showResource(m_ws, se->id);
        QSignalSpy edits(&panel, &PropertiesPanel::editRequested);
        panel.model()->setData(
            panel.model()->indexOfPath("metadata.labels.version").siblingAtColumn(1), "2.0");
        QCOMPARE(edits.count(), 1);
        const auto e = edits[0][1].value<edit::FieldEdit>();
        const auto text = edit::applyFieldEdit(m_ws.document(se->id.document)->text, e);
        QVERIFY2(text->contains("version: \"2.0\""), text->constData());
    }

    void listItemsEditInsideTheirList() {
        PropertiesPanel panel;
        const Resource *ns = find("Namespace");
        panel.showResource(m_ws, ns->id);
        QSignalSpy edits(&panel, &PropertiesPanel::editRequested);
        panel.model()->setData(
            panel.model()->indexOfPath("metadata.labels.istio-injection").siblingAtColumn(1),
            "disabled");
        const auto e = edits[0][1].value<edit::FieldEdit>();
        QCOMPARE(e.path, QStringLiteral("items[1].metadata.labels.istio-injection"));
    }

    void assumedResourcesAreReadOnly() {
        // Nothing to edit in what the installation provides.
        PropertyTreeModel model;
        model.setResource(YAML::Load("a: 1"), nullptr, true);
        QCOMPARE(model.editKindAt(model.index(0, 1)), PropertyTreeModel::EditKind::None);
    }

    void explanationsLinkToTheirResources() {
        PropertiesPanel panel;
        Explanation ex;
        ex.title = "frontend -> istio-egressgateway";
        ex.summary = "Sidecars send httpbin.org traffic to the egress gateway.";
        ex.sources.append({find("VirtualService")->id, "VirtualService payments/stripe-timeouts",
                           "spec.tls[0]", "routes it"});
        panel.showExplanation(ex);
        QSignalSpy activated(&panel, &PropertiesPanel::resourceActivated);
        auto *browser = panel.findChild<QTextBrowser *>("explanation");
        QVERIFY(browser->toHtml().contains("routes it"));
        Q_EMIT browser->anchorClicked(QUrl("source:0"));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated[0][1].toString(), QStringLiteral("spec.tls[0]"));
    }

    void paletteDragsCarryTheKind() {
        PaletteWidget palette;
        QCOMPARE(palette.count(), 3);
        QVERIFY(!palette.item(0)->icon().isNull());
        std::unique_ptr<QMimeData> mime(palette.model()->mimeData({palette.model()->index(2, 0)}));
        QCOMPARE(mime->data(PaletteWidget::kPaletteMime), QByteArray("external-host"));
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
