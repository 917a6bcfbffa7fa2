// The organisers' panel: select all, and keyboard shortcuts for the queue (j/k: next/previous
// entry, x: select it, a: approve it, r: reject it with the reason chosen on it). Without script
// every action is still a button.
(function () {
  var all = document.getElementById('all');
  if (all)
    all.addEventListener('change', function (e) {
      document.querySelectorAll('input[name=id]').forEach(function (box) {
        box.checked = e.target.checked;
      });
    });
  var entries = Array.prototype.slice.call(document.querySelectorAll('.queue li.entry[data-id]'));
  if (!entries.length) return;
  var at = -1;
  function focus(i) {
    at = Math.max(0, Math.min(entries.length - 1, i));
    entries.forEach(function (li, j) {
      li.classList.toggle('focused', j === at);
    });
    entries[at].focus();
    entries[at].scrollIntoView({ block: 'nearest' });
  }
  function press(kind) {
    if (at < 0) return;
    var button = entries[at].querySelector('button[data-key=' + kind + ']');
    if (button) button.click();
  }
  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') focus(at + 1);
    else if (e.key === 'k') focus(at - 1);
    else if (e.key === 'x' && at >= 0) {
      var box = entries[at].querySelector('input[name=id]');
      box.checked = !box.checked;
    } else if (e.key === 'a') press('approve');
    else if (e.key === 'r') press('reject');
    else return;
    e.preventDefault();
  });
})();
