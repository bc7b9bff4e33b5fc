#!/usr/bin/env bash
# Renders the icons' SVG sources to the PNGs the app package holds (both committed). Run after changing an SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
rsvg-convert --width 192 --height 192 color.svg --output color.png
rsvg-convert --width 32 --height 32 outline.svg --output outline.png
