#include "model/yaml/Emitter.h"

#include "model/yaml/Scalars.h"

#include <cctype>
#include <string_view>

namespace egret::yaml {

namespace {

const std::string kCoreTagPrefix = "tag:yaml.org,2002:";
// YAML reads a key without `?` only when it is at most 1024 characters long.
constexpr std::size_t kMaxImplicitKey = 1000;

bool isCollection(const YAML::Node &n) {
    return n.IsMap() || n.IsSequence();
}

// A flow collection of scalars only: short enough to keep on one line.
bool isSimpleFlow(const YAML::Node &n) {
    if (n.Style() != YAML::EmitterStyle::Flow)
        return false;
    for (auto it = n.begin(), end = n.end(); it != end; ++it) {
        const YAML::Node v = n.IsMap() ? it->second : *it;
        if (isCollection(v) || (n.IsMap() && isCollection(it->first)))
            return false;
    }
    return true;
}

// Control characters other than tab are not printable YAML; yaml-cpp reads them in a plain
// scalar anyway, but only escapes in double quotes write them back as they were.
bool hasControlCharacters(const std::string &text) {
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return true;
    }
    return false;
}

class Writer {
public:
    Writer(const EmitStyle &style, NodeBudget &budget)
        : m_style(style)
        , m_budget(budget) {}

    bool failed() const { return m_failed; }
    std::string take() { return std::move(m_out); }

    void document(const YAML::Node &root) {
        if (root.IsMap() && root.size() > 0)
            map(root, 0, false);
        else if (root.IsSequence() && root.size() > 0)
            sequence(root, 0, false);
        else {
            // Indented: yaml-cpp reads a `|` block at the top level only when it is.
            std::string text = scalarOrEmpty(root, m_style.indent);
            // At the top level, a plain `---` or `...` would be read as a document marker.
            if (text.rfind("---", 0) == 0 || text.rfind("...", 0) == 0)
                text = doubleQuoted(root.Scalar());
            m_out += text;
            m_out += '\n';
        }
    }

private:
    // One level of nesting while it lives. An alias to its own ancestor (`a: &x {b: *x}`) makes
    // yaml-cpp's tree a cycle: past kMaxNestingDepth the document is refused, before the stack
    // runs out.
    class Nesting {
    public:
        explicit Nesting(Writer &w)
            : m_w(w) {
            if (++m_w.m_depth > kMaxNestingDepth)
                m_w.m_failed = true;
        }
        ~Nesting() { --m_w.m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;

    private:
        Writer &m_w;
    };

    bool spend() {
        if (!m_budget.spend())
            m_failed = true;
        return !m_failed;
    }

    void pad(int n) { m_out.append(std::size_t(n), ' '); }

    // Block mapping at `indent`; the first key follows a "- " already written when inlineFirst.
    void map(const YAML::Node &n, int indent, bool inlineFirst) {
        const Nesting nesting(*this);
        bool first = true;
        for (auto it = n.begin(), end = n.end(); it != end && !m_failed; ++it) {
            if (!spend())
                return;
            if (!(first && inlineFirst))
                pad(indent);
            first = false;
            const std::string k = key(it->first);
            if (k.size() > kMaxImplicitKey) {
                // Too long for an implicit key: `? key` on its line, `:` and the value below.
                m_out += "? " + k + '\n';
                pad(indent);
            } else {
                m_out += k;
            }
            m_out += ':';
            valueAfterKey(it->second, indent);
        }
    }

    void sequence(const YAML::Node &n, int indent, bool inlineFirst) {
        const Nesting nesting(*this);
        bool first = true;
        for (auto it = n.begin(), end = n.end(); it != end && !m_failed; ++it) {
            if (!spend())
                return;
            if (!(first && inlineFirst))
                pad(indent);
            first = false;
            m_out += '-';
            item(*it, indent);
        }
    }

