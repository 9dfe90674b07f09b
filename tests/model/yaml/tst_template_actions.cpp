// Helm templates told from YAML that holds Go template text as strings.
#include "model/yaml/TemplateActions.h"

#include <QtTest>

using namespace egret;

class TestTemplateActions : public QObject {
    Q_OBJECT

    static std::optional<yaml::TemplateAction> find(const QByteArray &text) {
        return yaml::findTemplateAction(std::string_view(text.constData(), size_t(text.size())));
    }

private Q_SLOTS:
    void templates_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");   // 1-based, as messages print it
        QTest::addColumn<int>("column"); // 1-based
        QTest::addColumn<QString>("action");
        QTest::newRow("value") << QByteArray("metadata:\n  name: {{ .Values.name }}\n") << 2 << 9
                               << "{{ .Values.name }}";
        QTest::newRow("sequence item")
            << QByteArray("spec:\n  hosts:\n  - {{ .Values.dbhostname }}\n") << 3 << 5
            << "{{ .Values.dbhostname }}";
        QTest::newRow("line start, trimmed")
            << QByteArray("{{- if .Values.enabled }}\napiVersion: v1\n") << 1 << 1
            << "{{- if .Values.enabled }}";
        QTest::newRow("indented include")
            << QByteArray("metadata:\n  labels:\n    {{- include \"x.labels\" . | nindent 4 }}\n")
            << 3 << 5 << "{{- include \"x.labels\" . | nindent 4 }}";
        QTest::newRow("end alone") << QByteArray("kind: A\n{{ end }}\n") << 2 << 1 << "{{ end }}";
        QTest::newRow("inside a plain value, Helm object")
            << QByteArray("metadata:\n  name: app-{{ .Release.Name }}\n") << 2 << 13
            << "{{ .Release.Name }}";
        QTest::newRow("quoted Helm object")
            << QByteArray("spec:\n  host: \"{{ .Values.dbhostname }}\"\n") << 2 << 10
            << "{{ .Values.dbhostname }}";
        QTest::newRow("single-quoted include")
            << QByteArray("a: 'x {{ include \"n\" . }}'\n") << 1 << 7 << "{{ include \"n\" . }}";
        QTest::newRow("flow sequence")
            << QByteArray("hosts: [a.com, {{ .Values.h }}]\n") << 1 << 16 << "{{ .Values.h }}";
        QTest::newRow("after a block scalar ends")
            << QByteArray("data:\n  x: |\n    text {{ .Values.inside }}\n{{ .Files.Get \"y\" }}\n")
            << 4 << 1 << "{{ .Files.Get \"y\" }}";
        QTest::newRow("unclosed action")
            << QByteArray("name: {{ .Values.x\n") << 1 << 7 << "{{ .Values.x...";
        QTest::newRow("column in characters")
            << QByteArray("# é\nnamé: {{ .Values.x }}\n") << 2 << 7 << "{{ .Values.x }}";
    }

    void templates() {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, action);
        const auto found = find(text);
        QVERIFY(found);
        QCOMPARE(found->line + 1, line);
        QCOMPARE(found->column + 1, column);
        QCOMPARE(found->text, action);
    }

    // YAML may hold Go template text: none of these is a Helm template.
    void yamlThatHoldsTemplateText_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("no braces") << QByteArray("a: b\n");
        QTest::newRow("quoted Prometheus label")
            << QByteArray("annotations:\n  summary: \"{{ $labels.instance }} is down\"\n");
        QTest::newRow("single-quoted Go template")
            << QByteArray("runbook: '{{ template \"runbook.url\" . }}'\n");
        QTest::newRow("inside a plain value")
            << QByteArray("description: Instance {{ $labels.instance }} is down\n");
        QTest::newRow("plain value going on")
            << QByteArray("description: Instance\n  {{ $labels.instance }} is down\nb: c\n");
        QTest::newRow("block scalar")
            << QByteArray("data:\n  slack.tmpl: |\n    {{ define \"slack.title\" }}\n"
                          "    {{- range .Alerts }}{{ .Labels.alertname }}{{ end -}}\n"
                          "    {{ end }}\nkind: ConfigMap\n");
        QTest::newRow("folded block scalar, sequence")
            << QByteArray("- >-\n  {{ .CommonAnnotations.summary }}\n- b\n");
        QTest::newRow("comment") << QByteArray("# {{ .Values.x }}\na: b # {{ .Values.y }}\n");
        QTest::newRow("quoted, multi-line")
            << QByteArray("text: \"{{ range .Alerts }}\n  {{ .Annotations.description }}\n"
                          "  {{ end }}\"\nb: c\n");
        QTest::newRow("braces in a plain value") << QByteArray("regex: a{2}b{{3}}\n");
    }

    void yamlThatHoldsTemplateText() {
        QFETCH(QByteArray, text);
        const auto found = find(text);
        QVERIFY2(!found, found ? qPrintable(found->text) : "");
    }
};

QTEST_GUILESS_MAIN(TestTemplateActions)
#include "tst_template_actions.moc"
