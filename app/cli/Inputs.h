#pragma once

#include "model/io/RenderedInputs.h"
#include "model/workspace/Workspace.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace egret::cli {

// --render and --release: how the commands that read inputs (export, validate, graph) read a
// folder that holds a kustomization or a Helm chart.
struct RenderFlags {
    QCommandLineOption render{
        QStringLiteral("render"),
        QStringLiteral("Read a folder that holds a kustomization (kustomization.yaml) through "
                       "`kubectl kustomize DIR`, and a Helm chart (Chart.yaml) through `helm "
                       "template RELEASE DIR` (-n NS as its --namespace): their output, named "
                       "\"DIR (kubectl kustomize)\", is read-only. Other inputs are read as "
                       "they are.")};
    QCommandLineOption release{QStringLiteral("release"),
                               QStringLiteral("With --render, the Helm release name (default: "
                                              "the chart folder's name)."),
                               QStringLiteral("NAME")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({render, release}); }
    InputOptions read(const QCommandLineParser &parser, const QString &ns) const;
};

// Reads the files and folders named on a command line ("-" is standard input), rendering
// folders as `inputs` says. Prints and returns false when something could not be read at all
// (a missing or unreadable file, a renderer that failed).
bool loadInputs(const QStringList &paths, const QString &defaultNamespace, Workspace *out,
                const InputOptions &inputs = {});

} // namespace egret::cli
