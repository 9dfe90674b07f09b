// Istio's validation webhook for VirtualServices, case by case from Istio's validation_test.go
// (TestValidateVirtualService, TestValidateHTTPRoute, TestValidateRouteDestination, ...) and
// virtualservice_test.go (delegates), written as the YAML the API server receives.
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

// TestValidateVirtualService and TestValidateChainingVirtualService.
const WebhookCase kDocuments[] = {
    {"simple", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"allow sni based domains", "VirtualService",
     R"y(  hosts: [outbound_.15010_._.istiod.istio-system.svc.cluster.local]
  gateways: [ns1/gateway]
  tls:
  - match:
    - sniHosts: [outbound_.15010_._.istiod.istio-system.svc.cluster.local]
    route:
    - destination: {host: istio.istio-system.svc.cluster.local}
)y",
     ""},
    {"duplicate hosts", "VirtualService", R"y(  hosts: ["*.foo.bar", "*.bar"]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: hosts \"*.foo.bar\" and \"*.bar\" overlap"},
    {"duplicate literal hosts", "VirtualService", R"y(  hosts: [foo.bar, foo.bar]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: hosts \"foo.bar\" and \"foo.bar\" overlap"},
    {"with no destination", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - route:
    - {}
)y",
     "error: destination"},
    {"destination without host", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - route:
    - destination: {}
)y",
     "error: host"},
    {"delegate with no hosts", "VirtualService", R"y(  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"bad host", "VirtualService", R"y(  hosts: [foo.ba!r]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: \"ba!r\" is not a DNS label"},
    {"no tcp or http routing", "VirtualService", "  hosts: [foo.bar]\n",
     "error: a VirtualService needs http, tls or tcp routes"},
    {"bad gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [b@dgateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: gateway domain name \"b@dgateway\" is invalid"},
    {"FQDN for gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [gateway.example.com]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "warning: prefer \"example/gateway\""},
    {"namespace/name for gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [ns1/gateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"namespace/* for gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [ns1/*]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: the name \"*\" is not a DNS label"},
    {"*/name for gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: ["*/gateway"]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: the namespace \"*\" is not a DNS label"},
    {"empty gateway namespace", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [/gateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: neither the namespace nor the name may be empty"},
    {"mesh and a gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [mesh, istio-system/egressgateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"wildcard for mesh gateway", "VirtualService", R"y(  hosts: ["*"]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: the host \"*\" is not allowed in a VirtualService that applies to the mesh"},
    {"wildcard for mesh and a gateway", "VirtualService", R"y(  hosts: ["*"]
  gateways: [mesh, somegateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: the host \"*\" is not allowed in a VirtualService that applies to the mesh"},
    {"wildcard for non-mesh gateway", "VirtualService", R"y(  hosts: ["*"]
  gateways: [somegateway]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"ip address host", "VirtualService", R"y(  hosts: [10.0.0.1]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"missing tcp route", "VirtualService", R"y(  hosts: [foo.bar]
  tcp:
  - match:
    - port: 999
)y",
     "error: a tcp route needs a route"},
    {"missing tls route", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - port: 999
      sniHosts: [foo.bar]
)y",
     "error: a tls route needs a route"},
    {"deprecated mirror", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [ns1/gateway]
  http:
  - mirrorPercent: 5
    route:
    - destination: {host: foo.baz}
)y",
     "warning: mirrorPercent is deprecated; use mirrorPercentage"},
    {"set authority", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - headers:
      request:
        set: {":authority": foo}
    route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"set authority in destination", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - route:
    - destination: {host: foo.baz}
      headers:
        request:
          set: {":authority": foo}
)y",
     ""},
    {"set authority in rewrite and header", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - headers:
      request:
        set: {":authority": foo}
    rewrite: {authority: bar}
    route:
    - destination: {host: foo.baz}
)y",
     "error: the authority is rewritten twice (\"bar\", then \"foo\")"},
    {"set host and authority headers", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - headers:
      request:
        set: {host: foo}
        add: {":authority": bar}
    route:
    - destination: {host: foo.baz}
)y",
     "error: the authority is rewritten twice"},
    {"uri-with-prefix-exact", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - match:
    - uri: {prefix: /}
    - uri: {exact: /}
      method: {exact: GET}
    route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"jwt claim route without gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [mesh]
  http:
  - match:
    - uri: {prefix: /}
      headers:
        "@request.auth.claims.foo": {exact: bar}
    route:
    - destination: {host: foo.baz}
)y",
     "error: routing on the JWT claim \"@request.auth.claims.foo\" works only on gateways"},
    {"jwt claim without header in the mesh", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - match:
    - withoutHeaders:
        "@request.auth.claims[group]": {exact: bar}
    route:
    - destination: {host: foo.baz}
)y",
     "error: routing on the JWT claim"},
    {"jwt claim route on a gateway", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [istio-system/ingress]
  http:
  - match:
    - headers:
        "@request.auth.claims.foo": {exact: bar}
    route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"ip address as sni host", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - port: 999
      sniHosts: [1.1.1.1]
    route:
    - destination: {host: foo.baz}
)y",
     "warning: SNI host \"1.1.1.1\" is an IP address"},
    {"invalid wildcard as sni host", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - port: 999
      sniHosts: [foo.*.com]
    route:
    - destination: {host: foo.baz}
)y",
     "error: domain name \"foo.*.com\" is invalid"},
    {"sni host outside the hosts", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - sniHosts: [other.bar]
    route:
    - destination: {host: foo.baz}
)y",
     "error: SNI host \"other.bar\" is not within any of the VirtualService's hosts"},
    {"sni host within a wildcard host", "VirtualService", R"y(  hosts: ["*.bar"]
  tls:
  - match:
    - sniHosts: [foo.bar, "*.foo.bar"]
    route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"sni wildcard wider than the host", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - sniHosts: ["*.bar"]
    route:
    - destination: {host: foo.baz}
)y",
     "error: SNI host \"*.bar\" is not within"},
    {"tls match without sni hosts", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - sniHosts: []
    route:
    - destination: {host: foo.baz}
)y",
     "error: a tls match needs at least one SNI host"},
    {"tls route without matches", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match: []
    route:
    - destination: {host: foo.baz}
)y",
     "error: a tls route needs at least one match"},
    {"bad destination subnet", "VirtualService", R"y(  hosts: [foo.bar]
  tcp:
  - match:
    - destinationSubnets: [10.0.0.0/33]
    route:
    - destination: {host: foo.baz}
)y",
     "error: \"10.0.0.0/33\" is not an IP address or CIDR block"},
    {"good destination subnets", "VirtualService", R"y(  hosts: [foo.bar]
  tcp:
  - match:
    - destinationSubnets: [10.0.0.0/8, 10.1.2.3, "2001:db8::/32"]
      port: 5432
      sourceLabels: {app: client}
      gateways: [mesh]
    route:
    - destination: {host: foo.baz, port: {number: 5432}}
)y",
     ""},
    {"tcp match port out of range", "VirtualService", R"y(  hosts: [foo.bar]
  tcp:
  - match:
    - port: 70000
    route:
    - destination: {host: foo.baz}
)y",
     "error: port number 70000 must be in the range 1..65535"},
    {"tls match bad source label", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - sniHosts: [foo.bar]
      sourceLabels: {"app": "a b"}
    route:
    - destination: {host: foo.baz}
)y",
     "error: \"a b\" is not a valid label value"},
    {"exportTo twice", "VirtualService", R"y(  hosts: [foo.bar]
  exportTo: [".", "."]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: exportTo lists"},
    {"exportTo dot and namespace", "VirtualService", R"y(  hosts: [foo.bar]
  exportTo: [".", "default"]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: exportTo lists"},
    {"exportTo none", "VirtualService", R"y(  hosts: [foo.bar]
  exportTo: ["~"]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: exportTo \"~\" (no one) is allowed only on a ServiceEntry"},
    {"exportTo namespaces", "VirtualService", R"y(  hosts: [foo.bar]
  exportTo: [".", istio-system]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     ""},
    // virtualservice_test.go: TestValidateChainingVirtualService.
    {"root simple", "VirtualService", R"y(  hosts: [foo.bar]
  gateways: [test-gateway]
  http:
  - delegate: {name: test, namespace: test}
)y",
     ""},
    {"root applies to sidecar with delegate", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - delegate: {name: test, namespace: test}
)y",
     ""},
    {"root with delegate and destination in one route", "VirtualService", R"y(  hosts: [foo.bar]
  http:
  - delegate: {name: test, namespace: test}
    route:
    - destination: {host: foo.baz}
)y",
     "error: a route that delegates cannot also have destinations"},
    {"delegate with no destination", "VirtualService", R"y(  hosts: []
  http:
  - {}
)y",
     "error: an http route needs destinations"},
    {"delegate with delegate", "VirtualService", R"y(  hosts: []
  http:
  - delegate: {name: test, namespace: test}
)y",
     "error: a route of a delegate VirtualService cannot delegate again"},
    {"delegate with TCP route", "VirtualService", R"y(  hosts: []
  tcp:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: can only have http routes, not tcp routes"},
    {"delegate with TLS route", "VirtualService", R"y(  tls:
  - match:
    - sniHosts: [foo.bar]
    route:
    - destination: {host: foo.baz}
)y",
     "error: can only have http routes, not tls routes"},
    {"delegate with gateway", "VirtualService", R"y(  hosts: []
  gateways: [test]
  http:
  - route:
    - destination: {host: foo.baz}
)y",
     "error: a delegate VirtualService (one without hosts) cannot name gateways"},
    {"delegate with sourceNamespace", "VirtualService", R"y(  hosts: []
  http:
  - match:
    - sourceNamespace: test
    route:
    - destination: {host: foo.baz}
)y",
     ""},
};

