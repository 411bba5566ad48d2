// The book's search: the only script on the site, on search.html alone, allowed there by
// its SHA-256 in the page's Content-Security-Policy. The index is a JSON block on the
// same page, built by `lesson-runner site`, so it works from file:// as from a server.
(function () {
  "use strict";
  var index = JSON.parse(document.getElementById("search-index").textContent);
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  document.getElementById("search-form").hidden = false;

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w; });
  }

  // A piece of the text around the first place a word occurs.
  function excerpt(text, word) {
    var at = text.toLowerCase().indexOf(word);
    if (at < 0) { return text.slice(0, 160) + (text.length > 160 ? "…" : ""); }
    var from = Math.max(0, at - 60);
    return (from > 0 ? "…" : "") + text.slice(from, at + 100) + (at + 100 < text.length ? "…" : "");
  }

  function search(query) {
    var terms = words(query);
    results.textContent = "";
    if (terms.length === 0) { status.textContent = ""; return; }
    var hits = [];
    index.forEach(function (entry) {
      var heading = entry.heading.toLowerCase();
      var code = entry.code.toLowerCase();
      var text = entry.text.toLowerCase();
      var score = 0;
      var every = terms.every(function (term) {
        var s = (heading.indexOf(term) >= 0 ? 5 : 0) + (code.indexOf(term) >= 0 ? 2 : 0) +
          (text.indexOf(term) >= 0 ? 1 : 0);
        score += s;
        return s > 0;
      });
      if (every) { hits.push({ score: score, entry: entry }); }
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    hits.slice(0, 40).forEach(function (hit) {
      var entry = hit.entry;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.page + "#" + entry.anchor;
      link.textContent = entry.heading;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = entry.lesson;
      var text = document.createElement("p");
      text.textContent = excerpt(entry.text || entry.code, terms[0]);
      item.append(link, " ", where, text);
      results.append(item);
    });
    status.textContent = hits.length === 0 ? "Nothing in the book matches “" + query + "”." :
      hits.length + (hits.length === 1 ? " section matches." : " sections match.");
  }

  input.addEventListener("input", function () {
    search(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) {}
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  search(input.value);
})();
