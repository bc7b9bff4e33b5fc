#!/usr/bin/env node
// Validates Adaptive Card JSON files the way Teams will see them: the official renderer (adaptivecards 3.x)
// parses and validates each card at schema 1.5, and a small walk adds the required-property checks the
// renderer skips. Teams-only Chart.* elements are allow-listed and their data checked here.
//
// Usage: node validate-cards.js <directory>
// Prints one JSON line per *.json file: {"file": "...", "ok": true|false, "errors": ["..."]}.
// Exit code: 0 all valid, 1 some card invalid, 2 usage or I/O problem.
// Or:    node validate-cards.js --lines
// Reads one card per line on stdin and answers each with one line {"ok": ..., "errors": [...]}, until stdin ends
// (the fake Teams connector keeps one such process to check every card it receives).
"use strict";

const fs = require("fs");
const path = require("path");
const AC = require("adaptivecards/dist/adaptivecards.min.js");

const MAX_VERSION = AC.Versions.v1_5;
const CHART_TYPES = ["Chart.Donut", "Chart.VerticalBar", "Chart.HorizontalBar", "Chart.Line"];

AC.SerializableObject.defaultMaxVersion = MAX_VERSION;
// The renderer declares the lang pattern with the g flag, so RegExp.test alternates between true and false
// across cards in one process ("nl" is then reported invalid every other card). The same pattern, without g.
AC.CardElement.langProperty.regEx = /^[a-z]{2,3}$/i;
registerTeamsCharts();

// The renderer reports unknown types as errors; Teams renders charts, so register stand-ins for them.
function registerTeamsCharts() {
  for (const typeName of CHART_TYPES) {
    class TeamsChart extends AC.CardElement {
      getJsonTypeName() { return typeName; }
      internalRender() {
        const element = document.createElement("div");
        element.textContent = `[${typeName}]`;
        return element;
      }
    }
    AC.GlobalRegistry.elements.register(typeName, TeamsChart, MAX_VERSION);
  }
}

