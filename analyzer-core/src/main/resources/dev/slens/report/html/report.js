// Filters the findings table of an slens HTML report. Without JavaScript the filter form stays
// hidden and every finding is shown.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('findings');
  if (!form || !table) {
    return;
  }
  var names = ['pillar', 'severity', 'rule', 'file'];
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr.finding'));
  var status = document.getElementById('shown');

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = names.every(function (name) {
        var wanted = form.elements.namedItem(name).value;
        return wanted === '' || row.getAttribute('data-' + name) === wanted;
      });
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    status.textContent = shown === rows.length
      ? 'Showing all ' + rows.length + ' findings'
      : 'Showing ' + shown + ' of ' + rows.length + ' findings';
  }

  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  form.addEventListener('reset', function () {
    window.setTimeout(apply, 0);
  });
  form.hidden = false;
  apply();
}());
