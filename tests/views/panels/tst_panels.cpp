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

#include <QAbstractItemModelTester>
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

    // Istio's Gateway and the Gateway API's share a name, not a meaning: they are listed apart.
    void resourceTreeTellsTheGatewaysApart() {
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio-egress}
spec:
  selector: {istio: egressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.example.com]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: api-egress}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: onward}
spec:
  parentRefs: [{name: api-egress}]
)");
        ResourceTreeModel model;
        model.setWorkspace(&ws);
        const QModelIndex ns = model.index(0, 0);
        QStringList kinds;
        for (int i = 0; i < model.rowCount(ns); ++i)
            kinds << model.index(i, 0, ns).data().toString();
        QCOMPARE(kinds, QStringList({"Gateway (1)", "Gateway (Gateway API) (1)", "HTTPRoute (1)"}));
    }

    // The whole tree as text, for comparing a model that followed edits with a fresh one.
    static QStringList dump(const QAbstractItemModel &m, const QModelIndex &parent = {},
                            const QString &indent = {}) {
        QStringList out;
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, 0, parent);
            out << indent + i.data().toString() + QLatin1Char('|') +
                       i.siblingAtColumn(1).data().toString();
            out += dump(m, i, indent + QLatin1String("  "));
        }
        return out;
    }

    void resourceTreeFollowsEditsRowByRow() {
        Workspace ws = loadFiles({test::dataFile("foundation/mixed.yaml")});
        ResourceTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(&ws);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        auto fresh = [&] {
            ResourceTreeModel m;
            m.setWorkspace(&ws);
            return dump(m);
        };
        const Resource *se = nullptr;
        for (const Resource *r : ws.resources())
            if (r->kindName == QLatin1String("ServiceEntry"))
                se = r;
        const ResourceId seId = se->id;
        const QPersistentModelIndex row = model.indexOf(seId);

        // An edit that keeps the name: the row stays where it is (selection and scrolling with it).
        QByteArray text = ws.document(seId.document)->text;
        ws.setDocumentText(seId.document, text.replace("resolution: DNS", "resolution: STATIC"));
        model.sync();
        QVERIFY(row.isValid());
        QCOMPARE(model.indexOf(seId), QModelIndex(row));
        QCOMPARE(inserted.count() + removed.count(), 0);
        QCOMPARE(dump(model), fresh());

        // A rename moves the row to its sorted place.
        text = ws.document(seId.document)->text;
        ws.setDocumentText(seId.document, text.replace("name: stripe", "name: a-stripe"));
        model.sync();
        QCOMPARE(model.indexOf(seId).data().toString(), QStringLiteral("a-stripe"));
        QCOMPARE(dump(model), fresh());

        // A document in a new namespace brings the namespace; removing it takes it away again.
        const DocumentId added = ws.appendDocument(
            0, "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "
               "late\n  namespace: zeta\nspec:\n  hosts: [late.example.com]\n");
        model.sync();
        QCOMPARE(dump(model), fresh());
        QVERIFY(dump(model).contains("zeta (1)|"));
        ws.removeDocument(added);
        model.sync();
        QCOMPARE(dump(model), fresh());
        QVERIFY(!dump(model).join('\n').contains("zeta"));
        QCOMPARE(resets.count(), 0); // never rebuilt as a whole
        QVERIFY(inserted.count() > 0 && removed.count() > 0);
    }

    void resourceTreeMarksOnlyWhatChanges() {
        ResourceTreeModel model;
        model.setWorkspace(&m_ws);
        const ResourceId se = find("ServiceEntry")->id;
        const ResourceId dr = find("DestinationRule")->id;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProblems({{se, int(Severity::Error)}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.indexOf(se).data(ResourceTreeModel::SeverityRole).toInt(),
                 int(Severity::Error));
        changed.clear();
        model.setProblems({{se, int(Severity::Error)}, {dr, int(Severity::Warning)}});
        QCOMPARE(changed.count(), 1); // the DestinationRule only
        QVERIFY(!model.indexOf(dr).data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    void problemsMergeKeepsRowsThatStay() {
        auto diag = [](Severity s, const QString &message, int line) {
            Diagnostic d;
            d.severity = s;
            d.message = message;
            d.location = {"/x/a.yaml", line, 1};
            return d;
        };
        ProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Diagnostics first{diag(Severity::Error, "e1", 3), diag(Severity::Warning, "w1", 9),
                                diag(Severity::Warning, "w2", 20)};
        model.setDiagnostics(first);
        const QPersistentModelIndex w2 = model.index(2, ProblemsModel::MessageColumn);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // One finding fixed, two new ones: w2 stays the row it was.
        model.setDiagnostics({diag(Severity::Warning, "w2", 20), diag(Severity::Error, "e2", 4),
                              diag(Severity::Error, "e1", 3), diag(Severity::Info, "i", 1)});
        QCOMPARE(resets.count(), 0);
        QVERIFY(w2.isValid());
        QCOMPARE(w2.data().toString(), QStringLiteral("w2"));
        QStringList order;
        for (int r = 0; r < model.rowCount(); ++r)
            order << model.index(r, ProblemsModel::MessageColumn).data().toString();
        QCOMPARE(order, QStringList({"e1", "e2", "w2", "i"}));
        QCOMPARE(model.count(Severity::Error), 2);
        QCOMPARE(model.count(Severity::Info), 1);
        // Thousands of changes at once: the list is replaced, with the same result as a merge.
        Diagnostics many;
        for (int i = 0; i < 1000; ++i)
            many << diag(Severity::Warning, QStringLiteral("m%1").arg(i), 100 + i);
        model.setDiagnostics(many);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(999, ProblemsModel::MessageColumn).data().toString(),
                 QStringLiteral("m999"));
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

    void propertiesOfGatewayApiKindsAreTypedByItsSchema() {
        const Workspace ws = loadBytes(
            "gw.yaml", "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                       "metadata: {name: egress}\nspec:\n  gatewayClassName: istio\n  listeners:\n"
                       "  - name: tls\n    port: 443\n    protocol: TLS\n"
                       "    tls: {mode: Passthrough}\n    colour: blue\n");
        PropertiesPanel panel;
        panel.showResource(ws, ws.resources().first()->id);
        PropertyTreeModel *model = panel.model();
        const QModelIndex mode =
            model->indexOfPath("spec.listeners[0].tls.mode").siblingAtColumn(1);
        QCOMPARE(model->editKindAt(mode), PropertyTreeModel::EditKind::Enum);
        QCOMPARE(model->enumValuesAt(mode), QStringList({"Terminate", "Passthrough"}));
        const QModelIndex port = model->indexOfPath("spec.listeners[0].port").siblingAtColumn(1);
        QCOMPARE(model->rangeAt(port), qMakePair(qint64(1), qint64(65535)));
        QCOMPARE(model->indexOfPath("spec.listeners[0].colour").data(Qt::ToolTipRole).toString(),
                 QStringLiteral("spec.listeners[0].colour: the Gateway API's schema does not "
                                "define this field"));
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
        model.setResource(YAML::Load("a: 1"), nullptr, QString(), true);
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
        QStringList kinds;
        for (int row = 0; row < palette.count(); ++row) {
            QVERIFY(!palette.item(row)->icon().isNull());
            std::unique_ptr<QMimeData> mime(
                palette.model()->mimeData({palette.model()->index(row, 0)}));
            kinds << QString::fromUtf8(mime->data(PaletteWidget::kPaletteMime));
        }
        QCOMPARE(kinds, QStringList({"workload", "egress-gateway", "egress-gateway-api", "waypoint",
                                     "external-host"}));
        QCOMPARE(palette.item(2)->text(), QStringLiteral("Egress gateway (Gateway API)"));
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