// The http route of a VirtualService for foo.bar, indented under `http:`.
#define HTTP_VS "  hosts: [foo.bar]\n  http:\n"

// TestValidateHTTPRoute, TestValidateRootHTTPRoute, TestValidateDelegateHTTPRoute.
const WebhookCase kHttpRoutes[] = {
    {"empty", "VirtualService", HTTP_VS "  - {}\n", "error: an http route needs destinations"},
    {"weighted", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz.south}
      weight: 25
    - destination: {host: foo.baz.east}
      weight: 75
)y",
     ""},
    {"total weight > 100", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz.south}
      weight: 550
    - destination: {host: foo.baz.east}
      weight: 500
)y",
     ""},
    {"total weight < 100", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz.south}
      weight: 49
    - destination: {host: foo.baz.east}
      weight: 50
)y",
     ""},
    {"total weight 0", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz.south}
    - destination: {host: foo.baz.east}
      weight: 0
)y",
     "error: the weights of the route's 2 destinations add up to 0"},
    {"simple redirect", "VirtualService",
     HTTP_VS "  - redirect: {uri: /lerp, authority: foo.biz}\n", ""},
    {"conflicting redirect and route", "VirtualService",
     HTTP_VS R"y(  - redirect: {uri: /lerp, authority: foo.biz}
    route:
    - destination: {host: foo.baz}
)y",
     "error: a route with a redirect cannot also have destinations"},
    {"redirect and fault", "VirtualService", HTTP_VS R"y(  - redirect: {uri: /lerp}
    fault:
      abort: {httpStatus: 500}
)y",
     "error: a route with a redirect cannot inject faults"},
    {"redirect and rewrite", "VirtualService", HTTP_VS R"y(  - redirect: {uri: /lerp}
    rewrite: {uri: /other}
)y",
     "error: a route with a redirect cannot rewrite"},
    {"redirect and direct response", "VirtualService", HTTP_VS R"y(  - redirect: {uri: /lerp}
    directResponse: {status: 200}
)y",
     "error: a route cannot both redirect and respond directly"},
    {"direct response and route", "VirtualService", HTTP_VS R"y(  - directResponse: {status: 503}
    route:
    - destination: {host: foo.baz}
)y",
     "error: a route with a directResponse cannot also have destinations"},
    {"valid headers", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        request:
          add: {name: ""}
          set: {name: ""}
          remove: [name]
        response:
          add: {name: ""}
          set: {name: ""}
          remove: [name]
)y",
     ""},
    {"empty header name - request add", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        request:
          add: {"": value}
)y",
     "error: a header name cannot be empty"},
    {"empty header name - request set", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        request:
          set: {"": value}
)y",
     "error: a header name cannot be empty"},
    {"empty header name - request remove", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        request:
          remove: [""]
)y",
     "error: a header name cannot be empty"},
    {"empty header name - response add", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          add: {"": value}
)y",
     "error: a header name cannot be empty"},
    {"empty header name - response set", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          set: {"": value}
)y",
     "error: a header name cannot be empty"},
    {"empty header name - response remove", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          remove: [""]
)y",
     "error: a header name cannot be empty"},
    {"set pseudo-header", "VirtualService", HTTP_VS R"y(  - headers:
      request:
        set: {":path": /x}
    route:
    - destination: {host: foo.baz}
)y",
     "error: header \":path\" is a pseudo-header"},
    {"remove host header", "VirtualService", HTTP_VS R"y(  - headers:
      request:
        remove: [Host]
    route:
    - destination: {host: foo.baz}
)y",
     "error: the Host header cannot be modified here"},
    {"set response authority", "VirtualService", HTTP_VS R"y(  - headers:
      response:
        set: {":authority": foo}
    route:
    - destination: {host: foo.baz}
)y",
     "error: header \":authority\" is a pseudo-header"},
    {"envoy escaped % set", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          set: {i-love-istio: "100%%"}
)y",
     ""},
    {"envoy variable set", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          set: {name: "%HOSTNAME%"}
)y",
     ""},
    {"envoy unescaped % set", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          set: {name: "abcd%oijasodifj"}
)y",
     "error: header value \"abcd%oijasodifj\" is not valid for Envoy"},
    {"envoy escaped % add", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          add: {i-love-istio: "100%% and more"}
)y",
     ""},
    {"envoy variable add", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          add: {name: "hello %HOSTNAME%"}
)y",
     ""},
    {"envoy variable with arguments", "VirtualService", HTTP_VS R"y(  - headers:
      request:
        set: {x-start: '%START_TIME(%s)%', x-meta: '%UPSTREAM_METADATA(["lb", "v"])%'}
    route:
    - destination: {host: foo.baz}
)y",
     ""},
    {"envoy unescaped % add", "VirtualService", HTTP_VS R"y(  - route:
    - destination: {host: foo.baz}
      headers:
        response:
          add: {name: "abcd%oijasodifj"}
)y",
     "error: is not valid for Envoy"},
    {"envoy trailing %", "VirtualService", HTTP_VS R"y(  - headers:
      request:
        add: {x-rate: "100%"}
    route:
    - destination: {host: foo.baz}
)y",
     "error: it ends in a lone '%'"},
    {"null header match", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        header: null
    route:
    - destination: {host: foo.bar}
)y",
     "error: header"},
    {"empty prefix header match", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        emptyprefix: {prefix: ""}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a prefix match on header \"emptyprefix\" cannot be empty"},
    {"empty prefix uri match", "VirtualService", HTTP_VS R"y(  - match:
    - uri: {prefix: ""}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"empty prefix authority match", "VirtualService", HTTP_VS R"y(  - match:
    - authority: {prefix: ""}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a prefix match on the authority cannot be empty"},
    {"empty prefix query match", "VirtualService", HTTP_VS R"y(  - match:
    - queryParams:
        q: {prefix: ""}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a prefix match on query parameter \"q\" cannot be empty"},
    {"withoutHeaders regex *", "VirtualService", HTTP_VS R"y(  - match:
    - withoutHeaders:
        x-canary: {regex: "*"}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"headers regex *", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        x-canary: {regex: "*"}
    route:
    - destination: {host: foo.bar}
)y",
     "error: \"*\" is not a valid regular expression"},
    {"regex with lookahead", "VirtualService", HTTP_VS R"y(  - match:
    - uri: {regex: "/api(?!/internal).*"}
    route:
    - destination: {host: foo.bar}
)y",
     "error: uses lookahead and lookbehind, which RE2"},
    {"regex with backreference", "VirtualService", HTTP_VS R"y(  - match:
    - authority: {regex: '(a)\1'}
    route:
    - destination: {host: foo.bar}
)y",
     "error: uses backreferences"},
    {"good regexes", "VirtualService", HTTP_VS R"y(  - match:
    - uri: {regex: '^/v[0-9]+/(users|groups)/[^/]+$'}
      authority: {regex: '.*\.example\.com'}
      headers:
        x-version: {regex: 'v\d+(\.\d+)?'}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"header names", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        "funky!$#_": {exact: a}
        ":authority": {exact: b}
        X-Requested-With: {exact: c}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"empty header name", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        "": {exact: a}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a header name cannot be empty"},
    {"header name ::", "VirtualService", HTTP_VS R"y(  - match:
    - headers:
        "::": {exact: a}
    route:
    - destination: {host: foo.bar}
)y",
     "error: \"::\" is not a valid header name"},
    {"header name with a quote", "VirtualService", HTTP_VS R"y(  - match:
    - withoutHeaders:
        'illegal"char': {exact: a}
    route:
    - destination: {host: foo.bar}
)y",
     "error: \"illegal\"char\" is not a valid header name"},
    {"match port out of range", "VirtualService", HTTP_VS R"y(  - match:
    - port: 65536
    route:
    - destination: {host: foo.bar}
)y",
     "error: port number 65536 must be in the range 1..65535"},
    {"match bad source label key", "VirtualService", HTTP_VS R"y(  - match:
    - sourceLabels: {"-app": x}
    route:
    - destination: {host: foo.bar}
)y",
     "error: \"-app\" is not a valid label key"},
    {"match source labels", "VirtualService", HTTP_VS R"y(  - match:
    - sourceLabels: {app.kubernetes.io/name: client, version: ""}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"match bad gateway", "VirtualService", HTTP_VS R"y(  - match:
    - gateways: [ns/bad_name]
    route:
    - destination: {host: foo.bar}
)y",
     "error: the name \"bad_name\" is not a DNS label"},
    {"match bad source namespace", "VirtualService", HTTP_VS R"y(  - match:
    - sourceNamespace: bad.namespace
    route:
    - destination: {host: foo.bar}
)y",
     "error: sourceNamespace \"bad.namespace\" is not a namespace name"},
    {"invalid mirror percent", "VirtualService", HTTP_VS R"y(  - mirrorPercent: 101
    route:
    - destination: {host: foo.bar}
)y",
     "error: mirrorPercent must be at most 100, not 101"},
    {"invalid mirror percentage", "VirtualService", HTTP_VS R"y(  - mirrorPercentage: {value: 101}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a mirror percentage must be between 0 and 100, not 101"},
    {"valid mirror percentage", "VirtualService", HTTP_VS R"y(  - mirror: {host: foo.baz}
    mirrorPercentage: {value: 1}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"negative mirror percentage", "VirtualService", HTTP_VS R"y(  - mirrorPercentage: {value: -1}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a mirror percentage must be between 0 and 100, not -1"},
    {"mirrors without destination", "VirtualService", HTTP_VS R"y(  - mirrors:
    - percentage: {value: 5}
    route:
    - destination: {host: foo.bar}
)y",
     "error: destination"},
    {"mirrors invalid mirror percentage", "VirtualService", HTTP_VS R"y(  - mirrors:
    - destination: {host: foo.baz}
    - destination: {host: foo.baz}
      percentage: {value: 101}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a mirror percentage must be between 0 and 100, not 101"},
    {"mirrors valid mirror percentage", "VirtualService", HTTP_VS R"y(  - mirrors:
    - destination: {host: foo.baz}
      percentage: {value: 1}
    - destination: {host: foo.baz}
      percentage: {value: 50}
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"mirrors negative mirror percentage", "VirtualService", HTTP_VS R"y(  - mirrors:
    - destination: {host: foo.baz}
      percentage: {value: -1}
    route:
    - destination: {host: foo.bar}
)y",
     "error: not -1"},
    {"mirror to bad host", "VirtualService", HTTP_VS R"y(  - mirror: {host: "*"}
    route:
    - destination: {host: foo.bar}
)y",
     "error: a destination host cannot be \"*\""},
    {"conflicting mirror and mirrors", "VirtualService", HTTP_VS R"y(  - mirror: {host: foo.baz}
    mirrors:
    - destination: {host: foo.bar}
    route:
    - destination: {host: foo.baz}
)y",
     "error: a route takes either mirror or mirrors, not both"},
    {"timeout", "VirtualService", HTTP_VS R"y(  - timeout: 10s
    route:
    - destination: {host: foo.bar}
)y",
     ""},
    {"timeout 0s", "VirtualService", HTTP_VS R"y(  - timeout: 0s
    route:
    - destination: {host: foo.bar}
)y",
     "error: duration \"0s\" must be at least 1ms"},
    {"timeout finer than ms", "VirtualService", HTTP_VS R"y(  - timeout: 1.0000001s
    route:
    - destination: {host: foo.bar}
)y",
     "error: finer than a millisecond"},
    // TestValidateRootHTTPRoute.
    {"redirect and delegate conflict", "VirtualService",
     HTTP_VS R"y(  - delegate: {name: test, namespace: test}
    redirect: {uri: /lerp, authority: foo.biz}
)y",
     "error: a route that delegates cannot also redirect"},
    {"root null header match", "VirtualService",
     HTTP_VS R"y(  - delegate: {name: test, namespace: test}
    match:
    - headers:
        header: null
)y",
     "error: header"},
    {"root regex matches", "VirtualService", HTTP_VS R"y(  - delegate: {name: test, namespace: test}
    match:
    - headers:
        header: {regex: test}
      uri: {regex: test}
      queryParams:
        q: {prefix: test}
)y",
     ""},
    {"empty regex match in method", "VirtualService", HTTP_VS R"y(  - match:
    - method: {regex: ""}
    redirect: {uri: /, authority: foo.biz}
)y",
     "error: a regex match on the method cannot be empty"},
    {"empty regex match in uri", "VirtualService", HTTP_VS R"y(  - match:
    - uri: {regex: ""}
    redirect: {uri: /, authority: foo.biz}
)y",
     "error: a regex match on the uri cannot be empty"},
    {"empty regex match in query", "VirtualService", HTTP_VS R"y(  - match:
    - queryParams:
        q: {regex: ""}
    redirect: {uri: /, authority: foo.biz}
)y",
     "error: a regex match on query parameter \"q\" cannot be empty"},
    {"empty regex match in scheme", "VirtualService", HTTP_VS R"y(  - match:
    - scheme: {regex: ""}
    redirect: {uri: /, authority: foo.biz}
)y",
     "error: a regex match on the scheme cannot be empty"},
    // TestValidateDelegateHTTPRoute (a VirtualService without hosts).
    {"delegate weighted over 100", "VirtualService", R"y(  http:
  - route:
    - destination: {host: foo.baz.south}
      weight: 55
    - destination: {host: foo.baz.east}
      weight: 50
)y",
     ""},
    {"delegate simple redirect", "VirtualService", R"y(  http:
  - redirect: {uri: /lerp, authority: foo.biz}
)y",
     ""},
};

