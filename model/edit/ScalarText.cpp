#include "model/edit/ScalarText.h"

#include "model/yaml/Scalars.h"

namespace egret::edit::detail {

// The new scalar, quoted the way the old one was where its value allows.
std::optional<QByteArray> scalarText(const YAML::Node &value, char oldQuote, bool inFlow) {
    if (!value.IsDefined() || value.IsNull())
        return QByteArrayLiteral("null");
    if (!value.IsScalar())
        return std::nullopt;
    const std::string &text = value.Scalar();
    if (text.find('\n') != std::string::npos || text.find('\r') != std::string::npos)
        return std::nullopt;
    if (value.Tag() == "?") {
        if (inFlow && !yaml::canBePlainString(text, true) && !yaml::plainIsNonString(text))
            return std::nullopt;
        return QByteArray::fromStdString(text);
    }
    if (oldQuote == '\'') {
        for (unsigned char c : text)
            if (c < 0x20 || c == 0x7F)
                return QByteArray::fromStdString(yaml::doubleQuoted(text));
        QByteArray q = QByteArray::fromStdString(text);
        q.replace('\'', "''");
        return '\'' + q + '\'';
    }
    if (oldQuote != '"' && yaml::canBePlainString(text, inFlow))
        return QByteArray::fromStdString(text);
    return QByteArray::fromStdString(yaml::doubleQuoted(text));
}

// Where the scalar starting at `pos` ends on its line, or -1 when it does not end there.
qsizetype scalarEnd(const QByteArray &text, qsizetype pos, qsizetype lineEnd, bool inFlow) {
    const char quote = text[pos];
    if (quote == '"' || quote == '\'') {
        for (qsizetype i = pos + 1; i < lineEnd; ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i;
            } else if (text[i] == quote) {
                if (quote == '\'' && i + 1 < lineEnd && text[i + 1] == '\'')
                    ++i;
                else
                    return i + 1;
            }
        }
        return -1;
    }
    qsizetype end = lineEnd;
    for (qsizetype i = pos; i < lineEnd; ++i) {
        const char c = text[i];
        if (c == '#' && i > pos && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            end = i;
            break;
        }
        const bool keyEnds =
            c == ':' && (i + 1 >= lineEnd || text[i + 1] == ' ' || text[i + 1] == ',' ||
                         text[i + 1] == ']' || text[i + 1] == '}');
        if (inFlow && (c == ',' || c == ']' || c == '}' || keyEnds)) {
            end = i;
            break;
        }
    }
    while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return end;
}

} // namespace egret::edit::detail
