(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.chronology tbody tr"));
  var get = function (id) { return document.getElementById(id); };
  var controls = ["f-agency", "f-child", "f-flag", "f-status", "f-text", "f-from", "f-to"]
    .map(get);
  // each row's words, lower case, made once: a long chronology is filtered as it is typed
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function words(row, name) { return (row.getAttribute(name) || "").split(" "); }
  function apply() {
    var agency = get("f-agency").value, child = get("f-child").value;
    var flag = get("f-flag").value, status = get("f-status").value;
    var from = get("f-from").value, to = get("f-to").value, shown = 0;
    var terms = get("f-text").value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach(function (row, place) {
      var ok = (!agency || row.getAttribute("data-agency-index") === agency)
        && terms.every(function (term) { return texts[place].indexOf(term) >= 0; })
        && (!child || words(row, "data-children").indexOf(child) >= 0)
        && (!flag || (flag === "*" ? row.getAttribute("data-flags") !== ""
                                   : words(row, "data-flags").indexOf(flag) >= 0))
        && (!status || words(row, "data-status").indexOf(status) >= 0)
        && (!from || row.getAttribute("data-last") >= from)
        && (!to || row.getAttribute("data-first") <= to);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    get("f-count").textContent = shown + " of " + rows.length + " entries shown";
  }
  controls.forEach(function (control) { control.addEventListener("input", apply); });
  // a filtered view can be shared as a link: report.html?agency=0&status=not-seen
  var query = new URLSearchParams(window.location.search);
  ["agency", "child", "flag", "status", "text", "from", "to"].forEach(function (name) {
    if (query.has(name)) { get("f-" + name).value = query.get(name); }
  });
  apply();
  get("f-clear").addEventListener("click", function () {
    controls.forEach(function (control) { control.value = ""; });
    apply();
  });
}());
