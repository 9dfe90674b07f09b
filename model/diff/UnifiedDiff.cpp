#include "model/diff/UnifiedDiff.h"

#include "model/diff/DocumentSpans.h"

#include <dtl/dtl.hpp>

#include <string>
#include <vector>

namespace egret::diff {

namespace {

// The lines of a text, each with its end.
std::vector<std::string> linesOf(const QByteArray &text) {
    std::vector<std::string> out;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        out.emplace_back(text.constData() + start, std::size_t(end - start));
        start = end;
    }
    return out;
}

// The whole edit script as lines.
QVector<Line> script(const QByteArray &before, const QByteArray &after) {
    const std::vector<std::string> a = linesOf(before), b = linesOf(after);
    dtl::Diff<std::string> d(a, b);
    d.compose();
    QVector<Line> out;
    int i = 0, j = 0;
    for (const auto &[text, info] : d.getSes().getSequence()) {
        Line line;
        line.text = QByteArray(text.data(), qsizetype(text.size()));
        if (info.type == dtl::SES_COMMON) {
            line.before = i++;
            line.after = j++;
        } else if (info.type == dtl::SES_DELETE) {
            line.op = '-';
            line.before = i++;
        } else {
            line.op = '+';
            line.after = j++;
        }
        out.append(line);
    }
    return out;
}

void appendLine(QByteArray &out, const Line &line) {
    out += line.op;
    out += line.text;
    if (!line.text.endsWith('\n'))
        out += "\n\\ No newline at end of file\n";
}

QByteArray range(int start, int count) {
    return count == 1 ? QByteArray::number(start)
                      : QByteArray::number(start) + ',' + QByteArray::number(count);
}

} // namespace

QVector<Hunk> hunks(const QByteArray &before, const QByteArray &after, int context) {
    QVector<Hunk> out;
    if (before == after)
        return out;
    const QVector<Line> all = script(before, after);
    const int n = int(all.size());
    int k = 0;
    while (k < n) {
        while (k < n && all[k].op == ' ')
            ++k;
        if (k == n)
            break;
        // A hunk runs from `context` lines before this change to `context` lines after the
        // last change that is at most 2 * context unchanged lines from the one before it.
        const int first = std::max(0, k - context);
        int last = k;
        for (int m = k; m < n; ++m) {
            if (all[m].op != ' ')
                last = m;
            else if (m - last > 2 * context)
                break;
        }
        const int end = std::min(n, last + context + 1);
        Hunk h;
        int beforeFirst = -1, afterFirst = -1;
        for (int m = first; m < end; ++m) {
            const Line &l = all[m];
            h.lines.append(l);
            if (l.before >= 0) {
                ++h.beforeCount;
                if (beforeFirst < 0)
                    beforeFirst = l.before;
            }
            if (l.after >= 0) {
                ++h.afterCount;
                if (afterFirst < 0)
                    afterFirst = l.after;
            }
        }
        // An empty side names the line before the hunk, as diff(1) does.
        auto lineBefore = [&](bool beforeSide) {
            int count = 0;
            for (int m = 0; m < first; ++m)
                count += (beforeSide ? all[m].before : all[m].after) >= 0 ? 1 : 0;
            return count;
        };
        h.beforeStart = h.beforeCount > 0 ? beforeFirst + 1 : lineBefore(true);
        h.afterStart = h.afterCount > 0 ? afterFirst + 1 : lineBefore(false);
        out.append(h);
        k = end;
    }
    return out;
}

QByteArray unifiedDiff(const QString &name, const QByteArray &before, const QByteArray &after,
                       bool beforeExists, bool afterExists, int context) {
    if (beforeExists == afterExists && before == after)
        return {};
    const QByteArray file = name.toUtf8();
    QByteArray out;
    out += "--- " + (beforeExists ? "a/" + file : QByteArray("/dev/null")) + '\n';
    out += "+++ " + (afterExists ? "b/" + file : QByteArray("/dev/null")) + '\n';
    DocumentSpans beforeSpans(before), afterSpans(after);
    for (const Hunk &h : hunks(before, after, context)) {
        // After the second "@@", as git puts a function's name: the objects the hunk changes.
        const QStringList objects = hunkObjects(h, beforeSpans, afterSpans);
        out += "@@ -" + range(h.beforeStart, h.beforeCount) + " +" +
               range(h.afterStart, h.afterCount) + " @@";
        if (!objects.isEmpty())
            out += ' ' + objects.join(QStringLiteral(", ")).toUtf8();
        out += '\n';
        for (const Line &line : h.lines)
            appendLine(out, line);
    }
    return out;
}

} // namespace egret::diff
