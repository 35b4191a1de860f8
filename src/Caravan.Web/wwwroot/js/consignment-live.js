// The consignment page, kept current: every few seconds it reads the consignment and its timeline from the API
// (same origin, the session cookie) and updates the status, each control's state and channel, and the timeline in place.
// Changes are announced to screen readers through a polite live region. Without scripts the page has a Refresh link.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-consignment]");
  var labelsElement = document.getElementById("live-labels");
  if (!root || !labelsElement) { return; }
  var id = root.getAttribute("data-live-consignment");
  var labels = JSON.parse(labelsElement.textContent);
  var statusElement = root.querySelector("[data-status]");
  var timelineBody = root.querySelector("[data-timeline]");
  var announce = root.querySelector("[data-announce]");
  var note = root.querySelector("[data-live-note]");
  var refresh = root.querySelector("[data-refresh]");
  var intervalMs = 3000;
  var seen = timelineBody.rows.length;
  var lastStatus = statusElement.textContent.trim();

  function label(key, fallback) { return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : fallback; }

  function statusText(view) {
    var status = label("status." + view.status, view.status);
    return view.heldAt ? labels["status.at"].replace("{0}", status).replace("{1}", label("crossing." + view.heldAt, view.heldAt)) : status;
  }

  function cell(text) { var td = document.createElement("td"); td.textContent = text || ""; return td; }

  function renderTimeline(entries) {
    var rows = entries.map(function (e) {
      var tr = document.createElement("tr");
      var when = document.createElement("td");
      var time = document.createElement("time");
      time.dateTime = e.at;
      time.textContent = e.localTime;
      when.appendChild(time);
      tr.append(when, cell(label("country." + e.country, e.country)), cell(label("what." + e.what, e.what)),
        cell(e.crossingId ? label("crossing." + e.crossingId, e.crossingId) : ""), cell(e.detail));
      return tr;
    });
    timelineBody.replaceChildren.apply(timelineBody, rows);
  }

  function get(path) {
    return fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
  }

  function poll() {
    Promise.all([get("/api/v1/consignments/" + id), get("/api/v1/consignments/" + id + "/timeline")])
      .then(function (results) {
        var view = results[0], timeline = results[1], news = [];
        var text = statusText(view);
        if (text !== lastStatus) {
          statusElement.textContent = text;
          statusElement.className = "status status-" + view.status;
          news.push(text);
          lastStatus = text;
        }
        view.controls.forEach(function (control) {
          var el = root.querySelector("[data-control='" + control.id + "']");
          var state = label("state." + control.state, control.state);
          if (el && el.textContent.trim() !== state) {
            el.textContent = state;
            el.className = "state state-" + control.state;
            news.push(label("country." + control.country, control.country) + ": " + state);
          }
          var chip = root.querySelector("[data-channel='" + control.id + "']");
          if (chip && control.channel && chip.className !== "channel channel-" + control.channel) {
            chip.textContent = label("channel." + control.channel, control.channel);
            chip.className = "channel channel-" + control.channel;
          }
        });
        if (timeline.length !== seen) {
          renderTimeline(timeline);
          var latest = timeline[timeline.length - 1];
          if (latest && news.length === 0) { news.push(label("what." + latest.what, latest.what)); }
          seen = timeline.length;
        }
        if (news.length > 0) { announce.textContent = news.join(". "); }
        setTimeout(poll, intervalMs);
      })
      .catch(function () {
        // Signed out or the network is gone: stop, and leave the Refresh link as the way to update.
        note.hidden = true;
        refresh.hidden = false;
      });
  }

  note.hidden = false;
  refresh.hidden = true;
  setTimeout(poll, intervalMs);
})();
