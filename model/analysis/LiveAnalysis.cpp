#include "model/analysis/LiveAnalysis.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace egret {

LiveAnalysis::LiveAnalysis(QObject *parent)
    : QObject(parent)
    , m_validator(std::make_unique<validation::Validator>()) {
    qRegisterMetaType<AnalysisResult>();
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("egret-analysis"));
}

LiveAnalysis::~LiveAnalysis() {
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_pending.reset();
    }
    m_pool.waitForDone();
}

void LiveAnalysis::setOptions(const validation::ValidatorOptions &options) {
    QMutexLocker lock(&m_mutex);
    m_options = options;
    m_optionsChanged = true;
}

validation::ValidatorOptions LiveAnalysis::options() const {
    QMutexLocker lock(&m_mutex);
    return m_options;
}

void LiveAnalysis::request(const Workspace &ws, quint64 generation) {
    QMutexLocker lock(&m_mutex);
    m_pending = std::make_unique<Workspace>(ws);
    m_pendingGeneration = generation;
    if (m_running)
        return; // the worker takes it when its run ends
    m_running = true;
    m_pool.start([this] { run(); });
}

bool LiveAnalysis::isBusy() const {
    QMutexLocker lock(&m_mutex);
    return m_running || m_pending || m_undelivered;
}

void LiveAnalysis::setStage(Stage stage) {
    QMetaObject::invokeMethod(
        this, [this, stage] { Q_EMIT stageChanged(stage); }, Qt::QueuedConnection);
}

void LiveAnalysis::run() {
    for (;;) {
        std::unique_ptr<Workspace> ws;
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_pending || m_stopping) {
                m_running = false;
                m_idle.wakeAll();
                return;
            }
            ws = std::move(m_pending);
            generation = m_pendingGeneration;
            if (m_optionsChanged) {
                m_validator->setOptions(m_options);
                m_optionsChanged = false;
            }
        }
        setStage(Stage::Checking);
        AnalysisResult result;
        result.generation = generation;
        result.revision = ws->revision();
        QElapsedTimer t;
        t.start();
        result.problems = problemsOf(*m_validator, *ws, &result.stats);
        result.validateNs = t.nsecsElapsed();
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending || m_stopping)
                continue; // stale already: the validator is up to date, skip the flows
            // Problems need not wait for the flows.
            deliver(result, false);
        }
        setStage(Stage::Deriving);
        t.restart();
        result.flows = flowsOf(*ws, m_validator->options().mesh, result.problems);
        result.deriveNs = t.nsecsElapsed();
        QMutexLocker lock(&m_mutex);
        if (m_pending || m_stopping)
            continue; // a newer request makes this one stale
        // Nothing else to do: idle from now on, as the result is on its way.
        m_running = false;
        deliver(std::move(result), true);
        m_idle.wakeAll();
        return;
    }
}

void LiveAnalysis::deliver(AnalysisResult result, bool complete) {
    // Called with the mutex held.
    m_undelivered = true;
    QMetaObject::invokeMethod(
        this,
        [this, complete, result = std::move(result)] {
            if (!complete) {
                Q_EMIT problemsReady(result);
                return;
            }
            {
                QMutexLocker lock(&m_mutex);
                m_undelivered = false;
            }
            Q_EMIT finished(result);
            if (!isBusy())
                Q_EMIT stageChanged(Stage::Idle);
        },
        Qt::QueuedConnection);
}

void LiveAnalysis::waitForIdle() {
    {
        QMutexLocker lock(&m_mutex);
        while (m_running)
            m_idle.wait(&m_mutex);
    }
    // Deliver what the worker posted (the result, stage changes) before returning.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

} // namespace egret
