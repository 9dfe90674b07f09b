// Validates every Istio and Gateway API document in the given YAML streams against the published
// CRD schemas, through @kubernetes-models/istio and @kubernetes-models/gateway-api (ajv over the
// schemas generated from each project's API types). Independent of Egret's own schema code on
// purpose: this is the second opinion on what `egret export` writes.
//
// @kubernetes-models/gateway-api is pinned at 2.0.0, not 0.5.x: 0.5.x models Gateway API 1.1-1.2
// (no GRPCRoute, TLSRoute or BackendTLSPolicy at v1, no v1alpha3), while 2.0.0 models Gateway API
// 1.5 and covers every version Egret reads (model/core/Kind.cpp, gatewayApiVersions) but two, which
// it did not publish: TCPRoute v1 (Gateway API 1.6) and BackendTLSPolicy v1alpha2 (1.0). Those are
// listed as unchecked here and left to Egret's own schema.
//
//   node check-schema.mjs FILE...
//
// Prints one line per failing document and a summary; exits 1 when any document fails.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const istio = /^(networking|security|telemetry|extensions)\.istio\.io\/(v1|v1beta1|v1alpha1|v1alpha3)$/;
const gatewayApi = /^gateway\.networking\.k8s\.io\/(v1|v1beta1|v1alpha2|v1alpha3)$/;
const unpublished = new Set([
  "gateway.networking.k8s.io/v1/TCPRoute",
  "gateway.networking.k8s.io/v1alpha2/BackendTLSPolicy",
]);
const models = new Map();

async function modelFor(pkg, apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    try {
      const mod = await import(`${pkg}/${apiVersion}/${kind}`);
      models.set(key, mod[kind] ?? null);
    } catch {
      models.set(key, null);
    }
  }
  return models.get(key);
}

let checked = 0;
let checkedGatewayApi = 0;
let unchecked = 0;
let skipped = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  // YAML 1.1, as kubectl reads manifests: an unquoted 80 is a number, "80" a string.
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1" });
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      console.log(`${file}: not YAML: ${doc.errors[0].message}`);
      failed++;
      continue;
    }
    const obj = doc.toJS();
    const apiVersion = obj && typeof obj === "object" ? obj.apiVersion ?? "" : "";
    const isGatewayApi = gatewayApi.test(apiVersion);
    if (!isGatewayApi && !istio.test(apiVersion)) {
      skipped++;
      continue;
    }
    if (unpublished.has(`${apiVersion}/${obj.kind}`)) {
      console.log(`${file}: ${apiVersion} ${obj.kind} ${obj.metadata?.name}: not in the pinned package; checked by Egret only`);
      unchecked++;
      continue;
    }
    const pkg = isGatewayApi ? "@kubernetes-models/gateway-api" : "@kubernetes-models/istio";
    const Model = await modelFor(pkg, apiVersion, obj.kind);
    if (!Model) {
      console.log(`${file}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}: no published schema`);
      failed++;
      continue;
    }
    checked++;
    if (isGatewayApi) checkedGatewayApi++;
    try {
      new Model(obj).validate();
    } catch (e) {
      failed++;
      console.log(`${file}: ${obj.kind} ${obj.metadata?.namespace ?? ""}/${obj.metadata?.name}: ${e.message}`);
    }
  }
}
console.log(`schema check: ${checked} documents checked (${checked - checkedGatewayApi} Istio, ${checkedGatewayApi} Gateway API), ${failed} failed, ${unchecked} without a published schema, ${skipped} other documents skipped`);
process.exit(failed > 0 || checked === 0 ? 1 : 0);
