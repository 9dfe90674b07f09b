// Egret reads YAML with yaml-cpp; the cluster reads it with Go's YAML reader (kubectl, the API
// server). This differential test writes every combination of a set of awkward plain scalars
// into flow and block collections, lets the real kubectl read them (`kubectl kustomize`, offline)
// and checks that Egret never gives a document another meaning in silence: where kubectl refuses
// a text Egret refuses it; where both read it they read the same tree; where Egret refuses a text
// kubectl reads, its message names kubectl's reading.
#include "model/decode/DocumentParser.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

using namespace egret;

namespace {

// Plain scalars whose reading depends on the rules for ':', '#', '?', '-' and quotes.
const char *const kTokens[] = {
    "a",  "a:b", "c:",  "001:db8::", "::1",  ":a",  "1.2.3.4", "http://x/y",
    "-x", "a b", "x#y", "\"q:\"",    "'s:'", "a::", "a:b:",    "true",
};

// Where a token goes: one or two slots (%1, %2).
const char *const kShapes[] = {
    "[%1]", "[%1, %2]",  "{k: %1}",       "{%1: v}", "[%1: %2]",
    "{%1}", "[{k: %1}]", "{k: [%1, %2]}", "%1",
};

struct Case {
    QString name;
    QByteArray text;  // the whole document
    QByteArray value; // what stands under spec.v
};

QVector<Case> cases() {
    QVector<Case> out;
    for (const char *shape : kShapes) {
        const QString s = QString::fromLatin1(shape);
        const bool two = s.contains(QLatin1String("%2"));
        for (const char *a : kTokens) {
            for (const char *b : kTokens) {
                QString v = s;
                v.replace(QLatin1String("%1"), QString::fromUtf8(a));
                v.replace(QLatin1String("%2"), QString::fromUtf8(b));
                Case c;
                c.name = QStringLiteral("c%1").arg(out.size());
                c.value = v.toUtf8();
                c.text = "apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: " +
                         c.name.toUtf8() + "\nspec:\n  v: " + c.value + "\n";
                out.append(c);
                if (!two)
                    break;
            }
        }
    }
    return out;
}

// A tree in one line, for comparing readings: kubectl writes a null as "", so both are "~".
QString canonical(const YAML::Node &n) {
    switch (n.Type()) {
    case YAML::NodeType::Scalar:
        return n.Scalar().empty()
                   ? QStringLiteral("~")
                   : QLatin1Char('"') + QString::fromStdString(n.Scalar()) + QLatin1Char('"');
    case YAML::NodeType::Sequence: {
        QStringList items;
        for (const YAML::Node &i : n)
            items << canonical(i);
        return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    case YAML::NodeType::Map: {
        QStringList entries;
        for (auto it = n.begin(); it != n.end(); ++it)
            entries << canonical(it->first) + QLatin1Char(':') + canonical(it->second);
        entries.sort();
        return QLatin1Char('{') + entries.join(QLatin1Char(',')) + QLatin1Char('}');
    }
    default:
        return QStringLiteral("~");
    }
}

// Egret's reading: the syntax refusal's message, or the tree under spec.v.
struct EgretReading {
    QString refusal;
    QString tree;
};

EgretReading egretReads(const Case &c) {
    const ParsedDocument parsed = parseDocument(c.text, QStringLiteral("c.yaml"), 0, {});
    for (const Diagnostic &d : parsed.diagnostics)
        if (d.code == codes::Syntax)
            return {d.message, {}};
    return {{}, canonical(YAML::Load(c.text.toStdString())["spec"]["v"])};
}

const QString kKeyNotString = QStringLiteral("(a key that is not a string)");

// kubectl's reading of some cases: the tree under spec.v by name, absent where kubectl refuses.
// One file per case, so that kubectl's error names the case it refuses; that case is set aside
// and the rest read again.
bool kubectlReads(const QString &kubectl, const QVector<Case> &some,
                  std::map<QString, QString> &out, QString *error) {
    QTemporaryDir dir;
    QStringList left;
    for (const Case &c : some) {
        QFile f(dir.filePath(c.name + QStringLiteral(".yaml")));
        if (!f.open(QIODevice::WriteOnly) || f.write(c.text) != c.text.size()) {
            *error = QStringLiteral("cannot write %1").arg(f.fileName());
            return false;
        }
        left << c.name;
    }
    // Go's reader names the file; its conversion to JSON (a key that is not a string) the object.
    const QRegularExpression refused(
        QStringLiteral("in File: (c\\d+)\\.yaml|\\\\\"name\\\\\":\\\\\"(c\\d+)"));
    while (!left.isEmpty()) {
        QFile k(dir.filePath(QStringLiteral("kustomization.yaml")));
        if (!k.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write the kustomization");
            return false;
        }
        k.write("resources:\n");
        for (const QString &name : left)
            k.write("- " + name.toUtf8() + ".yaml\n");
        k.close();
        QProcess p;
        p.start(kubectl, {QStringLiteral("kustomize"), dir.path()});
        if (!p.waitForFinished(120000)) {
            *error = QStringLiteral("kubectl kustomize did not finish");
            return false;
        }
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitCode() == 0) {
            for (const YAML::Node &doc : YAML::LoadAll(p.readAllStandardOutput().toStdString()))
                out[QString::fromStdString(doc["metadata"]["name"].Scalar())] =
                    canonical(doc["spec"]["v"]);
            return true;
        }
        const QRegularExpressionMatch m = refused.match(err);
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        // kustomize refuses a key that is not a string (`{true: v}`) when it turns the object
        // into JSON; kubectl apply makes it the string "true", as Egret reads it.
        if (!m.captured(2).isEmpty() && err.contains(QLatin1String("json: unsupported type")))
            out[name] = kKeyNotString;
        if (!m.hasMatch() || !left.removeOne(name)) {
            *error = QStringLiteral("kubectl kustomize failed without naming a case: %1").arg(err);
            return false;
        }
    }
    return true;
}

} // namespace

