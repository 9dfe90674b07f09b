#include "model/decode/HelmTemplates.h"

#include "model/decode/DocumentParser.h"
#include "model/yaml/TemplateActions.h"

#include <QDir>
#include <QFileInfo>

namespace egret {

std::optional<Diagnostic> templateProblem(const QByteArray &text, const QString &file,
                                          int firstLine) {
    const auto action =
        yaml::findTemplateAction(std::string_view(text.constData(), std::size_t(text.size())));
    if (!action)
        return std::nullopt;
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = codes::Template;
    d.location = {file, firstLine + action->line + 1, action->column + 1};
    d.message = QStringLiteral("a Helm template (Go template actions such as \"%1\"): render it "
                               "with helm template and open the output; Egret does not read "
                               "its documents")
                    .arg(action->text);
    return d;
}

QString chartOfTemplate(const QString &path) {
    // templates/ may hold folders of its own: any ancestor named templates counts. The chart is
    // named as the path names it, so that messages show what the user typed.
    const QStringList parts = QDir::cleanPath(path).split(QLatin1Char('/'));
    for (qsizetype i = parts.size() - 2; i >= 0; --i) {
        if (parts[i] != QLatin1String("templates"))
            continue;
        const QString chart = i == 0 ? QStringLiteral(".") : parts.mid(0, i).join(QLatin1Char('/'));
        if (QFileInfo::exists(chart + QStringLiteral("/Chart.yaml")))
            return chart;
    }
    return {};
}

Diagnostic chartTemplateProblem(const QString &file, const QString &chart) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = codes::Template;
    d.location = {file, 1, 1};
    d.message = QStringLiteral("a Helm template of the chart in %1 (its templates/ folder): "
                               "render it with helm template and open the output; Egret does "
                               "not read its documents")
                    .arg(QDir::toNativeSeparators(QDir::cleanPath(chart)));
    return d;
}

} // namespace egret
