/* Two Stones, live preview: "Run on the page".
 *
 * On a lesson page served by `lesson-runner serve`, every example the server lists becomes
 * an editor with a Run button. A run is built and run by the server on this machine, and
 * what it does streams back into a panel under the editor: the build, each line of output
 * as it is printed, the outcome figure, the claims of the prose and an exercise's goals.
 *
 * The page's Content-Security-Policy allows scripts and styles from the server only, so
 * nothing here evaluates code or writes a style attribute into markup; every element it
 * adds carries a class that begins with "preview-" or "run-", which the site's own style
 * sheet never uses. The static site never loads this file: only the preview's pages carry
 * the token it needs, and without the token it does nothing.
 */
(function () {
  "use strict";

  // Lines of output shown per run; more would make the page slow and say nothing new.
  var MAX_LINES = 2000;
  var INDENT = "    ";
  var STORE_PREFIX = "two-stones:edit:";

  var tokenMeta = document.querySelector('meta[name="two-stones-preview-token"]');
  if (!tokenMeta || !window.fetch || !window.TextDecoder) {
    return;
  }
  var token = tokenMeta.getAttribute("content") || "";
  var sourced = document.querySelector("[data-source]");
  if (!token || !sourced) {
    return;
  }
  var lesson = lessonOf(sourced.getAttribute("data-source") || "");
  var isMac = /Mac|iPhone|iPad/.test(navigator.platform || "");

  // A data-source is "lessons/03-event-loop.md:261", or the lesson's path alone on the
  // lesson's <article>: the part before a trailing ":LINE" is the lesson.
  function lessonOf(source) {
    var colon = source.lastIndexOf(":");
    if (colon > 0 && /^\d+$/.test(source.slice(colon + 1))) {
      return source.slice(0, colon);
    }
    return source;
  }

  /* ---------- Small helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function readStored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage can be switched off; the editor then just forgets
    }
  }

  function writeStored(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (error) {
      // Full or switched off: the edit stays on the page, it is only not kept.
    }
  }

  function seconds(value) {
    return typeof value === "number" && isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) + " s" : "";
  }

  function headers() {
    return { "Content-Type": "application/json", "X-Two-Stones-Token": token };
  }

  // A refusal's body is {"error": "..."}; anything else is shown as it came.
  function refusalText(response) {
    return response.text().then(function (body) {
      try {
        var parsed = JSON.parse(body);
        if (parsed && typeof parsed.error === "string") {
          return parsed.error;
        }
      } catch (error) {
        // not JSON: fall through to the text itself
      }
      return body.trim() || "The server answered " + response.status + ".";
    });
  }

  /* ---------- Swift, coloured ---------- */

  // The same classes as the site's highlighter, from a small tokenizer: the book's page
  // was coloured by the compiler's own parser, an editor has to keep up with typing.
  var KEYWORDS = new Set((
    "associatedtype break case catch class continue convenience " +
    "default defer deinit didSet do dynamic else enum extension fallthrough false fileprivate " +
    "final for func guard if import in indirect init inout internal is lazy let macro mutating " +
    "nil nonmutating operator override package precedencegroup private protocol public " +
    "repeat required rethrows return self Self some any Any static struct subscript super " +
    "switch throw throws true try typealias unowned var weak where while willSet as"
  ).split(" "));
  var CONCURRENCY = new Set([
    "async", "await", "actor", "Task", "nonisolated", "isolated", "sending", "Sendable", "MainActor",
  ]);
  var DIRECTIVES = new Set(["if", "elseif", "else", "endif", "sourceLocation", "error", "warning"]);
  // After a dot, a keyword is a member's name (`.default`), except these.
  var MEMBER_KEYWORDS = new Set(["self", "init", "Type"]);
  var WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
  var SPACE = /[ \t\r\n]+/y;
  var NUMBER = /0x[0-9a-fA-F_]+(?:\.[0-9a-fA-F_]+)?(?:[pP][+-]?[0-9]+)?|0b[01_]+|0o[0-7_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?/y;
  var OPENING = /(#*)("""|")/y;
  var LABEL_AHEAD = /[ \t]*(?::(?!:)|[A-Za-z_][A-Za-z0-9_]*[ \t]*:(?!:))/y;

  function matchAt(pattern, text, at) {
    pattern.lastIndex = at;
    var found = pattern.exec(text);
    return found ? found[0] : null;
  }

  function highlightSwift(src) {
    var out = [];
    var i = 0;
    var n = src.length;
    // Open brackets, innermost last; a string interrupted by `\(` waits here as an object,
    // to be resumed at its `)`.
    var open = [];
    // The previous significant token: an argument label follows "(" or ",".
    var prev = "";

    function span(classes, text) {
      if (text) {
        out.push('<span class="' + classes + '">' + escapeHTML(text) + "</span>");
      }
    }

    // Emits a string literal from `start` (its opening quote, or just after the `)` that
    // ends an interpolation) up to its closing quote, or up to a `\(`, where code goes on.
    // As on the book's pages, the `\(` and `)` of an interpolation are not string.
    function stringFrom(start, close, hashes) {
      var multi = close === '"""';
      while (i < n) {
        var c = src[i];
        if (c === "\\" && src.startsWith(hashes, i + 1)) {
          var after = i + 1 + hashes.length;
          if (src[after] === "(") {
            span("str", src.slice(start, i));
            out.push(escapeHTML(src.slice(i, after + 1)));
            i = after + 1;
            open.push({ close: close, hashes: hashes });
            prev = "(";
            return;
          }
          i = Math.min(after + 1, n);
          continue;
        }
        if (!multi && c === "\n") {
          break; // an unclosed string ends with its line, as the compiler reads it
        }
        if (src.startsWith(close + hashes, i)) {
          i += close.length + hashes.length;
          break;
        }
        i += 1;
      }
      span("str", src.slice(start, i));
      prev = "literal";
    }

    while (i < n) {
      var c = src[i];
      var found;
      var start = i;

      if ((found = matchAt(SPACE, src, i))) {
        out.push(found);
        i += found.length;
        continue;
      }
      if (src.startsWith("//", i)) {
        var end = src.indexOf("\n", i);
        end = end < 0 ? n : end;
        span("com", src.slice(i, end));
        i = end;
        continue;
      }
      if (src.startsWith("/*", i)) {
        // Swift's block comments nest.
        var depth = 0;
        while (i < n) {
          if (src.startsWith("/*", i)) {
            depth += 1;
            i += 2;
          } else if (src.startsWith("*/", i)) {
            depth -= 1;
            i += 2;
            if (depth === 0) {
              break;
            }
          } else {
            i += 1;
          }
        }
        span("com", src.slice(start, i));
        continue;
      }
      if (c === '"' || c === "#") {
        OPENING.lastIndex = i;
        var opening = OPENING.exec(src);
        if (opening) {
          i += opening[0].length;
          stringFrom(start, opening[2], opening[1]);
          continue;
        }
      }
      if (c === "#" || c === "@" || c === "$") {
        var name = matchAt(c === "$" ? /[A-Za-z0-9_]+/y : WORD, src, i + 1);
        if (name) {
          i += 1 + name.length;
          var classes = "dollar";
          if (c === "@") {
            classes = CONCURRENCY.has(name) ? "kw conc" : "attr";
          } else if (c === "#") {
            // Only the compiler's conditions are directives; #isolation and the like are
            // expressions, plain on the book's pages.
            classes = DIRECTIVES.has(name) ? "pp" : "";
          }
          if (classes) {
            span(classes, src.slice(start, i));
          } else {
            out.push(escapeHTML(src.slice(start, i)));
          }
          prev = "word";
          continue;
        }
      }
      if ((found = matchAt(WORD, src, i))) {
        i += found.length;
        var inCall = open.length > 0 && open[open.length - 1] === "call";
        if (found !== "_" && inCall && (prev === "(" || prev === ",") && matchAt(LABEL_AHEAD, src, i) !== null) {
          span("lbl", found);
        } else if (CONCURRENCY.has(found)) {
          span("kw conc", found);
        } else if (KEYWORDS.has(found) && !(prev === "." && !MEMBER_KEYWORDS.has(found))) {
          span("kw", found);
        } else if (/^[A-Z]/.test(found)) {
          span("ty", found);
        } else {
          out.push(found);
        }
        prev = "word";
        continue;
      }
      if ((found = matchAt(NUMBER, src, i))) {
        i += found.length;
        span("num", found);
        prev = "literal";
        continue;
      }
      i += 1;
      if (c === "(") {
        // A call's or a declaration's parentheses follow a name (or a closing bracket, or
        // the `>` of generic arguments); a tuple's or a closure's do not, and its names
        // are not argument labels.
        open.push(prev === "word" || prev === ")" || prev === "]" || prev === ">" ? "call" : c);
      } else if (c === "[" || c === "{") {
        open.push(c);
      } else if (c === ")" || c === "]" || c === "}") {
        var top = open.pop();
        if (c === ")" && top && typeof top === "object") {
          out.push(")");
          stringFrom(i, top.close, top.hashes);
          continue;
        }
      }
      out.push(escapeHTML(c));
      prev = c;
    }
    return out.join("");
  }

  function highlight(language, text) {
    return language === "swift" ? highlightSwift(text) : escapeHTML(text);
  }

  /* ---------- Editors ---------- */

  var editors = [];

  function start() {
    fetch("/__preview/lesson?path=" + encodeURIComponent(lesson), {
      cache: "no-store",
      headers: { "X-Two-Stones-Token": token },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (listing) {
        if (!listing || !Array.isArray(listing.examples)) {
          return; // not a lesson the server knows (a page of its own, or a draft it cannot run)
        }
        listing.examples.forEach(function (example) {
          var figure = document.getElementById(example.figure);
          if (figure && figure.querySelector("pre")) {
            editors.push(makeEditor(figure, example, listing));
          }
        });
      })
      .catch(function () {
        // The server is gone or restarting; the page stays as the book shows it.
      });
  }

  function makeEditor(figure, example, listing) {
    var original = figure.querySelector("pre");
    var language = example.language === "python" ? "python" : "swift";
    var key = STORE_PREFIX + lesson + ":" + example.name;
    var ed = {
      example: example,
      figure: figure,
      language: language,
      key: key,
      // The server's code ends with a newline; the book's block shows no empty line after
      // the last, and neither does the editor. The compiler does not mind either way.
      book: (typeof example.code === "string" ? example.code : original.textContent).replace(/\n$/, ""),
      saved: typeof example.saved === "string" ? example.saved : null,
      savedPath: example.savedPath || null,
      running: false,
      lineCount: 0,
      tabLeaves: false,
      panel: null,
    };

    // The book's own block stays in the page, hidden: it is what a reader without the
    // script sees, and the editor is laid where it was.
    original.hidden = true;
    figure.classList.add("preview-editing");

    var box = el("div", "preview-editor");
    ed.gutter = el("div", "preview-gutter");
    ed.gutter.setAttribute("aria-hidden", "true");
    ed.gutterLines = el("div", "preview-gutter-lines");
    ed.gutter.appendChild(ed.gutterLines);
    var layers = el("div", "preview-layers");
    ed.highlight = el("pre", "preview-highlight");
    ed.highlight.setAttribute("aria-hidden", "true");
    ed.code = el("code", "preview-code " + language);
    ed.highlight.appendChild(ed.code);
    ed.input = el("textarea", "preview-input");
    ed.input.setAttribute("spellcheck", "false");
    ed.input.setAttribute("autocapitalize", "off");
    ed.input.setAttribute("autocomplete", "off");
    ed.input.setAttribute("autocorrect", "off");
    ed.input.setAttribute("wrap", "off");
    ed.input.setAttribute("rows", "1");
    ed.input.setAttribute("aria-label", "Code of " + example.name + ", editable");
    layers.appendChild(ed.highlight);
    layers.appendChild(ed.input);
    box.appendChild(ed.gutter);
    box.appendChild(layers);
    original.parentNode.insertBefore(box, original.nextSibling);

    var about = aboutText(example);
    var controls = el("div", "preview-controls");
    ed.runButton = button("Run", "preview-button preview-run-button");
    ed.resetButton = button("Reset", "preview-button preview-reset-button");
    controls.appendChild(ed.runButton);
    controls.appendChild(ed.resetButton);
    if (example.kind === "starter") {
      ed.saveButton = button("Save to exercises/", "preview-button preview-save-button");
      controls.appendChild(ed.saveButton);
    }
    ed.marker = el("span", "preview-edited");
    ed.marker.hidden = true;
    controls.appendChild(ed.marker);
    ed.savedNote = el("span", "preview-saved");
    ed.savedNote.setAttribute("role", "status");
    controls.appendChild(ed.savedNote);
    box.parentNode.insertBefore(controls, box.nextSibling);

    markContinued(figure, ed.book);

    var note = el("p", "preview-note");
    note.appendChild(el("span", "preview-note-main", listing.note || "Run builds and runs the code on this machine."));
    note.appendChild(document.createTextNode(" "));
    note.appendChild(el("span", "preview-keys", (isMac ? "⌘-Enter" : "Ctrl-Enter") +
      " runs; Tab indents, Shift-Tab outdents; Esc, then Tab, leaves the editor." + (about ? " " + about : "")));
    controls.parentNode.insertBefore(note, controls.nextSibling);
    ed.note = note;

    // Where the editor starts: the reader's edit kept in this browser, else the file
    // saved under exercises/, else the book's code.
    var stored = readStored(key);
    var text = ed.book;
    if (stored !== null) {
      text = stored;
    } else if (ed.saved !== null) {
      text = ed.saved;
    }
    ed.input.value = text;

    ed.input.addEventListener("input", function () {
      refresh(ed);
      writeStored(ed.key, ed.input.value === ed.book ? null : ed.input.value);
    });
    ed.input.addEventListener("scroll", function () {
      syncScroll(ed);
    });
    ed.input.addEventListener("keydown", function (event) {
      keyDown(ed, event);
    });
    ed.runButton.addEventListener("click", function () {
      run(ed);
    });
    ed.resetButton.addEventListener("click", function () {
      ed.input.value = ed.book;
      writeStored(ed.key, null);
      ed.savedNote.textContent = "";
      refresh(ed);
    });
    if (ed.saveButton) {
      ed.saveButton.addEventListener("click", function () {
        save(ed);
      });
    }
    // Fonts that arrive late change the widths of lines: scroll positions follow.
    window.addEventListener("resize", function () {
      syncScroll(ed);
    });
    refresh(ed);
    return ed;
  }

  // An example can be written in several blocks with prose between them: the first one's
  // figure carries the id, the others only the same data-example. When the editor holds
  // the whole example, the later pieces say so, and stay as the prose's illustrations.
  function markContinued(figure, code) {
    var family = figure.getAttribute("data-example");
    if (!family) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("figure.code"), function (piece) {
      var pre = piece.querySelector("pre");
      if (piece === figure || piece.id || piece.getAttribute("data-example") !== family || !pre ||
          !(figure.compareDocumentPosition(piece) & Node.DOCUMENT_POSITION_FOLLOWING)) {
        return;
      }
      var text = pre.textContent.trim();
      if (!text || code.indexOf(text) < 0) {
        return;
      }
      piece.classList.add("preview-continued");
      var said = el("p", "preview-continued-note",
        "This piece is part of the editor above, with the rest of " + family + "; edit it there.");
      piece.appendChild(said);
    });
  }

  function button(label, className) {
    var node = el("button", className, label);
    node.type = "button";
    return node;
  }

  function aboutText(example) {
    var said = [];
    if (example.setups && example.setups.length) {
      said.push("Built together with the setup block" + (example.setups.length > 1 ? "s " : " ") +
        example.setups.join(", ") + ", shown earlier in the lesson.");
    }
    if (example.settings && example.settings.length > 1) {
      said.push("Built and run under each of its settings: " + example.settings.join(", ") + ".");
    }
    if (example.mode === "compile-only") {
      said.push("This example is only built, not run.");
    } else if (example.mode === "compile-fail") {
      said.push("This example is meant not to build.");
    }
    return said.join(" ");
  }

  // Draws the highlighted copy, the line numbers and the "edited" marker for the text now
  // in the textarea.
  function refresh(ed) {
    var text = ed.input.value;
    // A pre shows no line after a final newline, a textarea does: a space keeps them equal.
    ed.code.innerHTML = highlight(ed.language, text) + (text.endsWith("\n") || text === "" ? " " : "");
    var count = text.split("\n").length;
    if (count !== ed.lineCount) {
      var lines = document.createDocumentFragment();
      for (var k = 1; k <= count; k += 1) {
        lines.appendChild(el("span", "preview-line-number", k));
      }
      ed.gutterLines.textContent = "";
      ed.gutterLines.appendChild(lines);
      ed.lineCount = count;
    }
    if (text === ed.book) {
      ed.marker.hidden = true;
      ed.marker.textContent = "";
    } else if (ed.saved !== null && text === ed.saved) {
      ed.marker.hidden = false;
      ed.marker.textContent = "from " + (ed.savedPath || "exercises/");
    } else {
      ed.marker.hidden = false;
      ed.marker.textContent = "edited";
    }
    ed.figure.classList.toggle("preview-changed", text !== ed.book);
    syncScroll(ed);
  }

  // The textarea scrolls; the coloured copy and the line numbers follow it. What the
  // copy cannot scroll (its range can end a padding short of the textarea's) a transform
  // makes up, so the two never drift apart.
  function syncScroll(ed) {
    var top = ed.input.scrollTop;
    var left = ed.input.scrollLeft;
    ed.highlight.scrollTop = top;
    ed.highlight.scrollLeft = left;
    var dx = left - ed.highlight.scrollLeft;
    var dy = top - ed.highlight.scrollTop;
    ed.code.style.transform = dx || dy ? "translate(" + -dx + "px, " + -dy + "px)" : "";
    ed.gutterLines.style.transform = top ? "translateY(" + -top + "px)" : "";
  }

  /* ---------- Keys ---------- */

  function keyDown(ed, event) {
    var ta = ed.input;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(ed);
      return;
    }
    if (event.key === "Escape") {
      // Tab is taken for indenting; Esc first lets the next Tab move on, as keyboard
      // users expect of a page.
      ed.tabLeaves = true;
      return;
    }
    if (event.key === "Tab" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (ed.tabLeaves) {
        ed.tabLeaves = false;
        return;
      }
      event.preventDefault();
      indent(ed, event.shiftKey);
      return;
    }
    ed.tabLeaves = false;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.isComposing) {
      // A new line starts where the line before it started, one step further after a "{".
      var value = ta.value;
      var caret = ta.selectionStart;
      var lineStart = value.lastIndexOf("\n", caret - 1) + 1;
      var leading = /^[ \t]*/.exec(value.slice(lineStart, caret))[0];
      var extra = /\{\s*$/.test(value.slice(lineStart, caret)) ? INDENT : "";
      event.preventDefault();
      replace(ta, caret, ta.selectionEnd, "\n" + leading + extra);
    }
  }

  // Replaces `from`..`to` by `text`, through the browser's editing so that undo still works.
  function replace(ta, from, to, text, selectStart, selectEnd) {
    ta.setSelectionRange(from, to);
    var done = false;
    try {
      done = document.execCommand("insertText", false, text);
    } catch (error) {
      done = false;
    }
    if (!done || ta.value.slice(from, from + text.length) !== text) {
      ta.setRangeText(text, from, to, "end");
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (selectStart !== undefined) {
      ta.setSelectionRange(selectStart, selectEnd);
    }
  }

  function indent(ed, outdent) {
    var ta = ed.input;
    var value = ta.value;
    var from = ta.selectionStart;
    var to = ta.selectionEnd;
    if (!outdent && from === to) {
      replace(ta, from, to, INDENT);
      return;
    }
    // Every line the selection touches; one that it only reaches the start of stays.
    var first = value.lastIndexOf("\n", from - 1) + 1;
    var stop = to > from && value[to - 1] === "\n" ? to - 1 : to;
    var last = value.indexOf("\n", stop);
    last = last < 0 ? value.length : last;
    var lines = value.slice(first, last).split("\n");
    var removedFirst = 0;
    var removed = 0;
    var changed = lines.map(function (line, index) {
      if (!outdent) {
        return INDENT + line;
      }
      var gone = /^( {1,4}|\t)/.exec(line);
      var length = gone ? gone[0].length : 0;
      if (index === 0) {
        removedFirst = length;
      }
      removed += length;
      return line.slice(length);
    });
    var block = changed.join("\n");
    if (block === value.slice(first, last)) {
      return;
    }
    var newFrom;
    var newTo;
    if (outdent) {
      newFrom = Math.max(first, from - removedFirst);
      newTo = Math.max(newFrom, to - removed);
    } else {
      newFrom = from + INDENT.length;
      newTo = to + INDENT.length * lines.length;
    }
    replace(ta, first, last, block, newFrom, newTo);
  }

  // Puts the caret on `line` (and `column`) of the editor, from 1, and brings it in view.
  function goTo(ed, line, column) {
    var lines = ed.input.value.split("\n");
    var row = Math.min(Math.max(line, 1), lines.length);
    var offset = 0;
    for (var k = 0; k < row - 1; k += 1) {
      offset += lines[k].length + 1;
    }
    var at = offset + Math.min(Math.max((column || 1) - 1, 0), lines[row - 1].length);
    ed.input.focus({ preventScroll: true });
    ed.input.setSelectionRange(at, at);
    var number = ed.gutterLines.children[row - 1];
    if (number && number.scrollIntoView) {
      number.scrollIntoView({ block: "center" });
    }
    syncScroll(ed);
  }

  /* ---------- Saving a starter ---------- */

  function save(ed) {
    var code = ed.input.value;
    ed.saveButton.disabled = true;
    ed.savedNote.textContent = "Saving…";
    ed.savedNote.classList.remove("preview-saved-failed");
    fetch("/__preview/save", {
      method: "POST",
      headers: headers(),
      cache: "no-store",
      body: JSON.stringify({ lesson: lesson, example: ed.example.name, code: code }),
    })
      .then(function (response) {
        if (!response.ok) {
          return refusalText(response).then(function (text) {
            throw new Error(text);
          });
        }
        return response.json();
      })
      .then(function (answer) {
        ed.saved = code;
        ed.savedPath = answer && answer.path ? answer.path : ed.savedPath;
        ed.savedNote.textContent = "Saved to " + (ed.savedPath || "exercises/") + ".";
        refresh(ed);
      })
      .catch(function (error) {
        ed.savedNote.textContent = "Not saved: " + error.message;
        ed.savedNote.classList.add("preview-saved-failed");
      })
      .then(function () {
        ed.saveButton.disabled = false;
      });
  }

  /* ---------- Running ---------- */

  // The panel under an editor: made on the first run, emptied for each next one.
  function panelFor(ed) {
    if (!ed.panel) {
      var panel = el("section", "preview-run");
      panel.setAttribute("aria-label", "Run of " + ed.example.name + " on this page");
      panel.setAttribute("data-example", ed.example.name);
      // Right after the code's figure, before its outcome: outside the figure, so that the
      // site's rules for a figure's code do not reach the run's output, and outside the
      // outcome, which a run replaces whole.
      ed.figure.parentNode.insertBefore(panel, ed.figure.nextSibling);
      ed.panel = panel;
    }
    var p = ed.panel;
    p.textContent = "";
    p.removeAttribute("data-verdict");
    p.setAttribute("data-state", "running");
    p.setAttribute("aria-busy", "true");
    var head = el("div", "run-head");
    var status = el("span", "run-status", "Asking the server to run " + ed.example.name + "…");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var elapsed = el("span", "run-elapsed", "");
    // The clock ticks ten times a second: it stays out of the live region.
    elapsed.setAttribute("aria-hidden", "true");
    head.appendChild(status);
    head.appendChild(elapsed);
    p.appendChild(head);
    return { panel: p, status: status, elapsed: elapsed };
  }

  function run(ed) {
    if (ed.running) {
      return;
    }
    ed.running = true;
    ed.runButton.disabled = true;
    ed.runButton.textContent = "Running…";
    clearMarks(ed);
    var view = panelFor(ed);
    var state = {
      ed: ed,
      view: view,
      began: performance.now(),
      blocks: {},
      current: null,
      lists: {},
      finished: false,
    };
    state.timer = window.setInterval(function () {
      view.elapsed.textContent = seconds((performance.now() - state.began) / 1000);
    }, 100);

    fetch("/__preview/run", {
      method: "POST",
      headers: headers(),
      cache: "no-store",
      body: JSON.stringify({ lesson: lesson, example: ed.example.name, code: ed.input.value }),
    })
      .then(function (response) {
        if (!response.ok) {
          return refusalText(response).then(function (text) {
            finish(state, "refused", "Not run: " + text + " (" + response.status + ")", null);
          });
        }
        if (!response.body || !response.body.getReader) {
          return response.text().then(function (body) {
            parseEvents(body + "\n\n", function (name, data) {
              handle(state, name, data);
            });
          });
        }
        return readEvents(response.body.getReader(), function (name, data) {
          handle(state, name, data);
        });
      })
      .catch(function (error) {
        finish(state, "error", "The run could not go on: " + (error && error.message ? error.message : error), null);
      })
      .then(function () {
        if (!state.finished) {
          finish(state, "error", "The server ended the stream before the run was done.", null);
        }
      });
  }

  // Reads a text/event-stream: events are separated by a blank line and may arrive split
  // over several chunks, or several to a chunk; a chunk may even end between \r and \n.
  function readEvents(reader, onEvent) {
    var decoder = new TextDecoder();
    var buffer = "";

    function drain(last) {
      var held = "";
      if (!last && buffer.endsWith("\r")) {
        held = "\r";
        buffer = buffer.slice(0, -1);
      }
      buffer = buffer.replace(/\r\n?/g, "\n");
      var cut = buffer.lastIndexOf("\n\n");
      if (cut >= 0) {
        parseEvents(buffer.slice(0, cut + 2), onEvent);
        buffer = buffer.slice(cut + 2);
      }
      if (last && buffer.trim()) {
        parseEvents(buffer + "\n\n", onEvent);
        buffer = "";
      }
      buffer += held;
    }

    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          buffer += decoder.decode();
          drain(true);
          return undefined;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        drain(false);
        return pump();
      });
    }
    return pump();
  }

  function parseEvents(text, onEvent) {
    text.replace(/\r\n?/g, "\n").split("\n\n").forEach(function (block) {
      var name = "message";
      var data = [];
      block.split("\n").forEach(function (line) {
        if (!line || line[0] === ":") {
          return;
        }
        var colon = line.indexOf(":");
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? "" : line.slice(colon + 1);
        if (value[0] === " ") {
          value = value.slice(1);
        }
        if (field === "event") {
          name = value;
        } else if (field === "data") {
          data.push(value);
        }
      });
      if (!data.length) {
        return;
      }
      var payload;
      try {
        payload = JSON.parse(data.join("\n"));
      } catch (error) {
        payload = { text: data.join("\n") };
      }
      onEvent(name, payload || {});
    });
  }

  function setStatus(state, text) {
    state.view.status.textContent = text;
  }

  // A section of the panel, made when it is first needed, in a fixed order.
  var ORDER = ["run-diagnostics", "run-outputs", "run-claims", "run-goals", "run-hints", "run-errors"];
  var LABELS = {
    "run-diagnostics": "What the compiler said",
    "run-claims": "Claims judged by this run",
    "run-goals": "The exercise's goals",
    "run-hints": "Hints",
  };
  var TAGS = { "run-outputs": "div", "run-errors": "div" };

  function section(state, name) {
    if (state.lists[name]) {
      return state.lists[name];
    }
    var panel = state.view.panel;
    var list = el(TAGS[name] || "ul", name);
    var label = LABELS[name] ? el("p", "run-label", LABELS[name]) : null;
    // Before the first section that comes later in ORDER, or at the end.
    var before = null;
    for (var k = ORDER.indexOf(name) + 1; k < ORDER.length && !before; k += 1) {
      var later = state.lists[ORDER[k]];
      if (later) {
        before = later.previousElementSibling && later.previousElementSibling.classList.contains("run-label")
          ? later.previousElementSibling : later;
      }
    }
    if (label) {
      panel.insertBefore(label, before);
    }
    panel.insertBefore(list, before);
    state.lists[name] = list;
    return list;
  }

  function handle(state, name, data) {
    if (state.finished) {
      return;
    }
    try {
      switch (name) {
      case "started":
        setStatus(state, "Started " + (data.example || state.ed.example.name) + ". " + (data.note || ""));
        break;
      case "phase":
        setStatus(state, data.text || "");
        break;
      case "built":
        built(state, data);
        break;
      case "run":
        runBegins(state, data);
        break;
      case "line":
        line(state, data);
        break;
      case "ended":
        ended(state, data);
        break;
      case "again":
        setStatus(state, data.text || "");
        section(state, "run-outputs").appendChild(el("p", "run-again", data.text || ""));
        break;
      case "outcome":
        outcome(data);
        break;
      case "claim":
        claim(state, data);
        break;
      case "goal":
        goal(state, data);
        break;
      case "hint":
        section(state, "run-hints").appendChild(el("li", "run-hint", data.text || ""));
        break;
      case "error":
        section(state, "run-errors").appendChild(el("p", "run-error", data.message || "The run went wrong."));
        setStatus(state, data.message || "The run went wrong.");
        break;
      case "done":
        finish(state, data.verdict || "error", data.summary || "Done.", data.seconds);
        break;
      default:
        break; // an event this page does not know yet
      }
    } catch (error) {
      section(state, "run-errors").appendChild(el("p", "run-error", "The page could not show a " + name + " event: " + error.message));
      window.console.error(error);
    }
  }

  function finish(state, verdict, summary, elapsed) {
    if (state.finished) {
      return;
    }
    state.finished = true;
    window.clearInterval(state.timer);
    var ed = state.ed;
    var view = state.view;
    var took = typeof elapsed === "number" ? elapsed : (performance.now() - state.began) / 1000;
    view.elapsed.textContent = seconds(took);
    setStatus(state, summary);
    Object.keys(state.blocks).forEach(function (key) {
      noteHidden(state.blocks[key]);
    });
    view.panel.setAttribute("data-state", "done");
    view.panel.removeAttribute("aria-busy");
    view.panel.setAttribute("data-verdict", verdict);
    ed.running = false;
    ed.runButton.disabled = false;
    ed.runButton.textContent = "Run";
  }

  /* The build's diagnostics: listed, and marked beside their lines. */

  function clearMarks(ed) {
    Array.prototype.forEach.call(ed.gutterLines.children, function (number) {
      number.classList.remove("preview-line-error", "preview-line-warning", "preview-line-note");
      number.removeAttribute("title");
    });
  }

  function built(state, data) {
    var ed = state.ed;
    var took = typeof data.seconds === "number" ? " in " + seconds(data.seconds) : "";
    setStatus(state, data.ok ? "Built" + took + "." : "The build failed" + took + ".");
    var diagnostics = Array.isArray(data.diagnostics) ? data.diagnostics : [];
    if (!diagnostics.length) {
      return;
    }
    var list = section(state, "run-diagnostics");
    diagnostics.forEach(function (d) {
      var severity = /^(error|warning|note)$/.test(d.severity) ? d.severity : "note";
      var item = el("li", "run-diagnostic run-" + severity);
      var lines = ed.input.value.split("\n").length;
      if (typeof d.line === "number" && d.line >= 1 && d.line <= lines) {
        var where = "line " + d.line + (typeof d.column === "number" ? ":" + d.column : "");
        var link = button(where + ": " + severity + ": " + (d.message || ""), "run-diagnostic-link");
        link.title = "Put the cursor on line " + d.line;
        link.addEventListener("click", function () {
          goTo(ed, d.line, d.column);
        });
        item.appendChild(link);
        var number = ed.gutterLines.children[d.line - 1];
        if (number) {
          // An error outranks a warning, which outranks a note, on the same line.
          if (!number.classList.contains("preview-line-error") &&
              !(severity === "note" && number.classList.contains("preview-line-warning"))) {
            number.classList.remove("preview-line-warning", "preview-line-note");
            number.classList.add("preview-line-" + severity);
          }
          number.title = (number.title ? number.title + "\n" : "") + severity + ": " + (d.message || "");
        }
      } else {
        // Somewhere else (a setup block, the build itself): the compiler's own words.
        item.appendChild(el("span", "run-diagnostic-text", d.text || d.message || ""));
      }
      list.appendChild(item);
    });
  }

  /* Output, run by run. */

  function runBegins(state, data) {
    var label = "run " + (data.run || 1) + (data.of ? " of " + data.of : "");
    if (data.setting) {
      label += " · setting " + data.setting;
    }
    setStatus(state, "Running " + (data.example || state.ed.example.name) + ", " + label + "…");
    if (data.example && data.example !== state.ed.example.name) {
      label = data.example + ", " + label;
    }
    state.current = block(state, data.example, data.run, label);
  }

  function block(state, example, number, label) {
    var outputs = section(state, "run-outputs");
    var wrap = el("div", "run-block");
    // Which example and run it shows: a claim that compares two examples runs the other too.
    wrap.setAttribute("data-example", example || state.ed.example.name);
    wrap.setAttribute("data-run", String(number || 1));
    wrap.appendChild(el("p", "run-label", label));
    var pre = el("pre", "run-output");
    wrap.appendChild(pre);
    outputs.appendChild(wrap);
    var made = { wrap: wrap, pre: pre, shown: 0, hidden: 0, note: null };
    state.blocks[(example || "") + "#" + (number || 1)] = made;
    return made;
  }

  function line(state, data) {
    var key = (data.example || "") + "#" + (data.run || 1);
    var target = state.blocks[key] || block(state, data.example, data.run, "run " + (data.run || 1));
    if (target.shown >= MAX_LINES) {
      target.hidden += 1;
      if (target.hidden % 200 === 1) {
        noteHidden(target);
      }
      return;
    }
    var stuck = target.pre.scrollHeight - target.pre.scrollTop - target.pre.clientHeight < 4;
    var row = el("span", "run-line " + (data.stream === "stderr" ? "run-stderr" : "run-stdout"));
    var time = typeof data.time === "number" ? data.time.toFixed(3) : "";
    row.appendChild(el("span", "run-time", time.padStart(7) + " s │ "));
    row.appendChild(el("span", "run-text", data.text === undefined ? "" : data.text));
    target.pre.appendChild(row);
    target.pre.appendChild(document.createTextNode("\n"));
    target.shown += 1;
    // Follows the output as it grows, unless the reader has scrolled up to read.
    if (stuck) {
      target.pre.scrollTop = target.pre.scrollHeight;
    }
  }

  function noteHidden(target) {
    if (!target.hidden) {
      return;
    }
    if (!target.note) {
      target.note = el("p", "run-note");
      target.wrap.appendChild(target.note);
    }
    target.note.textContent = "… and " + target.hidden + " more line" + (target.hidden === 1 ? "" : "s") +
      ", not shown: the page shows the first " + MAX_LINES + " lines of a run.";
  }

  function ended(state, data) {
    var key = (data.example || "") + "#" + (data.run || 1);
    var target = state.blocks[key] || state.current;
    var said = [];
    if (typeof data.seconds === "number") {
      said.push("ended after " + seconds(data.seconds));
    }
    if (data.status) {
      said.push(data.status);
    }
    if (target) {
      target.wrap.appendChild(el("p", "run-ended", said.join(" · ")));
      if (data.problem) {
        target.wrap.appendChild(el("p", "run-problem", data.problem));
      }
    }
  }

  /* What the book's page shows, measured again. */

  function outcome(data) {
    var old = data.id ? document.getElementById(data.id) : null;
    if (!old || typeof data.html !== "string") {
      return;
    }
    var template = document.createElement("template");
    template.innerHTML = data.html;
    Array.prototype.forEach.call(template.content.children, function (child) {
      child.classList.add("from-page-run");
    });
    old.replaceWith(template.content);
  }

  function claimSpans(place) {
    return Array.prototype.filter.call(document.querySelectorAll("span.claim"), function (span) {
      return span.getAttribute("data-claim") === place;
    });
  }

  function claim(state, data) {
    var verdict = /^[a-z-]+$/.test(data.verdict || "") ? data.verdict : "unmeasured";
    var shown = data.shown || (data.measured ? "measured " + data.measured : "not measured");
    claimSpans(data.place).forEach(function (span) {
      Array.prototype.slice.call(span.classList).forEach(function (name) {
        if (name.indexOf("verdict-") === 0) {
          span.classList.remove(name);
        }
      });
      span.classList.add("verdict-" + verdict, "from-page-run");
      span.setAttribute("data-verdict", verdict);
      span.setAttribute("data-measured", data.measured || "");
      span.setAttribute("data-margin", data.margin || "");
      if (data.title) {
        span.title = data.title;
      }
      var measure = span.querySelector(".measure");
      if (measure) {
        // The same markup as the site's claim template.
        measure.textContent = "";
        var mark = el("span", "mark", data.mark || "");
        mark.setAttribute("aria-hidden", "true");
        measure.appendChild(mark);
        measure.appendChild(document.createTextNode(" " + shown));
        if (data.margin) {
          measure.appendChild(document.createTextNode(" "));
          measure.appendChild(el("span", "margin", "· margin " + data.margin));
        }
      }
    });

    var list = section(state, "run-claims");
    var row = el("li", "run-claim verdict-" + verdict);
    row.setAttribute("data-claim", data.place || "");
    row.setAttribute("data-verdict", verdict);
    row.setAttribute("data-measured", data.measured || "");
    var mark = el("span", "run-claim-mark", data.mark || "");
    mark.setAttribute("aria-hidden", "true");
    row.appendChild(mark);
    var quote = el("a", "run-claim-text", "“" + (data.text || data.place || "") + "”");
    quote.href = "#";
    quote.title = "Show this claim in the lesson";
    quote.addEventListener("click", function (event) {
      event.preventDefault();
      var span = claimSpans(data.place)[0];
      if (span) {
        span.scrollIntoView({ block: "center" });
      }
    });
    row.appendChild(quote);
    if (data.holdsFor) {
      row.appendChild(el("span", "run-claim-holds", "holds for " + data.holdsFor));
    }
    row.appendChild(el("span", "run-claim-measured", shown));
    if (data.margin) {
      row.appendChild(el("span", "run-claim-margin", "margin " + data.margin));
    }
    if (data.words) {
      row.appendChild(el("span", "run-claim-words", data.words));
    }
    // A claim judged again (after more runs) replaces its earlier row.
    var earlier = Array.prototype.filter.call(list.children, function (other) {
      return other.getAttribute("data-claim") === (data.place || "");
    })[0];
    if (earlier) {
      list.replaceChild(row, earlier);
    } else {
      list.appendChild(row);
    }
  }

  function goal(state, data) {
    var list = section(state, "run-goals");
    var row = el("li", "run-goal " + (data.met ? "met" : "missed"));
    var mark = el("span", "run-goal-mark", data.met ? "✓" : "✗");
    mark.setAttribute("aria-hidden", "true");
    row.appendChild(mark);
    row.appendChild(el("span", "run-goal-text", data.text || ""));
    if (data.detail) {
      row.appendChild(el("span", "run-goal-detail", data.detail));
    }
    list.appendChild(row);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