class TestYamlVsKubectl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void egretNeverDiffersInSilence() {
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (kubectl.isEmpty())
            QSKIP("kubectl is not installed (apt install kubernetes-client): the readings of "
                  "Go's YAML reader cannot be compared");
        const QVector<Case> all = cases();
        // In chunks: each refusal costs a run over what is left of its chunk.
        std::map<QString, QString> go;
        QString error;
        for (qsizetype i = 0; i < all.size(); i += 40)
            QVERIFY2(kubectlReads(kubectl, all.mid(i, 40), go, &error), qPrintable(error));
        int same = 0, bothRefuse = 0, refusedNamed = 0, keyNotString = 0;
        QStringList wrong;
        for (const Case &c : all) {
            const EgretReading egret = egretReads(c);
            const auto it = go.find(c.name);
            const QString head = QStringLiteral("v: %1 -> ").arg(QString::fromUtf8(c.value));
            if (it == go.end()) {
                if (egret.refusal.isEmpty())
                    wrong << head + QStringLiteral("kubectl refuses it, Egret reads %1")
                                        .arg(egret.tree);
                else
                    ++bothRefuse;
            } else if (it->second == kKeyNotString) {
                ++keyNotString;
            } else if (!egret.refusal.isEmpty()) {
                if (egret.refusal.contains(QLatin1String("kubectl")))
                    ++refusedNamed;
                else
                    wrong << head + QStringLiteral("kubectl reads %1, Egret refuses it without "
                                                   "saying so: %2")
                                        .arg(it->second, egret.refusal);
            } else if (egret.tree != it->second) {
                wrong << head + QStringLiteral("kubectl reads %1, Egret %2")
                                    .arg(it->second, egret.tree);
            } else {
                ++same;
            }
        }
        qInfo("%lld texts: %d read alike, %d refused by both, %d refused by Egret with "
              "kubectl's reading named, %d with a key that is not a string (kubectl apply and "
              "Egret read a string)",
              qlonglong(all.size()), same, bothRefuse, refusedNamed, keyNotString);
        QVERIFY(same > 0 && bothRefuse > 0); // the comparison really ran
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestYamlVsKubectl)
#include "tst_yaml_vs_kubectl.moc"
