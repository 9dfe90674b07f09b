#pragma once

#include <yaml-cpp/yaml.h>

#include <QByteArray>

#include <optional>

namespace egret::edit::detail {

// A new scalar written as one line of YAML, quoted the way the old one was (`oldQuote` is
// '"', '\'' or 0 for plain) where its value allows; nothing for multi-line values.
std::optional<QByteArray> scalarText(const YAML::Node &value, char oldQuote, bool inFlow);

// Where the scalar starting at `pos` ends before `lineEnd`, or -1 when it does not end there
// (a quoted scalar continued on the next line). Plain scalars end before a comment, and inside
// a flow collection before `,`, `]`, `}` or the `:` after a key.
qsizetype scalarEnd(const QByteArray &text, qsizetype pos, qsizetype lineEnd, bool inFlow);

} // namespace egret::edit::detail
