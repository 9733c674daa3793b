// Builds ../../assets/vendor/plotly-swl.min.js from index.js with plotly's own esbuild settings (see
// node_modules/plotly.js/esbuild-config.js), minus the WebGL/map plugins the book's traces do not need.
// Run through `make plotly-bundle`, which installs the locked versions first (npm ci).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('node_modules/plotly.js/package.json', import.meta.url)));
const banner = `/**
* plotly.js v${version} (the book's partial bundle: scatter, bar, heatmap, scatterpolar)
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/`;

await build({
    entryPoints: [new URL('index.js', import.meta.url).pathname],
    outfile: new URL('../../assets/vendor/plotly-swl.min.js', import.meta.url).pathname,
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    minify: true,
    legalComments: 'none',
    banner: { js: banner },
    // The only CSS import is maplibre's, reached only when a map trace registers: never here.
    loader: { '.css': 'empty' },
    alias: { stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    target: 'es2016',
    logLevel: 'warning',
    metafile: process.env.SWL_METAFILE === '1',
}).then((r) => {
    if (r.metafile) { writeFileSync('meta.json', JSON.stringify(r.metafile)); }
});
