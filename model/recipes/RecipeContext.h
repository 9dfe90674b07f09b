#pragma once

#include "model/edit/TextPatcher.h"
#include "model/edit/WorkspaceChange.h"
#include "model/mesh/Installation.h"
#include "model/recipes/Route.h"
#include "model/workspace/Workspace.h"

#include <yaml-cpp/yaml.h>

#include <functional>

namespace egret::recipes {

// A recipe's working state: a scratch copy of the workspace that the steps edit in turn (each
// step sees what the previous ones did), the recorder that turns those edits into the
// WorkspaceChange, and what to tell the user. Resource pointers it hands out are valid until
// the next edit.
class RecipeContext {
public:
    RecipeContext(const Workspace &ws, const QString &targetFile, const QString &writtenNamespace,
                  const MeshConfig &mesh = {});
    RecipeContext(const RecipeContext &) = delete; // the recorder refers to the scratch copy
    RecipeContext &operator=(const RecipeContext &) = delete;

    const Workspace &ws() const { return m_ws; }
    // Where the gateways are, as the workspace and the installation given apart say (resolved
    // once, from the workspace the recipe starts from).
    const Installation &installation() const { return m_installation; }
    // The namespace the route's resources are written with (may be empty) and the one they
    // are in.
    const QString &writtenNamespace() const { return m_writtenNs; }
    QString routeNamespace() const { return effective(m_writtenNs); }
    QString effective(const QString &writtenNs) const;
    // How a new resource in `ns` is written: without a namespace when it is the route's and
    // the route's is not written.
    QString written(const QString &ns) const;

    QVector<const Resource *> ofKind(Kind kind) const;
    QVector<const Resource *> matching(Kind kind,
                                       const std::function<bool(const Resource &)> &pred) const;
    const Resource *find(Kind kind, const QString &ns, const QString &name) const;
    // `base`, fitted to a DNS label of 63 characters, or with "-2", "-3"... when taken.
    QString uniqueName(Kind kind, const QString &ns, const QString &base) const;
    // The YAML of a field of a resource as written (an undefined node when it is not there).
    YAML::Node yamlOf(const Resource &r, const QString &fieldPath) const;

    // Edits a resource in place; paths are inside the resource (`spec.hosts`). `what` is its
    // summary line ("extended Gateway ns/name: ..."). False (with a problem recorded) when the
    // document cannot be edited.
    bool edit(const Resource &r, const QVector<edit::TextEdit> &edits, const QString &what);
    // The edits that append `items` (a sequence) to the list at `listPath` of a resource:
    // appended to the list, or the list written when the key is absent or empty. Nothing,
    // with a problem recorded, when something else than a list is in the way.
    QVector<edit::TextEdit> appendItems(const Resource &r, const QString &listPath,
                                        const YAML::Node &items);
    // Appends a new resource to the target file (created when the workspace lacks it), in the
    // apiVersion the file uses for Istio's kinds, the one Istio's tasks use for the Gateway API's.
    void create(Kind kind, const QString &writtenNs, const QString &name, const YAML::Node &spec,
                const Labels &annotations = {});
    // Any other object: `body` holds its keys after `metadata` (`rules` of a Role...).
    void createObject(const QString &apiVersion, const QString &kindName, const QString &writtenNs,
                      const QString &name, const Labels &annotations, const YAML::Node &body,
                      const Labels &labels = {});
    void remove(const Resource &r);

    void problem(const QString &field, const QString &message);
    bool failed() const { return !m_problems.isEmpty(); }
    void note(const QString &text);

    RouteResult finish(const QString &description);

private:
    int targetFile();
    QString apiVersionFor(Kind kind) const;

    // A document's text parsed, kept while the text stays the same: the steps read a large
    // Gateway more than once.
    const std::optional<YAML::Node> &parsed(const SourceDocument &d) const;

    Workspace m_ws;
    Installation m_installation;
    mutable QHash<DocumentId, std::pair<QByteArray, std::optional<YAML::Node>>> m_parsed;
    edit::ChangeRecorder m_recorder;
    QString m_targetFile;
    QString m_writtenNs;
    QVector<InputProblem> m_problems;
    QStringList m_summary;
    QStringList m_notes;
};

// "ServiceEntry default/api-example-com", as istioctl names resources.
QString resourceName(const Resource &r);
QString resourceName(Kind kind, const QString &ns, const QString &name);
QString resourceName(const QString &kindName, const QString &ns, const QString &name);

} // namespace egret::recipes
