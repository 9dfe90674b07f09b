// The Properties form's edits keep the comments and layout of everything they do not touch.
#include "TestSupport.h"

#include "model/edit/FieldEdit.h"
#include "model/edit/NodeEdit.h"

using namespace egret;
using namespace egret::edit;

namespace {

FieldEdit make(FieldEdit::Operation op, const QString &path, const YAML::Node &value = {}) {
    FieldEdit e;
    e.operation = op;
    e.path = path;
    e.value = value;
    return e;
}

} // namespace

class TestFieldEdit : public QObject {
    Q_OBJECT

    const QByteArray m_doc = test::readFile(test::dataFile("edit/commented-se.yaml"));

private Q_SLOTS:
    void settingAScalarChangesOnlyItsLine() {
        const auto text =
            applyFieldEdit(m_doc, make(FieldEdit::Set, "spec.resolution", plainScalar("STATIC")));
        QVERIFY(text);
        QByteArray expected = m_doc;
        expected.replace("resolution: DNS", "resolution: STATIC");
        QCOMPARE(*text, expected);
    }

    void addingAMissingFieldAddsItsParents() {
        const auto text = applyFieldEdit(
            m_doc, make(FieldEdit::Set, "spec.workloadSelector.labels.app", stringScalar("api")));
        QVERIFY(text);
        QVERIFY(text->startsWith(m_doc)); // appended at the end of spec; nothing else moved
        QVERIFY2(text->endsWith("  workloadSelector:\n    labels:\n      app: api\n"),
                 text->constData());
    }

    void appendingToAListKeepsItsStyle() {
        const auto text = applyFieldEdit(
            m_doc, make(FieldEdit::Append, "spec.hosts", stringScalar("*.stripe.com")));
        QVERIFY(text);
        QVERIFY2(text->contains("    - api.stripe.com   # the only host\n    - \"*.stripe.com\"\n"),
                 text->constData());
        QVERIFY(text->contains("# DNS, because Stripe rotates addresses"));
    }

    void appendingToAMissingListCreatesIt() {
        const auto text =
            applyFieldEdit(m_doc, make(FieldEdit::Append, "spec.exportTo", stringScalar(".")));
        QVERIFY(text);
        QVERIFY2(text->contains("exportTo:\n") && text->contains("- \".\"\n"), text->constData());
    }

    void removingAFieldRemovesItsLines() {
        const auto text = applyFieldEdit(m_doc, make(FieldEdit::Remove, "spec.ports[0]"));
        QVERIFY(text);
        QVERIFY(!text->contains("number: 443"));
        QVERIFY(text->contains("name: stripe   # keep this name"));
        QVERIFY(text->contains("# DNS, because Stripe rotates addresses"));
    }

    void editsThatDoNotFitSayWhy() {
        QString error;
        QVERIFY(!applyFieldEdit(m_doc, make(FieldEdit::Remove, "spec.addresses"), &error));
        QVERIFY(error.contains("spec.addresses"));
        QVERIFY(!applyFieldEdit(
            m_doc, make(FieldEdit::Append, "spec.resolution", stringScalar("x")), &error));
        QVERIFY(error.contains("not a list"));
    }
};

QTEST_GUILESS_MAIN(TestFieldEdit)
#include "tst_field_edit.moc"