// TestValidateRouteDestination and TestValidateDestination, on a tcp route.
#define TCP_VS "  hosts: [foo.bar]\n  tcp:\n  - route:\n"

const WebhookCase kDestinations[] = {
    {"simple", "VirtualService", TCP_VS "    - destination: {host: foo.baz}\n", ""},
    {"wildcard dash", "VirtualService", TCP_VS "    - destination: {host: \"*-foo.baz\"}\n", ""},
    {"wildcard prefix", "VirtualService", TCP_VS "    - destination: {host: \"*foo.baz\"}\n", ""},
    {"wildcard", "VirtualService", TCP_VS "    - destination: {host: \"*\"}\n",
     "error: a destination host cannot be \"*\""},
    {"bad wildcard", "VirtualService", TCP_VS "    - destination: {host: \"foo.*\"}\n",
     "error: domain name \"foo.*\" is invalid"},
    {"bad fqdn", "VirtualService", TCP_VS "    - destination: {host: default/baz}\n",
     "error: domain name \"default/baz\" is invalid"},
    {"empty host", "VirtualService", TCP_VS "    - destination: {host: \"\"}\n",
     "error: an empty domain name is not allowed"},
    {"no destination", "VirtualService", TCP_VS "    - weight: 100\n", "error: destination"},
    {"weighted", "VirtualService", TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 25
    - destination: {host: foo.baz.east}
      weight: 75
)y",
     ""},
    {"weight < 0", "VirtualService", TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 5
    - destination: {host: foo.baz.east}
      weight: -1
)y",
     "error: a destination's weight cannot be negative (-1)"},
    {"total weight > 100", "VirtualService", TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 550
    - destination: {host: foo.baz.east}
      weight: 500
)y",
     ""},
    {"total weight = 100", "VirtualService", TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 100
    - destination: {host: foo.baz.east}
      weight: 0
)y",
     ""},
    {"weight = 0", "VirtualService", TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 0
)y",
     ""},
    {"total weight = 0 with multi RouteDestination", "VirtualService",
     TCP_VS R"y(    - destination: {host: foo.baz.south}
      weight: 0
    - destination: {host: foo.baz.east}
      weight: 0
)y",
     "error: add up to 0"},
    {"full", "VirtualService",
     TCP_VS "    - destination: {host: foo.bar, subset: shiny, port: {number: 5000}}\n", ""},
    {"unnumbered-selector", "VirtualService",
     TCP_VS "    - destination: {host: foo.bar, subset: shiny, port: {}}\n",
     "error: port number 0 must be in the range 1..65535"},
    {"bad subset", "VirtualService", TCP_VS "    - destination: {host: foo.bar, subset: v1_a}\n",
     "error: subset name \"v1_a\" is not a DNS label"},
    {"tls destination port out of range", "VirtualService", R"y(  hosts: [foo.bar]
  tls:
  - match:
    - sniHosts: [foo.bar]
    route:
    - destination: {host: foo.bar, port: {number: 65536}}
)y",
     "error: port number 65536"},
};

