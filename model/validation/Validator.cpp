#include "model/validation/Validator.h"

#include "model/io/NodeLocator.h"
#include "model/mesh/InstalledGateways.h"
#include "model/validation/Context.h"
#include "model/validation/Index.h"
#include "model/validation/Rule.h"

#include <QSet>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace egret::validation {

namespace {

// One rule analysing one resource: its results and what it read.
struct SlotKey {
    int rule;
    ResourceId subject;
    bool operator==(const SlotKey &) const = default;
};
inline size_t qHash(const SlotKey &k, size_t seed = 0) {
    return qHashMulti(seed, k.rule, k.subject);
}

struct StoredFinding {
    Finding finding;
    bool located = false;
    TextPosition position; // inside the document: stays true while the document is unchanged
};

struct Slot {
    QVector<DepKey> deps;
    QVector<StoredFinding> findings;
};

// What the validator holds of one document: the text it read (to notice edits) and its own copy
// of the resources, which the tables point into.
struct DocState {
    QByteArray text;
    std::vector<std::unique_ptr<Resource>> resources;
    quint64 seen = 0;
};

// Istio's analysis drops objects in these namespaces.
bool ignoredNamespace(const QString &ns) {
    return ns == QLatin1String("kube-system") || ns == QLatin1String("kube-public") ||
           ns == QLatin1String("kube-node-lease") || ns == QLatin1String("local-path-storage");
}

// Assumed resources get document ids from the top of the range; a workspace never gets there.
constexpr DocumentId kAssumedBase = 0xFFFF0000u;

} // namespace

struct Validator::Impl {
    ValidatorOptions options;
    Environment env;
    QVector<const Rule *> rules;
    QSet<Kind> keptKinds;
    QHash<Kind, QVector<int>> rulesBySubject;

    bool initialized = false;
    QString defaultNamespace;
    quint64 stamp = 0;
    std::unordered_map<DocumentId, DocState> docs;
    std::vector<std::unique_ptr<Resource>> assumed;
    Index index;
    QHash<SlotKey, Slot> slots;
    QHash<DepKey, QVector<SlotKey>> dependents;

    void configure() {
        rules.clear();
        for (const Rule *r : allRules())
            if (options.rules.isEmpty() || options.rules.contains(QLatin1String(r->name)))
                rules << r;
        keptKinds.clear();
        rulesBySubject.clear();
        for (int i = 0; i < rules.size(); ++i) {
            for (Kind k : rules[i]->inputs)
                keptKinds.insert(k);
            for (Kind k : rules[i]->subjects) {
                if (k == Kind::Pod) {
                    for (Kind w : {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet, Kind::Pod})
                        rulesBySubject[w] << i;
                } else {
                    rulesBySubject[k] << i;
                }
            }
        }
    }

    bool keeps(const Resource &r) const {
        const Kind k = isWorkloadKind(r.kind) ? Kind::Pod : r.kind;
        return keptKinds.contains(k) && r.wellFormed && !ignoredNamespace(r.ns);
    }

    const Resource *subject(const ResourceId &id) const {
        const auto it = docs.find(id.document);
        if (it == docs.end())
            return nullptr;
        for (const auto &r : it->second.resources)
            if (r->id.item == id.item)
                return r.get();
        return nullptr;
    }

    void snapshot(const SourceDocument &doc, DocState &state) {
        state.text = doc.text;
        state.resources.clear();
        for (const Resource &r : doc.resources)
            if (keeps(r))
                state.resources.push_back(std::make_unique<Resource>(r));
    }

    void eraseSlot(const SlotKey &key) {
        const auto it = slots.find(key);
        if (it == slots.end())
            return;
        for (DepKey dep : it->deps) {
            const auto d = dependents.find(dep);
            if (d == dependents.end())
                continue;
            QVector<SlotKey> &list = d.value();
            const qsizetype i = list.indexOf(key);
            if (i >= 0) {
                list[i] = list.last();
                list.removeLast();
            }
            if (list.isEmpty())
                dependents.erase(d);
        }
        slots.erase(it);
    }

    void dropSlotsOf(const Resource &r) {
        for (int rule : rulesBySubject.value(r.kind))
            eraseSlot({rule, r.id});
    }

