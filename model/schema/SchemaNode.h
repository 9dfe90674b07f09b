#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
struct Mark;
} // namespace YAML

namespace egret::schema {

class CheckSink;

enum class Type { Any, String, Integer, Number, Boolean, Object, Array, Map, IntOrString };

struct Node;

// An extra rule over a value that passed its type check, such as a CEL rule of a CRD. `path` is
// where the value is; findings go to `report`.
using RuleFn = void (*)(const YAML::Node &value, const QString &path, CheckSink &report);

struct Field {
    const char *name;
    const Node *node;
};

// One node of a resource schema: the subset of OpenAPI v3 that Istio's and the Gateway API's CRDs
// use, plus the few cross-field rules (CEL in the CRDs) that decide whether an egress config works.
struct Node {
    Type type = Type::Any;
    std::vector<Field> fields;                    // Object
    std::vector<const char *> required;           // Object
    std::vector<std::vector<const char *>> oneOf; // Object: at most one field of each group
    bool preserveUnknownFields = false;           // Object: any extra field is accepted
    const Node *element = nullptr;                // Array item, Map value
    std::size_t minItems = 0;                     // Array
    std::size_t maxItems = std::numeric_limits<std::size_t>::max();
    std::vector<const char *> enumValues; // String
    bool duration = false;                // String in Go duration syntax ("1.5s")
    std::int64_t minimum = std::numeric_limits<std::int64_t>::min();
    std::int64_t maximum = std::numeric_limits<std::int64_t>::max();
    // Extra rule over the value (Object, Array, String or Integer, already type-checked).
    RuleFn rule = nullptr;

    const Node *field(std::string_view name) const;
};

// Receives what a check of one document finds. Positions are taken from the yaml nodes given.
class CheckSink {
public:
    virtual ~CheckSink() = default;
    virtual void error(const YAML::Node &at, const QString &path, const QString &message) = 0;
    virtual void warning(const YAML::Node &at, const QString &path, const QString &message) = 0;
    virtual void unknownField(const YAML::Node &key, const QString &path) = 0;
    // A rule of Istio's validation webhook (model/webhook/): the document is refused, or
    // accepted with a warning.
    virtual void webhookError(const YAML::Node &at, const QString &path,
                              const QString &message) = 0;
    virtual void webhookWarning(const YAML::Node &at, const QString &path,
                                const QString &message) = 0;
    // The walk gave up: too many nodes (an alias bomb) or too deep.
    virtual void refused(const YAML::Node &at, const QString &path, const QString &message) = 0;
    // The text is not YAML, although yaml-cpp read it; the walk stops there.
    virtual void malformed(const YAML::Mark &at, const QString &path, const QString &message) = 0;
};

// Builders. Nodes live for the whole program in one arena, built once.
const Node *any();
const Node *string();
const Node *duration();
const Node *boolean();
const Node *number();
const Node *integer(std::int64_t min = std::numeric_limits<std::int32_t>::min(),
                    std::int64_t max = std::numeric_limits<std::int32_t>::max());
const Node *uint32();
const Node *port(); // 0..4294967295 as in the CRDs; the range check is a validator's business
const Node *intOrString();
const Node *enumeration(std::initializer_list<const char *> values);
const Node *array(const Node *element);
Node *array(const Node *element, std::size_t minItems,
            std::size_t maxItems = std::numeric_limits<std::size_t>::max());
const Node *stringList();
const Node *map(const Node *value);
const Node *stringMap();
const Node *preserved(); // an object whose content is not checked
Node *object(std::initializer_list<Field> fields,
             std::initializer_list<const char *> required = {});
// A node of `type` (String or Integer) whose values `rule` checks further.
const Node *scalar(Type type, RuleFn rule);
// `n` with an extra rule; returns n.
Node *withRule(Node *n, RuleFn rule);

} // namespace egret::schema