    void valueAfterKey(const YAML::Node &v, int indent) {
        if (isCollection(v) && v.size() > 0) {
            if (m_style.keepFlowCollections && isSimpleFlow(v)) {
                m_out += ' ';
                m_out += flow(v);
                m_out += '\n';
            } else if (v.IsMap()) {
                m_out += '\n';
                map(v, indent + m_style.indent, false);
            } else {
                m_out += '\n';
                sequence(v, indent + (m_style.indentSequences ? m_style.indent : 0), false);
            }
            return;
        }
        m_out += ' ';
        m_out += scalarOrEmpty(v, indent + m_style.indent);
        m_out += '\n';
    }

    void item(const YAML::Node &v, int indent) {
        if (isCollection(v) && v.size() > 0) {
            m_out += ' ';
            if (m_style.keepFlowCollections && isSimpleFlow(v)) {
                m_out += flow(v);
                m_out += '\n';
            } else if (v.IsMap()) {
                map(v, indent + 2, true);
            } else {
                sequence(v, indent + 2, true);
            }
            return;
        }
        m_out += ' ';
        m_out += scalarOrEmpty(v, indent + m_style.indent);
        m_out += '\n';
    }

    std::string key(const YAML::Node &k) {
        // A collection as a key is rare; an implicit flow key keeps it on one line.
        return isCollection(k) ? flow(k) : scalar(k, 0, true);
    }

    // Empty collections and scalars, written on the current line.
    std::string scalarOrEmpty(const YAML::Node &v, int blockIndent) {
        if (v.IsMap())
            return "{}";
        if (v.IsSequence())
            return "[]";
        return scalar(v, blockIndent, false);
    }

    // Characters a tag may hold in its short form (YAML's ns-tag-char), and in the verbatim
    // !<...> form (ns-uri-char, less the closing '>').
    static bool isTagText(const std::string &text, bool verbatim) {
        static constexpr std::string_view punctuation = "-#;/?:@&=+$_.~*'()%";
        static constexpr std::string_view uriOnly = "!,[]";
        for (const char ch : text) {
            const unsigned char c = static_cast<unsigned char>(ch);
            const bool ok = std::isalnum(c) || punctuation.find(ch) != std::string_view::npos ||
                            (verbatim && uriOnly.find(ch) != std::string_view::npos);
            if (!ok)
                return false;
        }
        return !text.empty();
    }

    static std::string tagPrefix(const std::string &tag) {
        if (tag.empty() || tag == "?" || tag == "!")
            return {};
        if (tag.rfind(kCoreTagPrefix, 0) == 0 &&
            isTagText(tag.substr(kCoreTagPrefix.size()), false))
            return "!!" + tag.substr(kCoreTagPrefix.size()) + " ";
        if (tag[0] == '!' && isTagText(tag.substr(1), false))
            return tag + " ";
        if (isTagText(tag, true))
            return "!<" + tag + "> ";
        // yaml-cpp took something for a tag that YAML cannot write (found by fuzzing): the
        // value is written without it.
        return {};
    }

    std::string scalar(const YAML::Node &v, int blockIndent, bool isKey, bool inFlow = false) {
        if (!v.IsDefined() || v.IsNull())
            return tagPrefix(v.Tag()) + "null";
        const std::string &text = v.Scalar();
        const std::string &tag = v.Tag();
        const std::string prefix = tagPrefix(tag);
        // A plain number, boolean or null is written exactly as it was. Everything else is a
        // string, written plain only where no YAML reader could take it for something else.
        // Not when yaml-cpp was lenient (a control character): that would not read back.
        if (tag == "?" && resolvePlain(text) != PlainType::String && !hasControlCharacters(text) &&
            text.find('\n') == std::string::npos)
            return text;
        if (canBePlainString(text, inFlow))
            return prefix + text;
        if (!isKey && !inFlow && text.find('\n') != std::string::npos) {
            std::string block = literalBlock(text, blockIndent);
            if (!block.empty())
                return prefix + block;
        }
        return prefix + doubleQuoted(text);
    }

