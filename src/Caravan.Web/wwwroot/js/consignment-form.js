// The lodging form, made quicker when scripts run (it works without them: every change is a post that comes back).
// - HS code: suggestions from /api/v1/hs as the trader types words or digits.
// - Route: the crossings offered for each border follow the countries and the transport mode as they are chosen.
(function () {
  "use strict";
  var form = document.querySelector("[data-trade-form]");
  if (!form) { return; }
  var language = (document.documentElement.lang || "en").slice(0, 2);

  form.querySelectorAll("[data-noscript]").forEach(function (el) { el.hidden = true; });

  function format(template, a, b) { return template.replace("{0}", a).replace("{1}", b); }

  // --- HS code suggestions -------------------------------------------------------------------------------
  var timers = new WeakMap();
  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var q = input.value.trim();
    if (!list || q.length < 2 || /^\d{6,}$/.test(q)) { return; }
    var url = "/api/v1/hs?pageSize=12&q=" + encodeURIComponent(q) + (language === "ru" || language === "zh" ? "&lang=" + language : "");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) {
        if (!result || input.value.trim() !== q) { return; }
        // Word searches rank headings and list their matching subheadings; a declaration needs the subheading.
        var entries = [];
        result.items.forEach(function (e) {
          entries.push(e);
          (e.subheadings || []).forEach(function (s) { entries.push(s); });
        });
        var items = entries.filter(function (e) { return e.code.length >= 6; });
        if (items.length === 0) { items = entries; }
        list.replaceChildren.apply(list, items.slice(0, 12).map(function (e) {
          var option = document.createElement("option");
          option.value = e.code;
          option.label = e.code + " · " + ((language === "ru" && e.descriptionRu) || (language === "zh" && e.descriptionZh) || e.descriptionEn);
          return option;
        }));
      })
      .catch(function () { /* suggestions are a convenience: typing the code still works */ });
  }
  form.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.field !== "hs") { return; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { suggest(input); }, 250));
  });

  // --- Route and crossings ---------------------------------------------------------------------------------
  var borders = form.querySelector("[data-borders]");
  var transits = form.querySelector("[data-transits]");
  var modeSelect = form.querySelector("[data-mode]");
  var crossings = null;

  function loadCrossings() {
    if (crossings) { return Promise.resolve(crossings); }
    return fetch("/api/v1/border-crossings", { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (all) { crossings = all; return all; });
  }

  function countryName(code) {
    var option = form.querySelector("select[name='countryOfDispatch'] option[value='" + code + "']");
    return option ? option.textContent : code;
  }

  function routeCountries() {
    return Array.prototype.slice.call(form.querySelectorAll("select[data-route]"))
      .map(function (s) { return s.value; })
      .filter(function (v) { return v; });
  }

  // Keeps one empty transit choice after the last one filled (up to four transit countries).
  function growTransits() {
    var selects = transits.querySelectorAll("select[name^='transit[']");
    var last = selects[selects.length - 1];
    if (!last || !last.value || selects.length >= 4) { return; }
    var index = selects.length;
    var field = last.closest(".field").cloneNode(true);
    var select = field.querySelector("select");
    var label = field.querySelector("label");
    var error = field.querySelector(".field-error");
    if (error) { error.remove(); }
    field.classList.remove("invalid");
    select.name = "transit[" + index + "]";
    select.id = "f-transit-" + index;
    select.value = "";
    select.removeAttribute("aria-invalid");
    select.removeAttribute("aria-describedby");
    label.htmlFor = select.id;
    label.textContent = format(transits.dataset.label, String(index + 1));
    last.closest(".field").after(field);
  }

  function renderBorders(all) {
    var countries = routeCountries();
    var option = modeSelect.options[modeSelect.selectedIndex];
    var mode = option ? option.dataset.crossingMode : null;
    var previous = {};
    borders.querySelectorAll("select").forEach(function (s) { previous[s.name] = s.value; });
    var rows = [];
    for (var i = 0; i + 1 < countries.length; i++) {
      var from = countries[i], to = countries[i + 1], name = "route.crossings[" + i + "]";
      var open = all.filter(function (c) {
        var joins = (c.sideA.country === from && c.sideB.country === to) || (c.sideA.country === to && c.sideB.country === from);
        return joins && c.isOpen && (!mode || c.mode === mode);
      }).sort(function (a, b) { return a.id < b.id ? -1 : 1; });
      var existing = borders.querySelector("select[name='" + name + "']");
      var field = existing ? existing.closest(".field") : document.createElement("div");
      if (!existing) {
        field.className = "field";
        field.dataset.border = "";
        field.innerHTML = "<label></label><select></select>";
      }
      var select = field.querySelector("select");
      var label = field.querySelector("label");
      select.name = name;
      select.id = "f-route-crossings-" + i;
      label.htmlFor = select.id;
      label.textContent = format(borders.dataset.label, countryName(from), countryName(to));
      var first = document.createElement("option");
      first.value = "";
      first.textContent = open.length ? borders.dataset.choose : borders.dataset.none;
      select.replaceChildren.apply(select, [first].concat(open.map(function (c) {
        var o = document.createElement("option");
        o.value = c.id;
        o.textContent = c.id + " · " + c.name;
        return o;
      })));
      if (open.some(function (c) { return c.id === previous[name]; })) { select.value = previous[name]; }
      else if (open.length === 1) { select.value = open[0].id; }
      rows.push(field);
    }
    var empty = borders.querySelector("[data-borders-empty]");
    borders.querySelectorAll("[data-border]").forEach(function (f) { if (rows.indexOf(f) < 0) { f.remove(); } });
    rows.forEach(function (f) { borders.appendChild(f); });
    if (empty) { empty.hidden = rows.length > 0; }
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLSelectElement) || !(target.hasAttribute("data-route") || target.hasAttribute("data-mode"))) { return; }
    growTransits();
    loadCrossings().then(renderBorders).catch(function () { /* the "update route" post still works */ });
  });
})();
