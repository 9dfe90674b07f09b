#include "model/yaml/TemplateActions.h"

#include <array>

namespace egret::yaml {

namespace {

using Pos = std::size_t;
constexpr Pos npos = std::string_view::npos;

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

bool isIdentifier(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The action's inside: from after "{{" to before "}}" (or the end of the line).
std::string_view actionBody(std::string_view line, Pos open) {
    const Pos start = open + 2;
    const Pos close = line.find("}}", start);
    return line.substr(start, close == npos ? npos : close - start);
}

bool namesHelmObject(std::string_view body) {
    static constexpr std::array<std::string_view, 6> objects = {
        ".Values", ".Release", ".Chart", ".Capabilities", ".Files", ".Template"};
    for (std::string_view object : objects) {
        for (Pos at = body.find(object); at != npos; at = body.find(object, at + 1)) {
            const Pos end = at + object.size();
            const bool wordBefore = at > 0 && isIdentifier(body[at - 1]);
            const bool wordAfter = end < body.size() && isIdentifier(body[end]);
            if (!wordBefore && !wordAfter)
                return true;
        }
    }
    return false;
}

std::string_view firstWord(std::string_view body) {
    Pos i = 0;
    if (i < body.size() && body[i] == '-')
        ++i;
    while (i < body.size() && isSpace(body[i]))
        ++i;
    Pos j = i;
    while (j < body.size() && isIdentifier(body[j]))
        ++j;
    if (j == i && body.substr(i, 2) == "/*")
        return body.substr(i, 2);
    return body.substr(i, j - i);
}

// Only Helm defines these: an action using one is Helm's, even inside a quoted value.
bool isHelmOnly(std::string_view body) {
    const std::string_view word = firstWord(body);
    return namesHelmObject(body) || word == "include" || word == "tpl";
}

// An action that no YAML text means literally: trims, control words, Helm's objects.
bool isGoTemplate(std::string_view body) {
    static constexpr std::array<std::string_view, 12> words = {
        "if",      "else",     "end",   "range", "with", "define",
        "include", "template", "block", "tpl",   "/*",   "toYaml"};
    if (!body.empty() && body.front() == '-')
        return true;
    const Pos close = body.find_last_not_of(" \t");
    if (close != npos && body[close] == '-')
        return true;
    const std::string_view word = firstWord(body);
    for (std::string_view w : words)
        if (word == w)
            return true;
    return isHelmOnly(body);
}

// The line scanner's state between lines.
struct State {
    int blockParent = -1; // inside a block scalar: lines indented more than this are its text
    int plainParent = -1; // a plain value may go on in lines indented more than this
    char quote = 0;       // inside a quoted scalar that goes on to the next line
    int flowDepth = 0;    // inside a flow collection that goes on to the next line
};

class Scanner {
public:
    explicit Scanner(std::string_view line)
        : m_line(line) {}

    // Returns the byte column of an action, or npos.
    Pos scan(State &state, int indent);

private:
    Pos quoted(Pos p, char quote, State &state);
    Pos node(Pos p, State &state, int owner);
    Pos flow(Pos p, State &state);
    Pos plainText(Pos from, Pos to) const;

    std::string_view m_line;
    Pos m_hit = npos;
};

// Actions inside plain text (an unquoted value, a continuation line): counted when no YAML
// text means them.
Pos Scanner::plainText(Pos from, Pos to) const {
    for (Pos at = m_line.find("{{", from); at != npos && at < to; at = m_line.find("{{", at + 2))
        if (isGoTemplate(actionBody(m_line, at)))
            return at;
    return npos;
}

// A quoted scalar from its opening quote (or from the line start when it goes on from the line
// before): returns where it ends, npos when it goes on; m_hit is set on a Helm action.
Pos Scanner::quoted(Pos p, char quote, State &state) {
    Pos i = p;
    for (; i < m_line.size(); ++i) {
        const char c = m_line[i];
        if (quote == '"' && c == '\\') {
            ++i;
            continue;
        }
        if (c == quote) {
            if (quote == '\'' && i + 1 < m_line.size() && m_line[i + 1] == '\'') {
                ++i;
                continue;
            }
            break;
        }
        if (c == '{' && i + 1 < m_line.size() && m_line[i + 1] == '{' &&
            isHelmOnly(actionBody(m_line, i))) {
            m_hit = i;
            return npos;
        }
    }
    if (i >= m_line.size()) {
        state.quote = quote;
        return npos;
    }
    state.quote = 0;
    return i + 1;
}

// Inside a flow collection ([...] or {...}), from p: entries start after '[', '{', ',' and
// ": ". Returns where the collection closed, or npos (end of line, or a hit).
Pos Scanner::flow(Pos p, State &state) {
    bool entryStart = true;
    while (p < m_line.size()) {
        const char c = m_line[p];
        if (isSpace(c)) {
            ++p;
            continue;
        }
        if (c == '#' && (p == 0 || isSpace(m_line[p - 1])))
            return npos;
        if (entryStart && c == '{' && p + 1 < m_line.size() && m_line[p + 1] == '{') {
            m_hit = p;
            return npos;
        }
        if (c == '"' || c == '\'') {
            p = quoted(p + 1, c, state);
            if (p == npos)
                return npos;
            entryStart = false;
            continue;
        }
        if (c == '[' || c == '{') {
            ++state.flowDepth;
            entryStart = true;
            ++p;
            continue;
        }
        if (c == ']' || c == '}') {
            ++p;
            if (--state.flowDepth == 0)
                return p;
            entryStart = false;
            continue;
        }
        if (c == ',' || (c == ':' && (p + 1 >= m_line.size() || isSpace(m_line[p + 1])))) {
            entryStart = true;
            ++p;
            continue;
        }
        // A plain scalar inside the collection: up to the next indicator.
        Pos end = p;
        while (end < m_line.size() && std::string_view(",[]{}").find(m_line[end]) == npos &&
               !(m_line[end] == ':' && (end + 1 == m_line.size() || isSpace(m_line[end + 1]))))
            ++end;
        if (const Pos hit = plainText(p, end); hit != npos) {
            m_hit = hit;
            return npos;
        }
        entryStart = false;
        p = std::max(end, p + 1);
    }
    return npos;
}

// A node starting at p (after indentation, "- ", "? " or "key: "). `owner` is the column of
// the key or sequence entry it belongs to: a block scalar's text is indented more than it.
Pos Scanner::node(Pos p, State &state, int owner) {
    while (p < m_line.size()) {
        while (p < m_line.size() && isSpace(m_line[p]))
            ++p;
        if (p >= m_line.size())
            return npos;
        const char c = m_line[p];
        const char next = p + 1 < m_line.size() ? m_line[p + 1] : '\0';
        if (c == '#')
            return npos;
        if (c == '{' && next == '{')
            return p;
        if ((c == '-' || c == '?') && (next == '\0' || isSpace(next))) {
            owner = int(p);
            ++p;
            continue;
        }
        if (c == '|' || c == '>') {
            state.blockParent = owner;
            return npos;
        }
        if (c == '&' || c == '!') {
            while (p < m_line.size() && !isSpace(m_line[p]))
                ++p;
            continue;
        }
        if (c == '"' || c == '\'') {
            const Pos end = quoted(p + 1, c, state);
            if (end == npos)
                return m_hit;
            p = end;
            while (p < m_line.size() && isSpace(m_line[p]))
                ++p;
            if (p < m_line.size() && m_line[p] == ':') {
                ++p; // a quoted key: its value follows
                continue;
            }
            return npos;
        }
        if (c == '[' || c == '{') {
            ++state.flowDepth;
            const Pos end = flow(p + 1, state);
            if (end == npos)
                return m_hit;
            p = end;
            while (p < m_line.size() && isSpace(m_line[p]))
                ++p;
            if (p < m_line.size() && m_line[p] == ':') {
                ++p;
                continue;
            }
            return npos;
        }
        // A plain scalar: a key when ": " (or a final ':') follows before a comment.
        Pos end = p;
        Pos colon = npos;
        while (end < m_line.size()) {
            if (m_line[end] == '#' && isSpace(m_line[end - 1]))
                break;
            if (m_line[end] == ':' && (end + 1 == m_line.size() || isSpace(m_line[end + 1]))) {
                colon = end;
                break;
            }
            ++end;
        }
        if (const Pos hit = plainText(p, end); hit != npos)
            return hit;
        if (colon == npos) {
            state.plainParent = owner;
            return npos;
        }
        owner = int(p);
        p = colon + 1;
    }
    return npos;
}

Pos Scanner::scan(State &state, int indent) {
    Pos p = Pos(indent);
    if (state.quote) {
        p = quoted(0, state.quote, state);
        if (p == npos)
            return m_hit;
        // What follows the closing quote is rare enough (a key's ": value") to read as a node.
        return node(p, state, indent - 1);
    }
    if (state.flowDepth > 0) {
        const Pos end = flow(0, state);
        if (end == npos)
            return m_hit;
        return node(end, state, indent - 1);
    }
    return node(p, state, indent - 1);
}

int characterColumn(std::string_view line, Pos bytes) {
    int column = 0;
    for (Pos i = 0; i < bytes && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

QString shortened(std::string_view line, Pos at) {
    std::string_view action = line.substr(at);
    const Pos close = action.find("}}");
    bool cut = close == npos;
    action = action.substr(0, close == npos ? npos : close + 2);
    if (action.size() > 80) {
        action = action.substr(0, 77);
        cut = true;
    }
    QString text = QString::fromUtf8(action.data(), qsizetype(action.size())).trimmed();
    if (cut)
        text += QStringLiteral("...");
    return text;
}

} // namespace

std::optional<TemplateAction> findTemplateAction(std::string_view text) {
    if (text.find("{{") == npos)
        return std::nullopt; // the common case: no action at all
    State state;
    int lineNumber = 0;
    for (Pos start = 0; start < text.size(); ++lineNumber) {
        Pos end = text.find('\n', start);
        if (end == npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);

        Pos indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const bool blank = line.find_first_not_of(" \t") == npos;
        if (blank)
            continue;
        if (state.blockParent >= 0) {
            if (int(indent) > state.blockParent)
                continue;
            state.blockParent = -1;
        }
        if (!state.quote && state.flowDepth == 0) {
            if (indent == 0 && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...")) {
                state = State();
                continue;
            }
            if (state.plainParent >= 0) {
                if (int(indent) > state.plainParent) {
                    // A plain value going on: text, unless the action is a template's.
                    for (Pos at = line.find("{{"); at != npos; at = line.find("{{", at + 2))
                        if (isGoTemplate(actionBody(line, at)))
                            return TemplateAction{lineNumber, characterColumn(line, at),
                                                  shortened(line, at)};
                    continue;
                }
                state.plainParent = -1;
            }
            if (line[indent] == '#')
                continue;
        }
        Scanner scanner(line);
        if (const Pos hit = scanner.scan(state, int(indent)); hit != npos)
            return TemplateAction{lineNumber, characterColumn(line, hit), shortened(line, hit)};
    }
    return std::nullopt;
}

} // namespace egret::yaml