    // `|` block for multi-line text, or empty when the text cannot round-trip through one.
    static std::string literalBlock(const std::string &text, int indent) {
        std::size_t end = text.size();
        int trailing = 0;
        while (end > 0 && text[end - 1] == '\n') {
            --end;
            ++trailing;
        }
        if (trailing > 1 || end == 0)
            return {};
        // The block's indentation is read from its first non-empty line, so that line cannot
        // start with white space of its own.
        const char firstContent = text[text.find_first_not_of('\n')];
        if (firstContent == ' ' || firstContent == '\t')
            return {};
        std::string out = trailing == 0 ? "|-" : "|";
        std::size_t pos = 0;
        while (pos <= end) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string::npos || nl > end)
                nl = end;
            const std::string_view line(text.data() + pos, nl - pos);
            for (unsigned char c : line) {
                if ((c < 0x20 && c != '\t') || c == 0x7F)
                    return {};
            }
            out += '\n';
            if (!line.empty()) {
                if (line.find_first_not_of(' ') == std::string_view::npos)
                    return {}; // a spaces-only line would read back as empty
                out.append(std::size_t(indent), ' ');
                out.append(line);
            }
            pos = nl + 1;
        }
        // The caller adds the final line break.
        return out;
    }

    std::string flow(const YAML::Node &n) {
        const Nesting nesting(*this);
        if (!spend())
            return {};
        if (n.IsMap()) {
            std::string s = "{";
            bool first = true;
            for (auto it = n.begin(), end = n.end(); it != end && !m_failed; ++it) {
                if (!first)
                    s += ", ";
                first = false;
                const std::string k =
                    isCollection(it->first) ? flow(it->first) : scalar(it->first, 0, true, true);
                s += k.size() > kMaxImplicitKey ? "? " + k + " : " : k + ": ";
                s += isCollection(it->second) ? flow(it->second)
                                              : scalar(it->second, 0, false, true);
            }
            return s + "}";
        }
        if (n.IsSequence()) {
            std::string s = "[";
            bool first = true;
            for (auto it = n.begin(), end = n.end(); it != end && !m_failed; ++it) {
                if (!first)
                    s += ", ";
                first = false;
                s += isCollection(*it) ? flow(*it) : scalar(*it, 0, false, true);
            }
            return s + "]";
        }
        return scalar(n, 0, false, true);
    }

    const EmitStyle &m_style;
    NodeBudget &m_budget;
    std::string m_out;
    bool m_failed = false;
    int m_depth = 0;
};

} // namespace

EmitStyle detectStyle(const YAML::Node &root) {
    EmitStyle style;
    style.keepFlowCollections = true;
    bool haveIndent = false;
    bool haveSeq = false;
    // Breadth-limited search: the first nested map and the first block sequence decide.
    std::vector<YAML::Node> queue{root};
    for (std::size_t q = 0; q < queue.size() && q < 200 && !(haveIndent && haveSeq); ++q) {
        const YAML::Node n = queue[q];
        if (!n.IsMap())
            continue;
        for (auto it = n.begin(), end = n.end(); it != end; ++it) {
            const YAML::Node v = it->second; // a copy: `it->` returns a temporary proxy
            const int keyCol = it->first.Mark().column;
            if (v.IsMap() && v.size() > 0 && v.Style() != YAML::EmitterStyle::Flow) {
                if (!haveIndent) {
                    const int d = v.begin()->first.Mark().column - keyCol;
                    if (d >= 1 && d <= 8) {
                        style.indent = d;
                        haveIndent = true;
                    }
                }
                queue.push_back(v);
            } else if (v.IsSequence() && v.size() > 0 && v.Style() != YAML::EmitterStyle::Flow) {
                if (!haveSeq) {
                    style.indentSequences = v.Mark().column > keyCol;
                    haveSeq = true;
                }
                for (auto s = v.begin(); s != v.end(); ++s)
                    if (s->IsMap())
                        queue.push_back(*s);
            }
        }
    }
    return style;
}

std::optional<std::string> emitDocument(const YAML::Node &root, const EmitStyle &style,
                                        NodeBudget &budget) {
    Writer w(style, budget);
    w.document(root);
    if (w.failed())
        return std::nullopt;
    return w.take();
}

} // namespace egret::yaml
