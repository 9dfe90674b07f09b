#pragma once

#include <string>
#include <string_view>

namespace egret::yaml {

// True when a plain (unquoted) scalar with this text would be read as something other than a
// string by YAML 1.2 core or by YAML 1.1 (which kubectl's go-yaml still follows): null, booleans
// including yes/no/on/off, numbers in any base, .inf/.nan, dates, the merge key.
bool plainIsNonString(std::string_view text);

// True when the text can be written as a plain scalar and read back as the same string.
// Inside a flow collection ([a, b]) the rules are stricter.
bool canBePlainString(std::string_view text, bool inFlow = false);

// The text as a double-quoted YAML scalar, with escapes.
std::string doubleQuoted(std::string_view text);

} // namespace egret::yaml

namespace egret::yaml {

// What a plain scalar means to kubectl (go-yaml, YAML 1.1 resolution), for type checks.
enum class PlainType { Null, Bool, Int, Float, Timestamp, String };
PlainType resolvePlain(std::string_view text);

} // namespace egret::yaml
