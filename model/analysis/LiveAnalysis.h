#pragma once

#include "model/analysis/Analysis.h"
#include "model/workspace/Workspace.h"

#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QWaitCondition>

#include <memory>

namespace egret {

// Validation and flow derivation for an editor, off its thread. Each request hands over a copy
// of the workspace (cheap: documents share their bytes and resources), so edits never wait for
// analysis. Requests that arrive while a run is in progress are coalesced: when it ends, only
// the latest runs, and a result that a newer request has made stale is dropped. The validator
// is kept between runs, so each run after the first re-checks only what changed.
class LiveAnalysis : public QObject {
    Q_OBJECT

public:
    enum class Stage { Idle, Checking, Deriving };
    Q_ENUM(Stage)

    explicit LiveAnalysis(QObject *parent = nullptr);
    ~LiveAnalysis() override; // waits for the run in progress

    // Takes effect at the next run, which then checks everything.
    void setOptions(const validation::ValidatorOptions &options);
    validation::ValidatorOptions options() const;

    // Analyzes `ws` as it is now; `generation` tells workspaces apart (see AnalysisResult).
    void request(const Workspace &ws, quint64 generation);
    // A run is in progress or waiting.
    bool isBusy() const;
    // Blocks until the latest request is analyzed and `finished` has been emitted for it (for
    // the command line and tests; the editor never waits).
    void waitForIdle();

Q_SIGNALS:
    // Emitted on this object's thread. The problems of a state come as soon as they are known
    // (its flows empty), then the whole result with the flows.
    void stageChanged(egret::LiveAnalysis::Stage stage);
    void problemsReady(const egret::AnalysisResult &result);
    void finished(const egret::AnalysisResult &result);

private:
    void run(); // on the worker thread: runs until nothing is pending
    void setStage(Stage stage);
    void deliver(AnalysisResult result, bool complete);

    mutable QMutex m_mutex;
    QWaitCondition m_idle;
    std::unique_ptr<Workspace> m_pending; // the latest request not yet started
    quint64 m_pendingGeneration = 0;
    bool m_running = false;
    bool m_undelivered = false; // a result is on its way to this thread
    bool m_stopping = false;
    validation::ValidatorOptions m_options;
    bool m_optionsChanged = false;

    std::unique_ptr<validation::Validator> m_validator; // used by the worker only
    QThreadPool m_pool;                                 // one thread: runs never overlap
};

} // namespace egret

Q_DECLARE_METATYPE(egret::AnalysisResult)
