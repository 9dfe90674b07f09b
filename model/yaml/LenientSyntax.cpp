#include "model/yaml/LenientSyntax.h"

#include "model/yaml/Utf8.h"

#include <yaml-cpp/yaml.h>

namespace egret::yaml {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool blank(char c) {
    return c == ' ' || c == '\t';
}

bool lineEnd(std::string_view text, std::size_t i) {
    return i >= text.size() || text[i] == '\n' || text[i] == '\r';
}

std::size_t columnOf(std::string_view text, std::size_t pos) {
    const std::size_t br = pos == 0 ? npos : text.find_last_of("\n\r", pos - 1);
    return br == npos ? pos : pos - br - 1;
}

bool property(char c) {
    return c == '&' || c == '!';
}

// `? key`: an explicit key, whose `: value` may start at the `?`'s column on the next line.
bool explicitKey(std::string_view text, std::size_t key) {
    while (key > 0 && blank(text[key - 1]))
        --key;
    return key > 0 && text[key - 1] == '?';
}

// The line holds only node properties (anchors `&a`, tags `!t`) or an alias `*a`, and perhaps a
// comment.
bool onlyProperties(std::string_view text, std::size_t i) {
    while (i < text.size() && (property(text[i]) || text[i] == '*')) {
        while (!lineEnd(text, i) && !blank(text[i]))
            ++i;
        while (i < text.size() && blank(text[i]))
            ++i;
    }
    return lineEnd(text, i) || text[i] == '#';
}

// Just past the ':' that ends the key starting at `pos`, on the key's line; npos if none.
std::size_t pastColon(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    if (const char quote = text[i]; quote == '"' || quote == '\'') {
        for (++i; !lineEnd(text, i); ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i; // the escaped character
            } else if (text[i] == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i; // '' stands for one quote
                    continue;
                }
                ++i;
                break;
            }
        }
    }
    while (!lineEnd(text, i) && !(text[i] == ':' && (lineEnd(text, i + 1) || blank(text[i + 1]))))
        ++i;
    return lineEnd(text, i) ? npos : i + 1;
}

// The first token of the value after `from` (properties included) that stands on a later line
// no deeper than `keyColumn`; npos when the value's tokens all stand right of the key.
std::size_t outdentedToken(std::string_view text, std::size_t from, std::size_t keyColumn) {
    bool laterLine = false;
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            laterLine = true;
        } else if (c == '#') {
            while (!lineEnd(text, i + 1))
                ++i;
        } else if (!blank(c)) {
            if (laterLine && columnOf(text, i) <= keyColumn)
                return i;
            if (!property(c))
                return npos; // the content: the value starts here
            while (!lineEnd(text, i + 1) && !blank(text[i + 1]))
                ++i;
        }
    }
    return npos;
}

NotYaml at(std::string_view text, std::size_t offset, const QString &message) {
    NotYaml out;
    int line = 0, column = 0;
    lineColumnAt(text.data(), qsizetype(offset), &line, &column);
    out.at.pos = int(offset);
    out.at.line = line - 1;
    out.at.column = column - 1;
    out.message = message;
    return out;
}

QString keyText(const YAML::Node &key) {
    return key.IsScalar()
               ? QStringLiteral("\"%1\"").arg(QString::fromStdString(key.Scalar()).left(60))
               : QStringLiteral("this line");
}

} // namespace

