#include "model/yaml/FieldLocator.h"

#include "model/yaml/BlockFieldLocator.h"
#include "model/yaml/YamlPath.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <vector>

namespace egret::yaml {

namespace {

struct Found {}; // thrown to stop the parser once the field is found

class Locator : public YAML::EventHandler {
public:
    explicit Locator(QVector<PathSegment> path)
        : m_path(std::move(path)) {}

    YAML::Mark best;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override { throw Found{}; }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { leaf(mark, nullptr); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { leaf(mark, nullptr); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                  const std::string &value) override {
        leaf(mark, &value);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(mark, false);
    }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(mark, true);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        bool map;
        bool onPath;
        bool expectKey = true;    // maps: the next node is a key
        bool valueOnPath = false; // maps: the key just read is the next segment
        int index = 0;            // sequences: the next item's index
    };

    // A node starts: true when it is the next node of the path (the path's prefix then grows).
    // For a key, `key` is its text when it is a scalar.
    bool enter(const YAML::Mark &mark, const std::string *key, bool *isKey) {
        *isKey = false;
        if (m_stack.empty()) {
            best = mark;
            return true;
        }
        Frame &f = m_stack.back();
        if (f.map) {
            if (f.expectKey) {
                *isKey = true;
                f.expectKey = false;
                f.valueOnPath = f.onPath && key && !m_path[m_matched].isIndex() &&
                                QString::fromStdString(*key) == m_path[m_matched].key;
                if (f.valueOnPath)
                    best = mark;
                return false;
            }
            f.expectKey = true;
            if (!f.valueOnPath)
                return false;
            ++m_matched;
            return true;
        }
        const int i = f.index++;
        if (!f.onPath || !m_path[m_matched].isIndex() || m_path[m_matched].index != i)
            return false;
        best = mark;
        ++m_matched;
        return true;
    }

    void leaf(const YAML::Mark &mark, const std::string *value) {
        bool isKey = false;
        if (enter(mark, value, &isKey))
            throw Found{}; // the field, or a scalar where the path goes on: as deep as it gets
    }

    void open(const YAML::Mark &mark, bool map) {
        bool isKey = false;
        const bool onPath = enter(mark, nullptr, &isKey);
        if (onPath && (m_matched == m_path.size() || m_path[m_matched].isIndex() == map))
            throw Found{}; // found, or the path needs the other kind of collection
        m_stack.push_back({map, onPath});
    }

    void close() {
        const bool onPath = m_stack.back().onPath;
        m_stack.pop_back();
        if (onPath)
            throw Found{}; // the next segment is not in this collection
    }

    QVector<PathSegment> m_path;
    qsizetype m_matched = 0;
    std::vector<Frame> m_stack;
};

} // namespace

bool locateField(const QByteArray &text, const QString &path, TextPosition *out) {
    if (locateBlockField(text, path, out))
        return true;
    std::istringstream in(std::string(text.constData(), size_t(text.size())));
    Locator locator(parsePath(path));
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(locator))
            return false; // no document at all
    } catch (const Found &) {
    } catch (const std::exception &) {
        return false;
    }
    *out = textPosition(locator.best);
    return true;
}

} // namespace egret::yaml
