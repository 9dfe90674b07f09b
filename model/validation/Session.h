#pragma once

// Internal to the validator: the state a Validator keeps between updates.
#include "model/validation/Context.h"
#include "model/validation/Readers.h"
#include "model/validation/Validator.h"
#include "model/yaml/TextPosition.h"

#include <QSet>

#include <array>
#include <memory>
#include <unordered_map>
#include <vector>

namespace egret::validation {

struct StoredFinding {
    Finding finding;
    bool located = false;
    yaml::TextPosition position; // inside the document: stays true while the document is unchanged
};

// Every rule that analyzes one resource, run together: what they found and what they read.
struct Unit {
    const Resource *subject = nullptr; // null while the unit is free
    quint32 generation = 0;
    QVector<DepKey> deps;
    QVector<StoredFinding> findings;
};

// What the rules found on one resource and what they read, before it is stored in a unit.
struct UnitResult {
    QVector<DepKey> deps;
    QVector<StoredFinding> findings; // located in their document already
    int checks = 0;
};

// What the validator holds of one document: the text it read (to notice edits) and its own copy
// of the resources, which the tables point into.
struct DocState {
    QByteArray text;
    int firstLine = 0; // in its file, when the resources were read
    std::vector<std::unique_ptr<Resource>> resources;
    quint64 seen = 0;
    // It holds what the installation is resolved from (Session::shapesInstallation), kept or not.
    bool shapesInstallation = false;
};

inline constexpr int kKinds = kKindCount;

// Its own copies of the resources, the tables, one analysis unit per resource and what each
// read. update() is full() on the first call (or after options change), incremental() after.
struct Session {
    ValidatorOptions options;
    Environment env;
    QVector<const Rule *> rules;
    QVector<quint64> tableMasks; // per rule
    QSet<Kind> keptKinds;
    std::array<QVector<int>, kKinds> rulesBySubject;

    bool initialized = false;
    QString defaultNamespace;
    quint64 stamp = 0;
    std::unordered_map<DocumentId, DocState> docs;
    std::vector<std::unique_ptr<Resource>> assumed;
    DocumentId nextAssumedId = 0; // see setAssumed
    Index index;
    std::vector<Unit> units;
    std::vector<int> freeUnits;
    QHash<ResourceId, int> unitOf;
    Readers readers;
    size_t liveEdges = 0;

    void configure(); // after the options change: the rules, their tables, the kinds kept
    bool keeps(const Resource &r) const;
    bool analyzed(const Resource &r) const { return !rulesBySubject[size_t(r.kind)].isEmpty(); }
    void snapshot(const SourceDocument &doc, DocState &state);

    // Runs every rule on one resource. Reads only shared, unchanging state: safe on any thread.
    UnitResult analyze(const Resource &r, MemoStore &memos) const;
    // The same for many resources, on all cores when there are enough of them.
    QVector<UnitResult> analyzeAll(const QVector<const Resource *> &subjects) const;

    int allocateUnit(const Resource &r);
    void releaseUnit(int u);
    void store(int u, UnitResult &&result);
    int run(const QVector<int> &unitIds); // analyzes and stores; returns the checks run

    // The installation's gateways (see mesh/Installation.h).
    // The installation's gateways as resources, and the mesh config in effect.
    QVector<Resource> computeAssumed(const Workspace &ws, MeshConfig *mesh) const;
    static bool shapesInstallation(Kind k);
    static bool sameMesh(const MeshConfig &a, const MeshConfig &b);
    static bool sameAssumed(const QVector<Resource> &a,
                            const std::vector<std::unique_ptr<Resource>> &b);
    void setAssumed(const QVector<Resource> &list, Changes *changes);

    UpdateStats full(const Workspace &ws);
    UpdateStats incremental(const Workspace &ws);

    // Where a finding is inside its document. Reads only the document's snapshot: safe on any
    // thread, so that a run locates its findings on all cores.
    void position(const Resource &r, StoredFinding &s) const;
    // Fills in a finding's file:line:column from the document as it is now.
    void locate(const Workspace &ws, const Resource &r, StoredFinding &s);
};

} // namespace egret::validation