std::optional<NotYaml> notYaml(std::string_view text, const YAML::Node &map, const YAML::Node &key,
                               const YAML::Node &value) {
    // In a flow mapping `{a, b: c}` a key without a value is valid YAML.
    if (map.Style() == YAML::EmitterStyle::Flow)
        return std::nullopt;
    const YAML::Mark km = key.Mark();
    const YAML::Mark vm = value.Mark();
    if (km.is_null() || vm.is_null() || km.pos < 0 || vm.pos < 0 ||
        std::size_t(km.pos) >= text.size() || std::size_t(vm.pos) >= text.size())
        return std::nullopt;
    const std::size_t keyPos = std::size_t(km.pos);

    // yaml-cpp gives the null value of a key that has no ':' the key's own position; an entry
    // written with a ':' never has it.
    if (value.IsNull() && vm.pos == km.pos && key.IsScalar() &&
        key.Scalar().find('\r') != std::string::npos)
        return at(
            text, keyPos,
            QStringLiteral("malformed YAML: a carriage return without a line feed; Egret reads "
                           "line ends written \\n or \\r\\n"));
    if (value.IsNull() && vm.pos == km.pos)
        return at(text, keyPos,
                  QStringLiteral("malformed YAML: %1 stands where a mapping key belongs, "
                                 "but no ':' follows it")
                      .arg(keyText(key)));
    if (explicitKey(text, keyPos))
        return std::nullopt;

    const auto deeper = [&] {
        return QStringLiteral(
                   "malformed YAML: the value of %1 must be indented deeper than its key")
            .arg(keyText(key));
    };
    const std::size_t keyColumn = columnOf(text, keyPos);
    const std::size_t colon = pastColon(text, keyPos);
    const std::size_t pos = colon == npos ? npos : outdentedToken(text, colon, keyColumn);
    if (pos == npos)
        return std::nullopt;
    if (value.IsNull() || (value.IsScalar() && value.Scalar().empty())) {
        // After an empty value the next token is the next key, which stands no deeper; only
        // properties or an alias alone on that line would belong to this value.
        const bool own = (property(text[pos]) || text[pos] == '*') && onlyProperties(text, pos);
        return own ? std::optional(at(text, pos, deeper())) : std::nullopt;
    }
    const bool atKeyColumn = columnOf(text, pos) == keyColumn;
    if (atKeyColumn && text[pos] == '-' && value.IsSequence())
        return std::nullopt; // `key:\n- item`, a block sequence at its key's column
    if (atKeyColumn && (text[pos] == '|' || text[pos] == '>'))
        return std::nullopt; // `key:\n|\n  text`: not YAML 1.2, but Go's parser accepts it
    return at(text, pos, deeper());
}

namespace {

bool flowEnd(char c) {
    return c == ',' || c == ']' || c == '}';
}

QString quoted(std::string_view t) {
    return QStringLiteral("\"%1\"").arg(QString::fromUtf8(t.data(), qsizetype(t.size())));
}

} // namespace

std::optional<NotYaml> flowScalarDiffers(std::string_view text, const YAML::Node &scalar,
                                         bool inFlow) {
    if (!scalar.IsScalar() || scalar.Tag() != "?")
        return std::nullopt; // quoted, or tagged: read alike
    const YAML::Mark m = scalar.Mark();
    const std::string &value = scalar.Scalar();
    if (m.is_null() || m.pos < 0 || value.empty())
        return std::nullopt;
    const std::size_t pos = std::size_t(m.pos);
    if (text.substr(pos, value.size()) != value)
        return std::nullopt; // folded over lines: not the shapes below
    const std::size_t after = pos + value.size();
    if (after + 1 < text.size() && text[after] == ':' && flowEnd(text[after + 1])) {
        const std::string_view written = text.substr(pos, value.size() + 1);
        return at(text, pos,
                  QStringLiteral("kubectl reads %1 as one string, but YAML 1.2 (and Egret) "
                                 "reads a key %2 without a value; quote it: '%3'")
                      .arg(quoted(written), quoted(value),
                           QString::fromUtf8(written.data(), qsizetype(written.size()))));
    }
    if (inFlow && value.front() == ':')
        return at(text, pos,
                  QStringLiteral("kubectl cannot read a plain value that starts with ':' inside "
                                 "[ ] or { } (Egret reads %1); quote it")
                      .arg(quoted(value)));
    return std::nullopt;
}

QString flowColonHint(std::string_view text, int line) {
    std::size_t start = 0;
    for (int i = 0; i < line && start != npos; ++i) {
        start = text.find('\n', start);
        if (start != npos)
            ++start;
    }
    if (start == npos)
        return {};
    const std::size_t end = text.find('\n', start);
    const std::string_view l = text.substr(start, end == npos ? npos : end - start);
    for (std::size_t i = 1; i + 1 < l.size(); ++i) {
        const char before = l[i - 1];
        if (l[i] == ':' && flowEnd(l[i + 1]) && !blank(before) && !flowEnd(before) &&
            before != '[' && before != '{' && before != '"' && before != '\'') {
            std::size_t word = i;
            while (word > 0 && !blank(l[word - 1]) && !flowEnd(l[word - 1]) && l[word - 1] != '[' &&
                   l[word - 1] != '{')
                --word;
            return QStringLiteral("; kubectl reads %1 inside [ ] or { } as a string ending in "
                                  "':', which YAML 1.2 does not: quote it")
                .arg(quoted(l.substr(word, i + 1 - word)));
        }
    }
    return {};
}

} // namespace egret::yaml