    void runSlot(const SlotKey &key, const Resource &r) {
        eraseSlot(key);
        Context ctx(index, *rules[key.rule], r, env);
        rules[key.rule]->analyze(ctx);
        QVector<DepKey> deps = ctx.takeDependencies();
        QVector<Finding> found = ctx.takeFindings();
        if (deps.isEmpty() && found.isEmpty())
            return;
        std::sort(deps.begin(), deps.end());
        deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
        Slot slot;
        for (Finding &f : found)
            slot.findings.append({std::move(f), false, {}});
        for (DepKey dep : deps)
            dependents[dep].append(key);
        slot.deps = std::move(deps);
        slots.insert(key, std::move(slot));
    }

    int runAllOn(const Resource &r) {
        int n = 0;
        for (int rule : rulesBySubject.value(r.kind)) {
            runSlot({rule, r.id}, r);
            ++n;
        }
        return n;
    }

    QVector<Resource> computeAssumed(const Workspace &ws) const {
        QVector<Resource> out;
        if (!options.assumeGateways)
            return out;
        for (const Resource &r : assumedGatewayResources(ws, options.mesh))
            if (keeps(r))
                out << r;
        return out;
    }

    static bool sameAssumed(const QVector<Resource> &a,
                            const std::vector<std::unique_ptr<Resource>> &b) {
        if (size_t(a.size()) != b.size())
            return false;
        for (size_t i = 0; i < b.size(); ++i)
            if (a[qsizetype(i)].ref() != b[i]->ref())
                return false;
        return true;
    }

    void setAssumed(const QVector<Resource> &list, QVector<DepKey> *touched) {
        for (const auto &r : assumed)
            index.apply(*r, -1, touched);
        assumed.clear();
        DocumentId next = kAssumedBase;
        for (const Resource &r : list) {
            auto copy = std::make_unique<Resource>(r);
            copy->id = {next++, -1};
            index.apply(*copy, +1, touched);
            assumed.push_back(std::move(copy));
        }
    }

    UpdateStats full(const Workspace &ws) {
        UpdateStats stats;
        stats.full = true;
        env.mesh = options.mesh;
        env.now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
        docs.clear();
        assumed.clear();
        index.clear();
        slots.clear();
        dependents.clear();
        defaultNamespace = ws.parseOptions().defaultNamespace;
        ++stamp;
        for (const SourceFile &file : ws.files()) {
            for (DocumentId id : file.documents) {
                DocState &state = docs[id];
                snapshot(*ws.document(id), state);
                state.seen = stamp;
                for (const auto &r : state.resources)
                    index.apply(*r, +1, nullptr);
                ++stats.documentsChanged;
            }
        }
        setAssumed(computeAssumed(ws), nullptr);
        for (const auto &[id, state] : docs)
            for (const auto &r : state.resources)
                stats.checksRun += runAllOn(*r);
        initialized = true;
        return stats;
    }

    UpdateStats incremental(const Workspace &ws) {
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
            if (state.seen != stamp && !changed.contains(id))
                removed << id;
        stats.documentsChanged = int(changed.size() + removed.size());
        if (stats.documentsChanged == 0)
            return stats;

        QVector<DepKey> touched;
        bool workloadsChanged = false;
        auto unfile = [&](DocumentId id) {
            auto it = docs.find(id);
            if (it == docs.end())
                return;
            for (const auto &r : it->second.resources) {
                index.apply(*r, -1, &touched);
                dropSlotsOf(*r);
                workloadsChanged = workloadsChanged || isWorkloadKind(r->kind);
            }
            it->second.resources.clear();
        };
        for (DocumentId id : removed) {
            unfile(id);
            docs.erase(id);
        }
        QVector<const Resource *> fresh;
        for (DocumentId id : changed) {
            unfile(id);
            DocState &state = docs[id];
            snapshot(*ws.document(id), state);
            state.seen = stamp;
            for (const auto &r : state.resources) {
                index.apply(*r, +1, &touched);
                fresh << r.get();
                workloadsChanged = workloadsChanged || isWorkloadKind(r->kind);
            }
        }
        if (workloadsChanged) {
            const QVector<Resource> now = computeAssumed(ws);
            if (!sameAssumed(now, assumed))
                setAssumed(now, &touched);
        }

        QSet<SlotKey> dirty;
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (DepKey key : touched)
            for (const SlotKey &s : dependents.value(key))
                dirty.insert(s);
        for (const Resource *r : fresh)
            for (int rule : rulesBySubject.value(r->kind))
                dirty.insert({rule, r->id});
        for (const SlotKey &key : dirty) {
            const Resource *r = subject(key.subject);
            if (!r || !rulesBySubject.value(r->kind).contains(key.rule))
                continue;
            runSlot(key, *r);
            ++stats.checksRun;
        }
        return stats;
    }

