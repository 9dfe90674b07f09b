// Validates every Istio document in the given YAML streams against Istio's published CRD schemas,
// through @kubernetes-models/istio (ajv over the CRDs' OpenAPI v3 schemas). Independent of
// Egret's own schema code on purpose: this is the second opinion on what `egret export` writes.
//
//   node check-schema.mjs FILE...
//
// Prints one line per failing document and a summary; exits 1 when any document fails.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const istio = /^(networking|security|telemetry|extensions)\.istio\.io\/(v1|v1beta1|v1alpha1|v1alpha3)$/;
const models = new Map();

async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    try {
      const mod = await import(`@kubernetes-models/istio/${apiVersion}/${kind}`);
      models.set(key, mod[kind] ?? null);
    } catch {
      models.set(key, null);
    }
  }
  return models.get(key);
}

let checked = 0;
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
    if (!obj || typeof obj !== "object" || !istio.test(obj.apiVersion ?? "")) {
      skipped++;
      continue;
    }
    const Model = await modelFor(obj.apiVersion, obj.kind);
    if (!Model) {
      console.log(`${file}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}: no published schema`);
      failed++;
      continue;
    }
    checked++;
    try {
      new Model(obj).validate();
    } catch (e) {
      failed++;
      console.log(`${file}: ${obj.kind} ${obj.metadata?.namespace ?? ""}/${obj.metadata?.name}: ${e.message}`);
    }
  }
}
console.log(`schema check: ${checked} Istio documents checked, ${failed} failed, ${skipped} other documents skipped`);
process.exit(failed > 0 || checked === 0 ? 1 : 0);
