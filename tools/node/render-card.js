#!/usr/bin/env node
// Writes a self-contained HTML page that renders one card with the official renderer and a Teams-like
// light theme, to look at or screenshot with a headless browser:
//   node render-card.js card.json card.html
//   chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=480,800 \
//     --virtual-time-budget=3000 --screenshot=card.png file://$PWD/card.html
// Teams-only Chart.* elements render as a labelled placeholder: the official renderer cannot draw them.
"use strict";

const fs = require("fs");

// The parts of Teams' light host config that change how a card looks (font, colours, spacing, actions).
const TEAMS_LIGHT_HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#EEEEEE" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: {
        default: { default: "#242424", subtle: "#616161" },
        accent: { default: "#5B5FC7", subtle: "#7579EB" },
        good: { default: "#0E7A0B", subtle: "#13A10E" },
        warning: { default: "#835C00", subtle: "#C19C00" },
        attention: { default: "#C4314B", subtle: "#D13438" },
      },
    },
    emphasis: {
      backgroundColor: "#F5F5F5",
      foregroundColors: { default: { default: "#242424", subtle: "#616161" } },
    },
  },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "left", showCard: { actionMode: "inline" } },
  adaptiveCard: { allowCustomStyle: true },
};

function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: node render-card.js <card.json> <page.html>");
    return 2;
  }
  const card = JSON.parse(fs.readFileSync(input, "utf8"));
  const renderer = fs.readFileSync(require.resolve("adaptivecards/dist/adaptivecards.min.js"), "utf8");
  // Keep "</script>" inside the inlined code or data from closing the script element early.
  const inline = (text) => text.replace(/<\/script/gi, "<\\/script");
  fs.writeFileSync(output, `<!doctype html>
<html><head><meta charset="utf-8"><title>card</title>
<style>body { margin: 0; padding: 16px; background: #F5F5F5; font-family: 'Segoe UI', system-ui, sans-serif; }
#card { max-width: 448px; background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }
.chart { padding: 12px; border: 1px dashed #BDBDBD; color: #616161; font-size: 12px; }
.ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; padding: 5px 12px; font: 600 14px 'Segoe UI', sans-serif; }</style>
<script>${inline(renderer)}</script>
</head><body><div id="card"></div>
<script>
const CHART_TYPES = ["Chart.Donut", "Chart.VerticalBar", "Chart.HorizontalBar", "Chart.Line"];
for (const typeName of CHART_TYPES) {
  class TeamsChart extends AdaptiveCards.CardElement {
    getJsonTypeName() { return typeName; }
    internalRender() {
      const element = document.createElement("div");
      element.className = "chart";
      element.textContent = typeName + (this.title ? ": " + this.title : "") + " (drawn by Teams)";
      return element;
    }
    parse(source, context) { super.parse(source, context); this.title = source.title; }
  }
  AdaptiveCards.GlobalRegistry.elements.register(typeName, TeamsChart, AdaptiveCards.Versions.v1_5);
}
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(TEAMS_LIGHT_HOST_CONFIG)});
card.parse(${inline(JSON.stringify(card))});
document.getElementById("card").appendChild(card.render());
</script></body></html>
`);
  return 0;
}

process.exitCode = main();
