// The plotly.js bundle of the book: plotly's core (which includes the scatter trace) plus the other trace
// types the book's figures use. tests/test_plotly_bundle.py fails when a figure uses a type not listed here.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scatterpolar'),
]);

module.exports = Plotly;