    void locate(const Workspace &ws, const ResourceId &id, StoredFinding &s) {
        const SourceDocument *doc = ws.document(id.document);
        const Resource *r = subject(id);
        if (!doc || !r)
            return;
        if (!s.located) {
            if (!locatePath(doc->text, r->documentPath(s.finding.path), &s.position))
                s.position = {r->location.line - 1 - doc->firstLine, r->location.column - 1};
            s.located = true;
        }
        s.finding.location = {ws.files()[doc->file].path, doc->firstLine + s.position.line + 1,
                              s.position.column + 1};
    }
};

Validator::Validator(ValidatorOptions options)
    : d(std::make_unique<Impl>()) {
    d->options = std::move(options);
    d->configure();
}

Validator::~Validator() = default;

const ValidatorOptions &Validator::options() const {
    return d->options;
}

void Validator::setOptions(const ValidatorOptions &options) {
    d->options = options;
    d->configure();
    d->initialized = false;
}

const QVector<const Rule *> &Validator::rules() const {
    return d->rules;
}

UpdateStats Validator::update(const Workspace &ws) {
    if (!d->initialized || ws.parseOptions().defaultNamespace != d->defaultNamespace)
        return d->full(ws);
    return d->incremental(ws);
}

namespace {

struct Ordered {
    int file;
    Finding finding;
};

QVector<Finding> sorted(QVector<Ordered> list) {
    std::sort(list.begin(), list.end(), [](const Ordered &a, const Ordered &b) {
        const auto ka = std::make_tuple(a.file, a.finding.location.line, a.finding.location.column,
                                        QLatin1String(a.finding.type->code));
        const auto kb = std::make_tuple(b.file, b.finding.location.line, b.finding.location.column,
                                        QLatin1String(b.finding.type->code));
        if (ka != kb)
            return ka < kb;
        return a.finding.message < b.finding.message;
    });
    QVector<Finding> out;
    out.reserve(list.size());
    for (Ordered &o : list)
        out.append(std::move(o.finding));
    return out;
}

} // namespace

QVector<Finding> Validator::findings(const Workspace &ws) {
    update(ws);
    QVector<Ordered> list;
    for (auto it = d->slots.begin(); it != d->slots.end(); ++it) {
        for (StoredFinding &s : it->findings) {
            d->locate(ws, it.key().subject, s);
            const SourceDocument *doc = ws.document(it.key().subject.document);
            list.append({doc ? doc->file : -1, s.finding});
        }
    }
    return sorted(std::move(list));
}

QVector<Finding> Validator::findingsFor(const Workspace &ws, const ResourceId &id) {
    update(ws);
    QVector<Ordered> list;
    for (int rule = 0; rule < d->rules.size(); ++rule) {
        auto it = d->slots.find({rule, id});
        if (it == d->slots.end())
            continue;
        for (StoredFinding &s : it->findings) {
            d->locate(ws, id, s);
            list.append({0, s.finding});
        }
    }
    return sorted(std::move(list));
}

QStringList unknownRuleNames(const QStringList &names) {
    QStringList out;
    for (const QString &n : names)
        if (!ruleByName(n))
            out << n;
    return out;
}

QVector<Finding> validate(const Workspace &ws, const ValidatorOptions &options) {
    Validator v(options);
    return v.findings(ws);
}

Diagnostic Finding::toDiagnostic() const {
    Diagnostic d;
    d.severity = type->level;
    d.code = QLatin1String(type->code);
    d.message = message;
    if (!assumedGateways.isEmpty())
        d.message += QStringLiteral(" (relies on the assumed installed gateway %1)")
                         .arg(assumedGateways.join(QStringLiteral(", ")));
    d.location = location;
    d.path = path;
    d.resource = resource;
    d.resourceId = resourceId;
    return d;
}

} // namespace egret::validation
