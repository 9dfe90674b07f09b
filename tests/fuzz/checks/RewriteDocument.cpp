// Node edits (NodeEdit.h) applied through rewriteDocument on arbitrary documents.
//
// The input is a stream cut into documents as the workspace cuts it; each of the first few
// documents is edited. The edits are chosen by a tape of bytes: what follows the last line
// starting with `#~` (a comment, so seed files stay YAML; the line break before it is not part
// of the documents), or else the input itself, read from its end. Properties:
// - a cancelled change gives nothing; a document that cannot be parsed gives nothing;
// - what precedes and follows the content (comments, the `---` line) is kept byte for byte;
// - the result is still one document, and it reads back as the edited tree: same structure,
//   same scalars, same types.
#include "checks/FuzzChecks.h"
#include "checks/NodeCompare.h"

#include "model/edit/DocumentRewriter.h"
#include "model/edit/NodeEdit.h"
#include "model/yaml/StreamSplitter.h"
#include "model/yaml/YamlPath.h"

namespace egret::fuzz {

namespace {

constexpr int kMaxDocuments = 4;
constexpr int kMaxEdits = 8;
constexpr int kMaxPaths = 64;

class Tape {
public:
    explicit Tape(const QByteArray &bytes)
        : m_bytes(bytes) {}
    quint8 next() {
        if (m_bytes.isEmpty())
            return 0;
        m_pos = (m_pos + 1) % m_bytes.size();
        return quint8(m_bytes[m_bytes.size() - 1 - m_pos]);
    }
    // A few bytes of the tape as text (any bytes: invalid UTF-8 becomes U+FFFD).
    QString text() {
        const int n = next() % 12;
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += char(next());
        return QString::fromUtf8(out);
    }

private:
    QByteArray m_bytes;
    qsizetype m_pos = -1;
};

// Paths of the nodes of a tree, breadth first: the targets of the edits.
QStringList nodePaths(const YAML::Node &root) {
    QStringList paths;
    QVector<QPair<QString, YAML::Node>> queue{{QString(), root}};
    for (int q = 0; q < queue.size() && paths.size() < kMaxPaths; ++q) {
        const QString path = queue[q].first;
        const YAML::Node n = queue[q].second;
        if (!path.isEmpty())
            paths << path;
        if (n.IsMap()) {
            for (auto it = n.begin(); it != n.end(); ++it)
                if (it->first.IsScalar())
                    queue.append({yaml::appendKey(path, QString::fromStdString(it->first.Scalar())),
                                  it->second});
        } else if (n.IsSequence()) {
            for (std::size_t i = 0; i < n.size() && i < 8; ++i)
                queue.append({yaml::appendIndex(path, int(i)), n[i]});
        }
    }
    return paths;
}

// EGRET_FUZZ_TRACE=1 prints the edits, to turn a failing input into a test.
bool tracing() {
    static const bool on = qEnvironmentVariableIsSet("EGRET_FUZZ_TRACE");
    return on;
}

// One edit chosen by the tape. Returns false to cancel the change.
bool edit(YAML::Node &root, const QStringList &paths, Tape &tape) {
    const quint8 op = tape.next();
    const QString path = paths.isEmpty() ? QString() : paths[tape.next() % paths.size()];
    if (tracing())
        qDebug("edit %d at %s", op % 9, qPrintable(path));
    switch (op % 9) {
    case 0:
        edit::setValue(root, path, edit::stringScalar(tape.text()));
        break;
    case 1:
        edit::setValue(root, path, edit::integerScalar(qint64(tape.next()) * 1000 - 7));
        break;
    case 2:
        edit::setValue(root, path, edit::plainScalar(tape.next() % 2 ? "true" : "null"));
        break;
    case 3:
        edit::removePath(root, path);
        break;
    case 4:
        edit::ensurePath(root, yaml::appendKey(path, tape.text()));
        break;
    case 5:
        edit::setValue(root, yaml::appendIndex(path, tape.next() % 4), edit::stringScalar("x"));
        break;
    case 6: {
        YAML::Node map(YAML::NodeType::Map);
        map[tape.text().toStdString()] = edit::stringScalar(tape.text());
        edit::setValue(root, path, map);
        break;
    }
    case 7: { // any path text at all
        const QString a = tape.text(), b = tape.text(), c = tape.text();
        if (tracing())
            qDebug("  find %s, ensure %s, remove %s", qPrintable(a), qPrintable(b), qPrintable(c));
        edit::findPath(root, a);
        edit::ensurePath(root, b);
        edit::removePath(root, c);
        break;
    }
    default:
        return false;
    }
    return true;
}

// The rewriter empties whitespace-only lines after the content (a block scalar ending the
// content would take them in); everything else there is kept.
QByteArray withBlankLinesEmptied(const QByteArray &text) {
    QByteArray out;
    for (const QByteArray &line : text.split('\n')) {
        QByteArray kept = line;
        const bool crlf = kept.endsWith('\r');
        if (crlf)
            kept.chop(1);
        if (kept.count(' ') + kept.count('\t') == kept.size())
            kept.clear();
        out += kept + (crlf ? "\r" : "") + '\n';
    }
    out.chop(1);
    return out;
}

QString checkDocument(const QByteArray &text, Tape &tape) {
    if (tracing())
        qDebug("document:\n%s", text.constData());
    YAML::Node edited;
    bool cancelled = false;
    const auto change = [&](YAML::Node &root) {
        const QStringList paths = nodePaths(root);
        const int edits = 1 + tape.next() % kMaxEdits;
        for (int i = 0; i < edits; ++i) {
            if (!edit(root, paths, tape)) {
                cancelled = true;
                return false;
            }
        }
        edited.reset(root);
        return true;
    };
    QString error;
    const std::optional<QByteArray> out = edit::rewriteDocument(text, change, &error);
    if (cancelled && out)
        return QStringLiteral("a cancelled change gave a result");
    if (!out)
        return {};

    const edit::DocumentParts parts = edit::splitDocumentText(text);
    if (!out->startsWith(text.left(parts.bodyStart)) ||
        !out->endsWith(withBlankLinesEmptied(text.mid(parts.bodyEnd))))
        return QStringLiteral("the comments around the content changed");
    if (yaml::splitStream(*out).size() != 1)
        return QStringLiteral("the rewritten document reads as several:\n") +
               QString::fromUtf8(*out);
    YAML::Node reread;
    try {
        reread = YAML::Load(out->toStdString());
    } catch (const YAML::Exception &e) {
        return QStringLiteral("the rewritten document does not parse (%1):\n%2")
            .arg(QString::fromStdString(e.what()), QString::fromUtf8(*out));
    }
    yaml::NodeBudget budget(out->size());
    if (QString d = compareNodes(edited, reread, budget); !d.isEmpty())
        return QStringLiteral("the rewritten document reads back differently: %1\n%2")
            .arg(d, QString::fromUtf8(*out));
    return {};
}

} // namespace

QString checkRewriteDocument(const QByteArray &input) {
    const qsizetype marker = input.lastIndexOf("\n#~");
    const QByteArray stream = marker < 0 ? input : input.left(marker);
    Tape tape(marker < 0 ? input : input.mid(marker + 3));
    const QVector<yaml::Chunk> chunks = yaml::splitStream(stream);
    for (int i = 0; i < chunks.size() && i < kMaxDocuments; ++i)
        if (QString f = checkDocument(stream.mid(chunks[i].offset, chunks[i].length), tape);
            !f.isEmpty())
            return QStringLiteral("document %1: %2").arg(i + 1).arg(f);
    return {};
}

} // namespace egret::fuzz
