#include "model/schema/SchemaNode.h"

#include <deque>
#include <mutex>

namespace egret::schema {

namespace {

// Schemas are built once, on first use, under this lock; afterwards they are only read.
std::deque<Node> &arena() {
    static std::deque<Node> nodes;
    return nodes;
}

std::recursive_mutex &arenaLock() {
    static std::recursive_mutex m;
    return m;
}

Node *make(Type t) {
    std::lock_guard lock(arenaLock());
    Node &n = arena().emplace_back();
    n.type = t;
    return &n;
}

} // namespace

const Node *Node::field(std::string_view name) const {
    for (const Field &f : fields)
        if (name == f.name)
            return f.node;
    return nullptr;
}

const Node *any() {
    static const Node *n = make(Type::Any);
    return n;
}

const Node *string() {
    static const Node *n = make(Type::String);
    return n;
}

const Node *duration() {
    static const Node *n = [] {
        Node *d = make(Type::String);
        d->duration = true;
        return d;
    }();
    return n;
}

const Node *boolean() {
    static const Node *n = make(Type::Boolean);
    return n;
}

const Node *number() {
    static const Node *n = make(Type::Number);
    return n;
}

const Node *integer(std::int64_t min, std::int64_t max) {
    Node *n = make(Type::Integer);
    n->minimum = min;
    n->maximum = max;
    return n;
}

const Node *uint32() {
    static const Node *n = integer(0, 4294967295LL);
    return n;
}

const Node *port() {
    return uint32();
}

const Node *intOrString() {
    static const Node *n = make(Type::IntOrString);
    return n;
}

const Node *enumeration(std::initializer_list<const char *> values) {
    Node *n = make(Type::String);
    n->enumValues = values;
    return n;
}

const Node *array(const Node *element) {
    Node *n = make(Type::Array);
    n->element = element;
    return n;
}

Node *array(const Node *element, std::size_t minItems, std::size_t maxItems) {
    Node *n = make(Type::Array);
    n->element = element;
    n->minItems = minItems;
    n->maxItems = maxItems;
    return n;
}

const Node *stringList() {
    static const Node *n = array(string());
    return n;
}

const Node *map(const Node *value) {
    Node *n = make(Type::Map);
    n->element = value;
    return n;
}

const Node *stringMap() {
    static const Node *n = map(string());
    return n;
}

const Node *preserved() {
    static const Node *n = [] {
        Node *p = make(Type::Object);
        p->preserveUnknownFields = true;
        return p;
    }();
    return n;
}

Node *object(std::initializer_list<Field> fields, std::initializer_list<const char *> required) {
    Node *n = make(Type::Object);
    n->fields = fields;
    n->required = required;
    return n;
}

const Node *scalar(Type type, RuleFn rule) {
    Node *n = make(type);
    n->rule = rule;
    return n;
}

Node *withRule(Node *n, RuleFn rule) {
    n->rule = rule;
    return n;
}

} // namespace egret::schema