#define ROUTE_TO_FOO "    route:\n    - destination: {host: foo.baz}\n"

// TestValidateHTTPRedirect, TestValidateHTTPDirectResponse, TestValidateHTTPRewrite,
// TestValidateUriRegexRewrite, TestValidateHTTPRetry, TestValidateHTTPFaultInjectionAbort,
// TestValidateHTTPFaultInjectionDelay, TestValidateCORSPolicy.
const WebhookCase kPolicies[] = {
    {"redirect without uri or authority", "VirtualService",
     HTTP_VS "  - redirect: {uri: \"\", authority: \"\"}\n",
     "error: a redirect must change the uri, authority, scheme or port"},
    {"redirect code too small", "VirtualService",
     HTTP_VS "  - redirect: {uri: t, redirectCode: 299}\n",
     "error: redirect code 299 is not a redirection"},
    {"redirect code too large", "VirtualService",
     HTTP_VS "  - redirect: {uri: t, redirectCode: 400}\n",
     "error: redirect code 400 is not a redirection"},
    {"redirect empty authority", "VirtualService",
     HTTP_VS "  - redirect: {uri: t, authority: \"\"}\n", ""},
    {"redirect empty uri", "VirtualService", HTTP_VS "  - redirect: {uri: \"\", authority: t}\n",
     ""},
    {"redirect normal", "VirtualService",
     HTTP_VS "  - redirect: {uri: t, authority: t, redirectCode: 308}\n", ""},
    {"redirect scheme", "VirtualService", HTTP_VS "  - redirect: {scheme: ftp}\n",
     "error: a redirect's scheme is \"http\" or \"https\", not \"ftp\""},
    {"redirect port only", "VirtualService", HTTP_VS "  - redirect: {port: 8443}\n", ""},
    {"redirect derived port only", "VirtualService",
     HTTP_VS "  - redirect: {derivePort: FROM_REQUEST_PORT}\n", ""},
    {"redirect port out of range", "VirtualService", HTTP_VS "  - redirect: {port: 70000}\n",
     "error: port number 70000"},
    {"direct response status 200", "VirtualService", HTTP_VS "  - directResponse: {status: 200}\n",
     ""},
    {"direct response status 199", "VirtualService", HTTP_VS "  - directResponse: {status: 199}\n",
     "error: HTTP status 199 is not between 200 and 599"},
    {"direct response status 601", "VirtualService", HTTP_VS "  - directResponse: {status: 601}\n",
     "error: HTTP status 601 is not between 200 and 599"},
    {"direct response string body", "VirtualService",
     HTTP_VS "  - directResponse: {status: 200, body: {string: hello}}\n", ""},
    {"direct response bytes body", "VirtualService",
     HTTP_VS "  - directResponse: {status: 200, body: {bytes: aGVsbG8=}}\n", ""},
    {"rewrite uri and authority", "VirtualService",
     HTTP_VS "  - rewrite: {uri: /path/to/resource, authority: foobar.org}\n" ROUTE_TO_FOO, ""},
    {"rewrite uri", "VirtualService",
     HTTP_VS "  - rewrite: {uri: /path/to/resource}\n" ROUTE_TO_FOO, ""},
    {"rewrite authority", "VirtualService",
     HTTP_VS "  - rewrite: {authority: foobar.org}\n" ROUTE_TO_FOO, ""},
    {"uriRegexRewrite", "VirtualService",
     HTTP_VS "  - rewrite:\n      uriRegexRewrite: {match: '^/service/([^/]+)(/.*)$', rewrite: "
             "'\\2/instance/\\1'}\n" ROUTE_TO_FOO,
     ""},
    {"uriRegexRewrite and authority", "VirtualService",
     HTTP_VS "  - rewrite:\n      authority: foobar.org\n      uriRegexRewrite: {match: "
             "'^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1'}\n" ROUTE_TO_FOO,
     ""},
    {"uriRegexRewrite and uri", "VirtualService",
     HTTP_VS "  - rewrite:\n      uri: /path/to/resource\n      uriRegexRewrite: {match: "
             "'^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1'}\n" ROUTE_TO_FOO,
     "error: a rewrite takes either uri or uriRegexRewrite, not both"},
    {"no uri, uriRegexRewrite, or authority", "VirtualService",
     HTTP_VS "  - rewrite: {}\n" ROUTE_TO_FOO,
     "error: a rewrite must set the uri, uriRegexRewrite or authority"},
    {"uriRegexRewrite missing match", "VirtualService",
     HTTP_VS "  - rewrite:\n      uriRegexRewrite: {rewrite: '\\2/instance/\\1'}\n" ROUTE_TO_FOO,
     "error: uriRegexRewrite needs both match and rewrite"},
    {"uriRegexRewrite missing rewrite", "VirtualService",
     HTTP_VS
     "  - rewrite:\n      uriRegexRewrite: {match: '^/service/([^/]+)(/.*)$'}\n" ROUTE_TO_FOO,
     "error: uriRegexRewrite needs both match and rewrite"},
    {"uriRegexRewrite invalid regex patterns", "VirtualService",
     HTTP_VS "  - rewrite:\n      uriRegexRewrite: {match: '[', rewrite: '['}\n" ROUTE_TO_FOO,
     "error: \"[\" is not a valid regular expression"},
    {"retries valid", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 2s, retryOn: "
             "\"5xx,gateway-error\"}\n" ROUTE_TO_FOO,
     ""},
    {"retries disabled", "VirtualService", HTTP_VS "  - retries: {attempts: 0}\n" ROUTE_TO_FOO, ""},
    {"retry policy configured but attempts set to zero", "VirtualService",
     HTTP_VS
     "  - retries: {attempts: 0, perTryTimeout: 2s, retryOn: \"5xx,gateway-error\"}\n" ROUTE_TO_FOO,
     "error: retries are off (attempts is 0)"},
    {"retries valid default", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10}\n" ROUTE_TO_FOO, ""},
    {"retries valid http status retryOn", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 2s, retryOn: "
             "\"503,connect-failure\"}\n" ROUTE_TO_FOO,
     ""},
    {"retries invalid attempts", "VirtualService",
     HTTP_VS "  - retries: {attempts: -1, perTryTimeout: 2s}\n" ROUTE_TO_FOO,
     "error: retry attempts cannot be negative"},
    {"retries invalid timeout", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 2.000000001s}\n" ROUTE_TO_FOO,
     "error: finer than a millisecond"},
    {"retries timeout too small", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 0.000000999s}\n" ROUTE_TO_FOO,
     "error: must be at least 1ms"},
    {"retries invalid backoff", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, backoff: 0.000000999s}\n" ROUTE_TO_FOO,
     "error: must be at least 1ms"},
    {"retries invalid policy retryOn", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 2s, retryOn: \"5xx,invalid "
             "policy\"}\n" ROUTE_TO_FOO,
     "error: \"invalid policy\" is not a retryOn policy"},
    {"retries invalid http status retryOn", "VirtualService",
     HTTP_VS "  - retries: {attempts: 10, perTryTimeout: 2s, retryOn: "
             "\"600,connect-failure\"}\n" ROUTE_TO_FOO,
     "error: \"600\" is not a retryOn policy"},
    {"retries retryOn with a space", "VirtualService",
     HTTP_VS "  - retries: {attempts: 3, retryOn: \"5xx, reset\"}\n" ROUTE_TO_FOO,
     "error: \" reset\" is not a retryOn policy"},
    {"retryRemoteLocalities but attempts set to zero", "VirtualService",
     HTTP_VS "  - retries: {attempts: 0, retryRemoteLocalities: false}\n" ROUTE_TO_FOO,
     "error: retries are off (attempts is 0)"},
    {"abort valid", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {percentage: {value: 20}, httpStatus: 200}\n" ROUTE_TO_FOO,
     ""},
    {"abort valid default", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {httpStatus: 200}\n" ROUTE_TO_FOO, ""},
    {"abort invalid http status", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {percentage: {value: 20}, httpStatus: 9000}\n" ROUTE_TO_FOO,
     "error: HTTP status 9000 is not between 200 and 599"},
    {"abort invalid low http status", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {percentage: {value: 20}, httpStatus: 100}\n" ROUTE_TO_FOO,
     "error: HTTP status 100 is not between 200 and 599"},
    {"abort valid percentage", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: 0.001}, httpStatus: 200}\n" ROUTE_TO_FOO,
     ""},
    {"abort invalid fractional percent", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: -10.0}, httpStatus: 200}\n" ROUTE_TO_FOO,
     "error: percentage -10.0 is neither 0 nor between 0.0001 and 100"},
    {"abort too small percentage", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: 0.00001}, httpStatus: 503}\n" ROUTE_TO_FOO,
     "error: is neither 0 nor between 0.0001 and 100"},
    {"grpc abort valid", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {percentage: {value: 20}, grpcStatus: "
             "DEADLINE_EXCEEDED}\n" ROUTE_TO_FOO,
     ""},
    {"grpc abort valid default percentage", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {grpcStatus: DEADLINE_EXCEEDED}\n" ROUTE_TO_FOO, ""},
    {"grpc abort valid percentage", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: 0.001}, grpcStatus: INTERNAL}\n" ROUTE_TO_FOO,
     ""},
    {"grpc abort invalid status", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: 20}, grpcStatus: BAD_STATUS}\n" ROUTE_TO_FOO,
     "error: \"BAD_STATUS\" is not a gRPC status name"},
    {"grpc abort invalid fractional percent", "VirtualService",
     HTTP_VS
     "  - fault:\n      abort: {percentage: {value: -10.0}, grpcStatus: INTERNAL}\n" ROUTE_TO_FOO,
     "error: percentage -10"},
    {"http2 abort", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {http2Error: CANCEL}\n" ROUTE_TO_FOO,
     "error: aborting with an HTTP/2 error is not supported yet"},
    {"abort without error type", "VirtualService",
     HTTP_VS "  - fault:\n      abort: {percentage: {value: 20}}\n" ROUTE_TO_FOO,
     "warning: an abort without httpStatus or grpcStatus does nothing"},
    {"fault without abort or delay", "VirtualService", HTTP_VS "  - fault: {}\n" ROUTE_TO_FOO,
     "error: a fault needs an abort, a delay or both"},
    {"delay valid fixed", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {percentage: {value: 20}, fixedDelay: 3s}\n" ROUTE_TO_FOO,
     ""},
    {"delay valid default", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {fixedDelay: 3s}\n" ROUTE_TO_FOO, ""},
    {"delay invalid percent", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {percentage: {value: 101}, fixedDelay: 3s}\n" ROUTE_TO_FOO,
     "error: percentage 101 is neither 0 nor between 0.0001 and 100"},
    {"delay invalid delay", "VirtualService",
     HTTP_VS
     "  - fault:\n      delay: {percentage: {value: 20}, fixedDelay: 3.000000042s}\n" ROUTE_TO_FOO,
     "error: finer than a millisecond"},
    {"delay valid fractional percentage", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {percentage: {value: 0.001}, fixedDelay: 3s}\n" ROUTE_TO_FOO,
     ""},
    {"delay invalid fractional percentage", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {percentage: {value: -10.0}, fixedDelay: 3s}\n" ROUTE_TO_FOO,
     "error: percentage -10"},
    {"exponential delay", "VirtualService",
     HTTP_VS "  - fault:\n      delay: {exponentialDelay: 3s}\n" ROUTE_TO_FOO,
     "error: exponentialDelay is not supported yet"},
    {"cors valid", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowMethods: [GET, POST]
      allowHeaders: [header1, header2]
      exposeHeaders: [header3]
      maxAge: 2s
)y" ROUTE_TO_FOO,
     ""},
    {"cors bad method", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowMethods: [GET, PUTT]
      allowHeaders: [header1, header2]
      exposeHeaders: [header3]
      maxAge: 2s
)y" ROUTE_TO_FOO,
     "error: \"PUTT\" is not an HTTP method"},
    {"cors bad header", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowMethods: [GET, POST]
      allowHeaders: [header1, header2]
      exposeHeaders: [""]
      maxAge: 2s
)y" ROUTE_TO_FOO,
     "error: a header name cannot be empty"},
    {"cors bad max age", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowMethods: [GET, POST]
      maxAge: 2.000000042s
)y" ROUTE_TO_FOO,
     "error: maxAge counts whole seconds only"},
    {"cors empty matchType AllowOrigins", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowOrigins:
      - exact: ""
      - prefix: ""
      - regex: ""
      allowMethods: [GET, POST]
)y" ROUTE_TO_FOO,
     "error: an allowed origin needs a non-empty exact, prefix or regex"},
    {"cors non empty matchType AllowOrigins", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowOrigins:
      - exact: exact
      - prefix: prefix
      - regex: regex
      allowMethods: [GET, POST]
      allowHeaders: ["*"]
)y" ROUTE_TO_FOO,
     ""},
    {"cors bad origin regex", "VirtualService", HTTP_VS R"y(  - corsPolicy:
      allowOrigins:
      - regex: "https://(a|b"
)y" ROUTE_TO_FOO,
     "error: \"https://(a|b\" is not a valid regular expression"},
};