function rendererErrors(json) {
  // The renderer checks "lang" with a /g regex whose lastIndex survives between cards, so every other
  // card with a valid "lang" would fail in one process; start each card from a clean regex.
  AC.CardElement.langProperty.regEx.lastIndex = 0;
  const card = new AC.AdaptiveCard();
  card.maxVersion = MAX_VERSION;
  const context = new AC.SerializationContext(MAX_VERSION);
  card.parse(json, context);
  const errors = [];
  for (let i = 0; i < context.eventCount; i++) {
    errors.push(`renderer: ${context.getEventAt(i).message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    errors.push(`renderer: ${event.message}`);
  }
  return errors;
}

// Required properties the renderer accepts missing.
function requiredPropertyErrors(json) {
  const errors = [];
  const fail = (at, message) => errors.push(`${at}: ${message}`);
  const isText = (value) => typeof value === "string" && value.trim().length > 0;
  const isNumber = (value) => typeof value === "number" && Number.isFinite(value);
  const list = (value) => (Array.isArray(value) ? value : []);

  function checkCard(card, at, isRoot) {
    if (!card || card.type !== "AdaptiveCard") {
      fail(at, 'type must be "AdaptiveCard"');
      return;
    }
    if (isRoot && !isText(card.version)) fail(at, "version must be set");
    if (card.msteams && card.msteams.width !== undefined && card.msteams.width !== "Full") {
      fail(`${at}.msteams.width`, 'must be "Full"');
    }
    if (card.refresh) {
      const action = card.refresh.action;
      if (!action || action.type !== "Action.Execute") fail(`${at}.refresh.action`, "must be an Action.Execute");
      else checkAction(action, `${at}.refresh.action`);
      if (card.refresh.userIds !== undefined && (!Array.isArray(card.refresh.userIds) || card.refresh.userIds.length > 60)) {
        fail(`${at}.refresh.userIds`, "must be a list of at most 60 user ids");
      }
    }
    list(card.body).forEach((element, i) => checkElement(element, `${at}.body[${i}]`));
    list(card.actions).forEach((action, i) => checkAction(action, `${at}.actions[${i}]`));
    if (card.selectAction) checkAction(card.selectAction, `${at}.selectAction`);
  }

  function checkElement(element, at) {
    if (!element || typeof element !== "object") return fail(at, "must be an element object");
    const type = element.type;
    if (type && type.startsWith("Input.") && !isText(element.id)) fail(at, `${type} needs an id`);
    if (element.selectAction) checkAction(element.selectAction, `${at}.selectAction`);
    switch (type) {
      case "TextBlock":
        if (!isText(element.text)) fail(at, "TextBlock needs text");
        break;
      case "RichTextBlock":
        list(element.inlines).forEach((inline, i) => {
          if (typeof inline === "object" && !isText(inline.text)) fail(`${at}.inlines[${i}]`, "TextRun needs text");
          if (inline && inline.selectAction) checkAction(inline.selectAction, `${at}.inlines[${i}].selectAction`);
        });
        break;
      case "Image":
        if (!isText(element.url)) fail(at, "Image needs a url");
        break;
      case "FactSet":
        if (list(element.facts).length === 0) fail(at, "FactSet needs facts");
        list(element.facts).forEach((fact, i) => {
          if (!fact || typeof fact.title !== "string" || !isText(fact.value)) fail(`${at}.facts[${i}]`, "a fact needs a title and a value");
        });
        break;
      case "Container":
        list(element.items).forEach((item, i) => checkElement(item, `${at}.items[${i}]`));
        break;
      case "ColumnSet":
        list(element.columns).forEach((column, c) => {
          if (column && column.selectAction) checkAction(column.selectAction, `${at}.columns[${c}].selectAction`);
          list(column && column.items).forEach((item, i) => checkElement(item, `${at}.columns[${c}].items[${i}]`));
        });
        break;
      case "ActionSet":
        if (list(element.actions).length === 0) fail(at, "ActionSet needs actions");
        list(element.actions).forEach((action, i) => checkAction(action, `${at}.actions[${i}]`));
        break;
      case "Input.ChoiceSet":
        if (list(element.choices).length === 0) fail(at, "Input.ChoiceSet needs choices");
        list(element.choices).forEach((choice, i) => {
          if (!choice || !isText(choice.title) || typeof choice.value !== "string") fail(`${at}.choices[${i}]`, "a choice needs a title and a value");
        });
        break;
      case "Input.Toggle":
        if (!isText(element.title)) fail(at, "Input.Toggle needs a title");
        break;
      case "Chart.Donut":
        checkChartData(element, at, (point) => isText(point.legend) && isNumber(point.value), "{legend, value}");
        break;
      case "Chart.VerticalBar":
      case "Chart.HorizontalBar":
        checkChartData(element, at, (point) => point.x !== undefined && isNumber(point.y), "{x, y}");
        break;
      case "Chart.Line":
        checkChartData(element, at, (series) => isText(series.legend) && list(series.values).length > 0
          && series.values.every((point) => point && point.x !== undefined && isNumber(point.y)), "{legend, values: [{x, y}]}");
        break;
    }
  }

  function checkChartData(element, at, isValidPoint, shape) {
    if (list(element.data).length === 0) return fail(at, `${element.type} needs data`);
    element.data.forEach((point, i) => {
      if (!point || !isValidPoint(point)) fail(`${at}.data[${i}]`, `must look like ${shape}`);
    });
  }

  function checkAction(action, at) {
    if (!action || typeof action !== "object") return fail(at, "must be an action object");
    switch (action.type) {
      case "Action.OpenUrl":
        if (!isText(action.url)) fail(at, "Action.OpenUrl needs a url");
        break;
      case "Action.Execute":
        if (!isText(action.verb)) fail(at, "Action.Execute needs a verb");
        break;
      case "Action.ShowCard":
        if (!action.card) fail(at, "Action.ShowCard needs a card");
        else checkCard(action.card, `${at}.card`, false);
        break;
    }
  }

  checkCard(json, "card", true);
  return errors;
}

function validateText(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${error.message}`];
  }
  return [...rendererErrors(json), ...requiredPropertyErrors(json)];
}

function validateFile(file) {
  return validateText(fs.readFileSync(file, "utf8"));
}

function serveLines() {
  const lines = require("readline").createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const errors = validateText(line);
    process.stdout.write(JSON.stringify({ ok: errors.length === 0, errors }) + "\n");
  });
}

function main() {
  const directory = process.argv[2];
  if (directory === "--lines") {
    serveLines();
    return 0;
  }
  if (!directory || !fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    console.error("usage: node validate-cards.js <directory of *.json cards>");
    return 2;
  }
  const files = fs.readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  let allValid = true;
  for (const name of files) {
    const errors = validateFile(path.join(directory, name));
    allValid = allValid && errors.length === 0;
    console.log(JSON.stringify({ file: name, ok: errors.length === 0, errors }));
  }
  return allValid ? 0 : 1;
}

process.exitCode = main();
