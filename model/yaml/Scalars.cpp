#include "model/yaml/Scalars.h"

#include <array>
#include <cstdio>

namespace egret::yaml {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool oneOf(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words)
        if (text == w)
            return true;
    return false;
}

// YAML 1.1 base-60 numbers ("1:30"), which some YAML 1.1 readers still resolve.
bool looksSexagesimal(std::string_view t) {
    std::size_t i = (!t.empty() && (t[0] == '+' || t[0] == '-')) ? 1 : 0;
    if (i >= t.size() || !isDigit(t[i]))
        return false;
    bool colon = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == ':')
            colon = true;
        else if (!isDigit(c) && c != '_' && c != '.')
            return false;
    }
    return colon;
}

} // namespace

// YAML 1.1's float pattern is laxer than the 1.2 one some readers use: "." and "1." count.
static bool looksLaxFloat(std::string_view t) {
    std::size_t i = (!t.empty() && (t[0] == '+' || t[0] == '-')) ? 1 : 0;
    while (i < t.size() && (isDigit(t[i]) || t[i] == '_'))
        ++i;
    if (i >= t.size() || t[i] != '.')
        return false;
    ++i;
    while (i < t.size() && (isDigit(t[i]) || t[i] == '_'))
        ++i;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        while (i < t.size() && isDigit(t[i]))
            ++i;
    }
    return i == t.size();
}

bool plainIsNonString(std::string_view t) {
    return resolvePlain(t) != PlainType::String || looksSexagesimal(t) || looksLaxFloat(t) ||
           t == "<<" || t == "=";
}

bool canBePlainString(std::string_view t, bool inFlow) {
    if (t.empty() || plainIsNonString(t))
        return false;
    const char first = t.front();
    const char last = t.back();
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t' || last == ':')
        return false;
    // Indicators that start something else than a plain scalar.
    static constexpr std::string_view indicators = "?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(first) != std::string_view::npos)
        return false;
    if (first == '-' && (t.size() == 1 || t[1] == ' ' || t[1] == '-'))
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 || c == 0x7F)
            return false; // control characters, tabs and line breaks need escapes
        if (c == ':' && i + 1 < t.size() && (t[i + 1] == ' ' || (inFlow && t[i + 1] == ',')))
            return false;
        if (c == '#' && t[i - 1] == ' ')
            return false;
        // yaml-cpp also ends a plain scalar inside a flow collection at '?'.
        if (inFlow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'))
            return false;
    }
    // U+FEFF and the Unicode line separators would be misread.
    if (t.find("\xEF\xBB\xBF") != std::string_view::npos ||
        t.find("\xE2\x80\xA8") != std::string_view::npos ||
        t.find("\xE2\x80\xA9") != std::string_view::npos ||
        t.find("\xC2\x85") != std::string_view::npos)
        return false;
    return true;
}

std::string doubleQuoted(std::string_view t) {
    std::string out;
    out.reserve(t.size() + 2);
    out += '"';
    for (char ch : t) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case 0:
            out += "\\0";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace egret::yaml

namespace egret::yaml {

namespace {

bool allDigits(std::string_view t, int base) {
    if (t.empty())
        return false;
    for (char c : t) {
        const bool ok = base == 2   ? (c == '0' || c == '1')
                        : base == 8 ? (c >= '0' && c <= '7')
                        : base == 10
                            ? isDigit(c)
                            : (isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (!ok)
            return false;
    }
    return true;
}

bool isYamlInt(std::string_view t) {
    std::string s;
    for (char c : t)
        if (c != '_')
            s += c;
    std::string_view v = s;
    if (!v.empty() && (v[0] == '+' || v[0] == '-'))
        v.remove_prefix(1);
    if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
        return allDigits(v.substr(2), 16);
    if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'O'))
        return allDigits(v.substr(2), 8);
    if (v.size() > 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'B'))
        return allDigits(v.substr(2), 2);
    return allDigits(v, 10);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool isYamlFloat(std::string_view t) {
    std::size_t i = 0;
    const std::size_t n = t.size();
    if (i < n && (t[i] == '+' || t[i] == '-'))
        ++i;
    std::size_t intDigits = 0;
    while (i < n && (isDigit(t[i]) || t[i] == '_'))
        ++i, ++intDigits;
    std::size_t fracDigits = 0;
    if (i < n && t[i] == '.') {
        ++i;
        while (i < n && (isDigit(t[i]) || t[i] == '_'))
            ++i, ++fracDigits;
    }
    if (intDigits == 0 && fracDigits == 0)
        return false;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        std::size_t expDigits = 0;
        while (i < n && isDigit(t[i]))
            ++i, ++expDigits;
        if (expDigits == 0)
            return false;
    }
    return i == n;
}

bool isTimestamp(std::string_view t) {
    // What go-yaml v2 (kubectl) parses as a timestamp: one of the layouts 2006-1-2,
    // 2006-1-2 15:4:5.999999999 and 2006-1-2T15:4:5.999999999Z07:00 (T or t, and a zone), with
    // fields in range. Anything else stays a string.
    std::size_t i = 0;
    auto number = [&](std::size_t min, std::size_t max, int low, int high) {
        std::size_t k = 0;
        int value = 0;
        while (i < t.size() && isDigit(t[i]) && k < max)
            value = value * 10 + (t[i++] - '0'), ++k;
        return k >= min && value >= low && value <= high;
    };
    auto expect = [&](char c) { return i < t.size() && t[i++] == c; };
    if (!number(4, 4, 0, 9999) || !expect('-') || !number(1, 2, 1, 12) || !expect('-') ||
        !number(1, 2, 1, 31))
        return false;
    if (i == t.size())
        return true;
    const char separator = t[i++];
    if (separator != 'T' && separator != 't' && separator != ' ')
        return false;
    if (!number(1, 2, 0, 23) || !expect(':') || !number(1, 2, 0, 59) || !expect(':') ||
        !number(1, 2, 0, 59))
        return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!number(1, 9, 0, 999999999))
            return false;
    }
    if (separator == ' ')
        return i == t.size();
    if (i < t.size() && t[i] == 'Z')
        return ++i == t.size();
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        ++i;
        return number(2, 2, 0, 23) && expect(':') && number(2, 2, 0, 59) && i == t.size();
    }
    return false;
}

} // namespace

PlainType resolvePlain(std::string_view t) {
    if (oneOf(t, {"", "~", "null", "Null", "NULL"}))
        return PlainType::Null;
    if (oneOf(t,
              {"true", "True", "TRUE", "false", "False", "FALSE", "y",  "Y",  "yes", "Yes", "YES",
               "n",    "N",    "no",   "No",    "NO",    "on",    "On", "ON", "off", "Off", "OFF"}))
        return PlainType::Bool;
    if (oneOf(t, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
                  ".nan", ".NaN", ".NAN"}))
        return PlainType::Float;
    if (isYamlInt(t))
        return PlainType::Int;
    if (isYamlFloat(t))
        return PlainType::Float;
    if (isTimestamp(t))
        return PlainType::Timestamp;
    return PlainType::String;
}

} // namespace egret::yaml