// Bodies too large to write out: Istio warns over 100kB and refuses over 1MB.
QByteArray directResponse(const QByteArray &body) {
    WebhookCase c{"", "VirtualService", "", ""};
    const QByteArray spec = HTTP_VS "  - directResponse:\n      status: 200\n      body:\n" + body;
    c.spec = spec.constData();
    return documentOf(c);
}

} // namespace

class TestWebhookVirtualService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void documents_data() { addRows(kDocuments); }
    void documents() { verify(); }
    void httpRoutes_data() { addRows(kHttpRoutes); }
    void httpRoutes() { verify(); }
    void destinations_data() { addRows(kDestinations); }
    void destinations() { verify(); }
    void policies_data() { addRows(kPolicies); }
    void policies() { verify(); }

    void largeDirectResponses_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expect");
        const QByteArray kb101 = QByteArray(101 * 1024, 'a');
        const QByteArray mb2 = QByteArray(2 * 1024 * 1024, 'a');
        QTest::newRow("string body over 100kb")
            << directResponse("        string: " + kb101 + "\n")
            << QStringLiteral("warning: a direct response body over 100kB");
        QTest::newRow("string body over 1mb") << directResponse("        string: " + mb2 + "\n")
                                              << QStringLiteral("error: must be under 1MB");
        QTest::newRow("bytes body over 100kb")
            << directResponse("        bytes: " + QByteArray(100 * 1024 + 1, 'a').toBase64() + "\n")
            << QStringLiteral("warning: a direct response body over 100kB");
        QTest::newRow("bytes body over 1mb")
            << directResponse("        bytes: " + QByteArray(1024 * 1024 + 1, 'a').toBase64() +
                              "\n")
            << QStringLiteral("error: must be under 1MB");
    }
    void largeDirectResponses() { verify(); }

private:
    static void verify() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }
};

QTEST_GUILESS_MAIN(TestWebhookVirtualService)
#include "tst_webhook_virtualservice.moc"
