// Draws every chart of the page from the embedded JSON, registers it, then marks the page ready.
(function () {
  'use strict';
  var report = window.alignscopeReport;

  function countPoints(chart) {
    var n = 0;
    chart.data.datasets.forEach(function (dataset) {
      dataset.data.forEach(function (value) {
        var y = (value !== null && typeof value === 'object') ? value.y : value;
        if (typeof y === 'number' && isFinite(y)) {
          n++;
        }
      });
    });
    return n;
  }

  try {
    var data = JSON.parse(document.getElementById('alignscope-data').textContent);
    report.expected = data.charts.map(function (c) { return c.id; });
    report.chartjs = Chart.version;
    Chart.defaults.animation = false;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
    Chart.defaults.color = '#333';
    data.charts.forEach(function (c) {
      try {
        var canvas = document.getElementById('chart-' + c.id);
        if (!canvas) {
          throw new Error('no canvas for chart ' + c.id);
        }
        var chart = new Chart(canvas, c.config);
        report.charts[c.id] = countPoints(chart);
      } catch (e) {
        report.record('chart ' + c.id + ': ' + (e && e.stack || e));
      }
    });
  } catch (e) {
    report.record(e && e.stack || e);
  } finally {
    report.ready = true;
    document.body.dataset.ready = 'true';
    report.publish();
  }
})();
