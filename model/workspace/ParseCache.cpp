#include "model/workspace/ParseCache.h"

#include <algorithm>

namespace egret {

void shiftParsedLines(ParsedDocument &parsed, int delta) {
    if (delta == 0)
        return;
    for (Diagnostic &d : parsed.diagnostics)
        if (d.location.line > 0)
            d.location.line += delta;
    for (Resource &r : parsed.resources)
        if (r.location.line > 0)
            r.location.line += delta;
}

std::optional<ParsedDocument> ParseCache::find(const QByteArray &text, const QString &file,
                                               int firstLine, const ParseOptions &options) {
    if (text.size() < kMinBytes)
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    for (Entry &e : m_entries) {
        if (e.text.size() != text.size() || e.file != file ||
            e.defaultNamespace != options.defaultNamespace || e.text != text)
            continue;
        e.used = ++m_clock;
        ParsedDocument out = e.parsed;
        lock.unlock();
        shiftParsedLines(out, firstLine - e.firstLine);
        return out;
    }
    return std::nullopt;
}

void ParseCache::insert(const QByteArray &text, const QString &file, int firstLine,
                        const ParseOptions &options, ParsedDocument parsed) {
    if (text.size() < kMinBytes)
        return;
    QMutexLocker lock(&m_mutex);
    for (Entry &e : m_entries)
        if (e.text.size() == text.size() && e.file == file &&
            e.defaultNamespace == options.defaultNamespace && e.text == text) {
            e.used = ++m_clock;
            return;
        }
    if (m_entries.size() >= kMaxEntries)
        m_entries.erase(std::min_element(m_entries.begin(), m_entries.end(),
                                         [](const Entry &a, const Entry &b) {
                                             return a.used < b.used;
                                         }));
    m_entries.push_back(
        {text, file, firstLine, options.defaultNamespace, std::move(parsed), ++m_clock});
}

} // namespace egret
