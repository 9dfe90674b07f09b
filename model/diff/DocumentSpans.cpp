#include "model/diff/DocumentSpans.h"

#include "model/yaml/StreamSplitter.h"

#include <yaml-cpp/yaml.h>

namespace egret::diff {

namespace {

QString scalar(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return {};
    const YAML::Node v = map[key];
    return v && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
}

QString labelOf(const QByteArray &chunk, int index) {
    try {
        const YAML::Node root = YAML::Load(chunk.toStdString());
        const QString kind = scalar(root, "kind");
        const YAML::Node meta = root.IsMap() ? root["metadata"] : YAML::Node();
        const QString name = scalar(meta, "name");
        if (!kind.isEmpty() && !name.isEmpty()) {
            const QString ns = scalar(meta, "namespace");
            return QStringLiteral("%1 %2").arg(kind, ns.isEmpty() ? name : ns + '/' + name);
        }
    } catch (const YAML::Exception &) {
        // not an object: named by position below
    }
    return QStringLiteral("document %1").arg(index + 1);
}

} // namespace

DocumentSpans::DocumentSpans(const QByteArray &text)
    : m_text(text)
    , m_chunks(yaml::splitStream(text))
    , m_labels(m_chunks.size()) {
}

QString DocumentSpans::objectAt(int line) {
    int i = int(m_chunks.size()) - 1;
    while (i > 0 && m_chunks[i].firstLine > line)
        --i;
    if (i < 0)
        return {};
    if (m_labels[i].isEmpty())
        m_labels[i] = labelOf(m_text.mid(m_chunks[i].offset, m_chunks[i].length), i);
    const bool positional = m_labels[i].startsWith(QLatin1String("document "));
    return positional && m_chunks.size() < 2 ? QString() : m_labels[i];
}

QStringList hunkObjects(const Hunk &hunk, DocumentSpans &before, DocumentSpans &after) {
    QStringList out;
    for (const Line &line : hunk.lines) {
        const QString label = line.op == '-'   ? before.objectAt(line.before)
                              : line.op == '+' ? after.objectAt(line.after)
                                               : QString();
        if (!label.isEmpty() && !out.contains(label))
            out << label;
    }
    return out;
}

} // namespace egret::diff
