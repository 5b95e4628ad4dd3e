(function () {
  "use strict";
  function show(id) {
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("detail")) return;
    document.querySelectorAll(".detail.open").forEach(function (d) { d.classList.remove("open"); });
    document.querySelectorAll(".s.active").forEach(function (s) {
      s.classList.remove("active");
      s.removeAttribute("aria-current");
    });
    target.classList.add("open");
    var s = document.querySelector('.s[aria-controls="' + id + '"]');
    if (s) { s.classList.add("active"); s.setAttribute("aria-current", "true"); }
    document.body.classList.add("has-open");
  }
  document.querySelectorAll("a.s").forEach(function (a) {
    var id = a.getAttribute("aria-controls");
    a.addEventListener("click", function (ev) { ev.preventDefault(); show(id); });
    a.addEventListener("focus", function () { show(id); });
  });
  var filter = document.getElementById("problems-only");
  if (filter) {
    var apply = function () { document.body.classList.toggle("problems-only", filter.checked); };
    filter.addEventListener("change", apply);
    apply();
  }
  if (location.hash) show(location.hash.slice(1));
})();
