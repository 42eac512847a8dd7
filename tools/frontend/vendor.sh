#!/usr/bin/env bash
# Copies the pinned front-end libraries, with their licences, into the app's static files.
# The copies are committed, so that a fresh clone runs with `dotnet run` alone and never a CDN.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
lib=../../src/GridGov.App/wwwroot/lib/echarts
mkdir -p "$lib"
cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE node_modules/echarts/NOTICE "$lib/"
cp node_modules/echarts/licenses/LICENSE-d3 "$lib/LICENSE-d3-echarts-bundled"
cp node_modules/zrender/LICENSE "$lib/LICENSE-zrender"
cp node_modules/tslib/LICENSE.txt "$lib/LICENSE-tslib"
echo "echarts $(node -p "require('./node_modules/echarts/package.json').version") copied to $lib"
