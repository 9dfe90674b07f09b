#include "model/edit/YamlLines.h"

#include <algorithm>

namespace egret::edit {

YamlLines::YamlLines(const QByteArray &text)
    : m_text(text) {
    qsizetype pos = 0;
    while (pos < text.size()) {
        m_starts.append(pos);
        const qsizetype nl = text.indexOf('\n', pos);
        if (nl < 0)
            break;
        if (m_starts.size() == 1)
            m_crlf = nl > 0 && text[nl - 1] == '\r';
        pos = nl + 1;
    }
    if (m_starts.isEmpty())
        m_starts.append(0);
}

qsizetype YamlLines::end(int line) const {
    return line + 1 < m_starts.size() ? m_starts[line + 1] : m_text.size();
}

QByteArrayView YamlLines::content(int line) const {
    QByteArrayView v(m_text.constData() + start(line), end(line) - start(line));
    while (!v.isEmpty() && (v.back() == '\n' || v.back() == '\r'))
        v.chop(1);
    return v;
}

int YamlLines::indent(int line) const {
    const QByteArrayView v = content(line);
    int n = 0;
    while (n < v.size() && v[n] == ' ')
        ++n;
    return n;
}

bool YamlLines::isBlank(int line) const {
    return content(line).trimmed().isEmpty();
}

bool YamlLines::isComment(int line) const {
    return content(line).trimmed().startsWith('#');
}

bool YamlLines::endsWithBreak(int line) const {
    return end(line) > start(line) && m_text[end(line) - 1] == '\n';
}

int YamlLines::lineOf(qsizetype pos) const {
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), pos);
    return int(it - m_starts.begin()) - 1;
}

int YamlLines::elementLastLine(int first, int column, bool sequenceAtColumn) const {
    int last = first;
    for (int line = first + 1; line < count(); ++line) {
        if (isBlank(line))
            continue;
        const int in = indent(line);
        if (isComment(line)) {
            if (in > column)
                last = line; // a comment inside the element
            continue;
        }
        const QByteArrayView v = content(line);
        const bool ownItem = sequenceAtColumn && in == column && v.size() > in && v[in] == '-' &&
                             (v.size() == in + 1 || v[in + 1] == ' ');
        if (in > column || ownItem) {
            last = line;
            continue;
        }
        break;
    }
    return last;
}

int YamlLines::dashLine(int contentLine, int column) const {
    for (int line = contentLine; line >= 0; --line) {
        if (isBlank(line) || isComment(line))
            continue;
        const QByteArrayView v = content(line);
        if (indent(line) == column && v.size() > column && v[column] == '-')
            return line;
        if (line != contentLine)
            return -1; // content between the item and its dash: not a block item
    }
    return -1;
}

} // namespace egret::edit
