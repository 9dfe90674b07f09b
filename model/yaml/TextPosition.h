#pragma once

#include <yaml-cpp/mark.h>

namespace egret::yaml {

// 0-based line and column inside a document's text.
struct TextPosition {
    int line = 0;
    int column = 0;
};

// Where yaml-cpp says a node is; the document's start when it does not know.
inline TextPosition textPosition(const YAML::Mark &mark) {
    return mark.is_null() ? TextPosition{} : TextPosition{mark.line, mark.column};
}

} // namespace egret::yaml
