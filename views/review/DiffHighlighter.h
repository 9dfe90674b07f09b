#pragma once

#include "views/panels/YamlHighlighter.h"

namespace egret::views {

// Colours a unified diff of YAML: the YAML of every line as the YAML editor colours it, added
// lines on green, removed lines on red, hunk headers and file names apart.
class DiffHighlighter : public YamlHighlighter {
    Q_OBJECT

public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_hunk;
    QTextCharFormat m_file;
};

} // namespace egret::views
