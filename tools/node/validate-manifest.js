#!/usr/bin/env node
// Validates an unpacked Teams app package offline, as Teams will: manifest.json against the official JSON schema of
// its manifestVersion, and each localization file against that version's localization schema (both shipped in
// @microsoft/app-manifest; draft-04, so ajv-draft-04 + ajv-formats). A localization key must also name a string
// that exists in the manifest, or Teams refuses the package.
//
// Usage: node validate-manifest.js <directory with manifest.json>
// Prints {"ok": true|false, "manifestVersion": "...", "errors": ["..."]}. Exit code: 0 valid, 1 invalid, 2 usage.
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build/json-schemas/teams");

function main(directory) {
  const manifest = readJson(path.join(directory, "manifest.json"));
  const version = manifest.manifestVersion;
  const folder = path.join(schemas, `v${version}`);
  if (typeof version !== "string" || !fs.existsSync(folder)) {
    return { ok: false, manifestVersion: version, errors: [`no official schema for manifestVersion ${version}`] };
  }
  const errors = check(path.join(folder, "MicrosoftTeams.schema.json"), manifest, "manifest.json");
  for (const language of (manifest.localizationInfo || {}).additionalLanguages || []) {
    const strings = readJson(path.join(directory, language.file));
    errors.push(...check(path.join(folder, "MicrosoftTeams.Localization.schema.json"), strings, language.file));
    for (const key of Object.keys(strings).filter((k) => k !== "$schema" && k !== "localizationKeys")) {
      if (typeof lookup(manifest, key) !== "string") {
        errors.push(`${language.file}: ${key} names nothing in manifest.json`);
      }
    }
  }
  return { ok: errors.length === 0, manifestVersion: version, errors };
}

// unicodeRegExp off: the official localization schema has patterns (a bare "]") that only non-unicode RegExp accepts.
function check(schemaFile, data, name) {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(readJson(schemaFile));
  return validate(data) ? [] : validate.errors.map((e) => `${name}${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

// "bots[0].commandLists[1].commands[2].title" → the value at that path, or undefined.
function lookup(object, key) {
  return key.split(".").reduce((node, part) => {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match || node === undefined || node === null) return undefined;
    let value = node[match[1]];
    for (const index of match[2].match(/\d+/g) || []) {
      value = value === undefined || value === null ? undefined : value[Number(index)];
    }
    return value;
  }, object);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

if (process.argv.length !== 3) {
  console.error("Usage: node validate-manifest.js <directory with manifest.json>");
  process.exit(2);
}
try {
  const result = main(process.argv[2]);
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  console.log(JSON.stringify({ ok: false, errors: [String(error && error.message ? error.message : error)] }));
  process.exit(1);
}
