// Runs before anything else on the page: the registry a headless browser test reads, and error capture.
(function () {
  'use strict';
  var report = { charts: {}, expected: [], errors: [], ready: false, chartjs: null };
  window.alignscopeReport = report;
  function record(message) {
    report.errors.push(String(message));
    if (typeof report.publish === 'function') {
      report.publish();
    }
  }
  report.record = record;
  window.onerror = function (message, source, line, column, error) {
    record((error && error.stack) || (message + ' at ' + source + ':' + line + ':' + column));
    return false;
  };
  window.addEventListener('unhandledrejection', function (event) {
    record('unhandled rejection: ' + (event.reason && event.reason.stack || event.reason));
  });
  var consoleError = console.error;
  console.error = function () {
    record('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  // Writes the registry into the status element so that a DOM dump carries it.
  report.publish = function () {
    var status = document.getElementById('alignscope-status');
    if (status) {
      status.textContent = JSON.stringify({
        ready: report.ready, chartjs: report.chartjs, expected: report.expected,
        charts: report.charts, errors: report.errors
      });
    }
  };
})();
