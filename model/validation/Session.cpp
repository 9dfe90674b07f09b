#include "model/validation/Session.h"

#include "model/core/Parallel.h"
#include "model/mesh/Installation.h"
#include "model/validation/Rule.h"
#include "model/yaml/FieldLocator.h"

#include <QThread>

#include <algorithm>

namespace egret::validation {

namespace {

// Istio's analysis drops objects in these namespaces.
bool ignoredNamespace(const QString &ns) {
    return ns == QLatin1String("kube-system") || ns == QLatin1String("kube-public") ||
           ns == QLatin1String("kube-node-lease") || ns == QLatin1String("local-path-storage");
}

// Assumed resources get document ids from the top of the range; a workspace never gets there.
constexpr DocumentId kAssumedBase = 0xFFFF0000u;
// Below this many resources to analyze, threads cost more than they save.
constexpr int kParallelThreshold = 256;

} // namespace

void Session::configure() {
    rules.clear();
    for (const Rule *r : allRules())
        if (options.rules.isEmpty() || options.rules.contains(QLatin1String(r->name)))
            rules << r;
    tableMasks.clear();
    keptKinds.clear();
    for (QVector<int> &list : rulesBySubject)
        list.clear();
    for (int i = 0; i < rules.size(); ++i) {
        tableMasks << tableMask(*rules[i]);
        for (Kind k : rules[i]->inputs)
            keptKinds.insert(k);
        for (Kind k : rules[i]->subjects) {
            if (k == Kind::Pod) {
                for (Kind w : {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet, Kind::Pod})
                    rulesBySubject[size_t(w)] << i;
            } else {
                rulesBySubject[size_t(k)] << i;
            }
        }
    }
}

bool Session::keeps(const Resource &r) const {
    const Kind k = isWorkloadKind(r.kind) ? Kind::Pod : r.kind;
    return keptKinds.contains(k) && r.wellFormed && !ignoredNamespace(r.ns);
}

void Session::snapshot(const SourceDocument &doc, DocState &state) {
    state.text = doc.text;
    state.firstLine = doc.firstLine;
    state.resources.clear();
    state.shapesInstallation = false;
    for (const Resource &r : doc.resources)
        state.shapesInstallation = state.shapesInstallation || shapesInstallation(r.kind);
    for (const Resource &r : doc.resources)
        if (keeps(r))
            state.resources.push_back(std::make_unique<Resource>(r));
}

UnitResult Session::analyze(const Resource &r, MemoStore &memos) const {
    UnitResult out;
    for (int rule : rulesBySubject[size_t(r.kind)]) {
        Context ctx(index, *rules[rule], tableMasks[rule], r, env, &memos);
        rules[rule]->analyze(ctx);
        out.deps += ctx.takeDependencies();
        for (Finding &f : ctx.takeFindings()) {
            out.findings.append({std::move(f), false, {}});
            position(r, out.findings.last());
        }
        ++out.checks;
    }
    std::sort(out.deps.begin(), out.deps.end());
    out.deps.erase(std::unique(out.deps.begin(), out.deps.end()), out.deps.end());
    return out;
}

QVector<UnitResult> Session::analyzeAll(const QVector<const Resource *> &subjects) const {
    QVector<UnitResult> results(subjects.size());
    UnitResult *out = results.data();
    const int threads =
        subjects.size() < kParallelThreshold ? 1 : std::clamp(QThread::idealThreadCount(), 1, 16);
    // Memos are per thread: they are only valid while the tables stand still.
    parallelFor<MemoStore>(subjects.size(), {threads, 32}, [&](qsizetype i, MemoStore &memos) {
        out[i] = analyze(*subjects[i], memos);
    });
    return results;
}

int Session::allocateUnit(const Resource &r) {
    int u;
    if (!freeUnits.empty()) {
        u = freeUnits.back();
        freeUnits.pop_back();
    } else {
        u = int(units.size());
        units.emplace_back();
    }
    units[size_t(u)].subject = &r;
    unitOf.insert(r.id, u);
    return u;
}

void Session::releaseUnit(int u) {
    Unit &unit = units[size_t(u)];
    liveEdges -= size_t(unit.deps.size());
    unit.subject = nullptr;
    ++unit.generation;
    unit.deps.clear();
    unit.findings.clear();
    freeUnits.push_back(u);
}

void Session::store(int u, UnitResult &&result) {
    Unit &unit = units[size_t(u)];
    liveEdges -= size_t(unit.deps.size());
    ++unit.generation;
    unit.deps = std::move(result.deps);
    unit.findings = std::move(result.findings);
    readers.add(u, unit.generation, unit.deps);
    liveEdges += size_t(unit.deps.size());
}

int Session::run(const QVector<int> &unitIds) {
    QVector<const Resource *> subjects;
    subjects.reserve(unitIds.size());
    for (int u : unitIds)
        subjects << units[size_t(u)].subject;
    QVector<UnitResult> results = analyzeAll(subjects);
    int checks = 0;
    for (qsizetype i = 0; i < unitIds.size(); ++i) {
        checks += results[i].checks;
        store(unitIds[i], std::move(results[i]));
    }
    // Old generations' reads pile up as units run again; drop them now and then.
    if (readers.edges() > 2 * liveEdges + 4096)
        readers.compact([this](int u, quint32 g) {
            return units[size_t(u)].subject && units[size_t(u)].generation == g;
        });
    return checks;
}

QVector<Resource> Session::computeAssumed(const Workspace &ws, MeshConfig *mesh) const {
    const Installation installation = resolveInstallation(ws, options.mesh, options.assumeGateways);
    if (mesh)
        *mesh = installation.mesh;
    QVector<Resource> out;
    for (const Resource &r : gatewayResources(installation))
        if (keeps(r))
            out << r;
    return out;
}

namespace {

bool samePorts(const Service &a, const Service &b) {
    if (a.ports.size() != b.ports.size())
        return false;
    for (qsizetype i = 0; i < a.ports.size(); ++i)
        if (a.ports[i].port != b.ports[i].port ||
            a.ports[i].targetPortNumber != b.ports[i].targetPortNumber ||
            a.ports[i].name != b.ports[i].name)
            return false;
    return true;
}

} // namespace

// What the installation's gateways and the mesh config depend on (mesh/Installation): gateway
// workloads and Services, the installation documents, and the routes and Gateways gateways are
// inferred from.
bool Session::shapesInstallation(Kind k) {
    return isWorkloadKind(k) || isInstallationKind(k) || k == Kind::Service ||
           k == Kind::VirtualService || k == Kind::Gateway;
}

bool Session::sameMesh(const MeshConfig &a, const MeshConfig &b) {
    return a.outboundTrafficPolicyMode == b.outboundTrafficPolicyMode &&
           a.rootNamespace == b.rootNamespace &&
           a.ingressControllerMode == b.ingressControllerMode &&
           a.ingressService == b.ingressService && a.proxyMetadata == b.proxyMetadata;
}

bool Session::sameAssumed(const QVector<Resource> &a,
                          const std::vector<std::unique_ptr<Resource>> &b) {
    if (size_t(a.size()) != b.size())
        return false;
    for (size_t i = 0; i < b.size(); ++i)
        if (a[qsizetype(i)].ref() != b[i]->ref() ||
            a[qsizetype(i)].installedBecause != b[i]->installedBecause ||
            a[qsizetype(i)].meta.labels != b[i]->meta.labels ||
            (a[qsizetype(i)].as<Service>() &&
             !samePorts(*a[qsizetype(i)].as<Service>(), *b[i]->as<Service>())))
            return false;
    return true;
}

void Session::setAssumed(const QVector<Resource> &list, Changes *changes) {
    for (const auto &r : assumed)
        index.apply(*r, -1, changes);
    assumed.clear();
    // Fresh ids each time: a gateway whose ports changed files itself anew, so that the change
    // reaches the rules that read it rather than cancelling out as the same filing.
    DocumentId &next = nextAssumedId;
    if (next < kAssumedBase || next > kAssumedBase + 0xF000u)
        next = kAssumedBase;
    for (const Resource &r : list) {
        auto copy = std::make_unique<Resource>(r);
        copy->id = {next++, -1};
        index.apply(*copy, +1, changes);
        assumed.push_back(std::move(copy));
    }
}

UpdateStats Session::full(const Workspace &ws) {
    UpdateStats stats;
    stats.full = true;
    const QVector<Resource> gateways = computeAssumed(ws, &env.mesh);
    env.now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    docs.clear();
    assumed.clear();
    index.clear();
    units.clear();
    freeUnits.clear();
    unitOf.clear();
    readers.clear();
    liveEdges = 0;
    defaultNamespace = ws.parseOptions().defaultNamespace;
    ++stamp;
    QVector<int> toRun;
    for (const SourceFile &file : ws.files()) {
        for (DocumentId id : file.documents) {
            DocState &state = docs[id];
            snapshot(*ws.document(id), state);
            state.seen = stamp;
            for (const auto &r : state.resources) {
                index.apply(*r, +1, nullptr);
                if (analyzed(*r))
                    toRun << allocateUnit(*r);
            }
            ++stats.documentsChanged;
        }
    }
    setAssumed(gateways, nullptr);
    stats.checksRun = run(toRun);
    initialized = true;
    return stats;
}

UpdateStats Session::incremental(const Workspace &ws) {
    UpdateStats stats;
    ++stamp;
    QVector<DocumentId> changed;
    for (const SourceFile &file : ws.files()) {
        for (DocumentId id : file.documents) {
            const SourceDocument *doc = ws.document(id);
            auto it = docs.find(id);
            if (it == docs.end()) {
                changed << id;
            } else {
                it->second.seen = stamp;
                if (it->second.text.constData() != doc->text.constData() ||
                    it->second.text.size() != doc->text.size())
                    changed << id;
            }
        }
    }
    QVector<DocumentId> removed;
    for (const auto &[id, state] : docs)
        if (state.seen != stamp)
            removed << id;
    stats.documentsChanged = int(changed.size() + removed.size());
    if (stats.documentsChanged == 0)
        return stats;

    Changes changes;
    bool installationChanged = false;
    auto unfile = [&](DocumentId id) {
        auto it = docs.find(id);
        if (it == docs.end())
            return;
        for (const auto &r : it->second.resources) {
            index.apply(*r, -1, &changes);
            if (const auto u = unitOf.constFind(r->id); u != unitOf.cend()) {
                releaseUnit(u.value());
                unitOf.erase(u);
            }
        }
        installationChanged = installationChanged || it->second.shapesInstallation;
        it->second.resources.clear();
    };
    for (DocumentId id : removed) {
        unfile(id);
        docs.erase(id);
    }
    QSet<int> dirty;
    for (DocumentId id : changed) {
        unfile(id);
        DocState &state = docs[id];
        snapshot(*ws.document(id), state);
        state.seen = stamp;
        for (const auto &r : state.resources) {
            index.apply(*r, +1, &changes);
            if (analyzed(*r))
                dirty.insert(allocateUnit(*r));
        }
        installationChanged = installationChanged || state.shapesInstallation;
    }
    if (installationChanged) {
        MeshConfig mesh;
        const QVector<Resource> now = computeAssumed(ws, &mesh);
        // A new mesh config changes what every rule may conclude: run them all again.
        if (!sameMesh(mesh, env.mesh))
            return full(ws);
        if (!sameAssumed(now, assumed))
            setAssumed(now, &changes);
    }
    for (DepKey key : changes.keys())
        readers.forEachReader(key, [&](int u, quint32 generation) {
            const Unit &unit = units[size_t(u)];
            if (unit.subject && unit.generation == generation)
                dirty.insert(u);
        });
    QVector<int> toRun(dirty.cbegin(), dirty.cend());
    std::sort(toRun.begin(), toRun.end());
    stats.checksRun = run(toRun);
    return stats;
}

void Session::position(const Resource &r, StoredFinding &s) const {
    const auto it = docs.find(r.id.document);
    if (it == docs.end())
        return; // an assumed resource: it has no text
    if (!yaml::locateField(it->second.text, r.documentPath(s.finding.path), &s.position))
        s.position = {r.location.line - 1 - it->second.firstLine, r.location.column - 1};
    s.located = true;
}

void Session::locate(const Workspace &ws, const Resource &r, StoredFinding &s) {
    const SourceDocument *doc = ws.document(r.id.document);
    if (!doc)
        return;
    if (!s.located) {
        if (!yaml::locateField(doc->text, r.documentPath(s.finding.path), &s.position))
            s.position = {r.location.line - 1 - doc->firstLine, r.location.column - 1};
        s.located = true;
    }
    s.finding.location = {ws.files()[doc->file].path, doc->firstLine + s.position.line + 1,
                          s.position.column + 1};
}

} // namespace egret::validation
