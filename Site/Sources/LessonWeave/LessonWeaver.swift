import CommonMark
import LessonKit

/// Turns one lesson's Markdown into the HTML of its article: prose through cmark's safe
/// renderer, Swift highlighted, each claim beside its measured value, and each example
/// followed by what it did in the latest run.
struct LessonWeaver {
  struct Article: Sendable {
    var html: String
    /// The level-2 headings, for the page's own contents.
    var sections: [(id: String, title: String)]
  }

  let lesson: Lesson
  let results: LessonResults
  let templates: Templates
  /// Page file names by lesson file stem, for links from one lesson to another.
  let pages: [String: String]

  func weave() -> Article {
    let blocks = BlockMap(lesson)
    var highlighted: [String: [String]] = [:]
    for example in lesson.examples {
      // Python is shown as plain text: the highlighter reads Swift only.
      highlighted[example.name] =
        example.language == .swift
        ? SwiftHighlighter.highlight(pieces: example.chunks.map(\.code))
        : example.chunks.map { HTML.escape($0.code) }
    }
    var anchors = Anchors(
      reserved: ["top", "main", "contents"]
        + lesson.examples.flatMap {
          [
            "example-\($0.family)", "result-\($0.fileName)", "timeline-\($0.fileName)",
            "settings-\($0.family)",
          ]
        }
        + lesson.examples.flatMap(\.chunks).compactMap { $0.setupName.map { "setup-\($0)" } })
    var sections: [(id: String, title: String)] = []
    var titleSeen = false

    let html = CommonMark.renderHTML(lesson.document) { node in
      switch node.kind {
      case .heading(let level):
        // The title is the page's header, which the page template writes.
        if level == 1 && !titleSeen {
          titleSeen = true
          return .replace("")
        }
        let id = anchors.unique(node.plainText)
        if level == 2 { sections.append((id, node.plainText)) }
        let (before, after) = templates.wrap("heading", HeadingView(level: level, id: id))
        return .wrap(before: before, after: after)
      case .codeBlock:
        return codeBlock(node, blocks: blocks, highlighted: highlighted).map(HTMLOverride.replace)
      case .link:
        return link(node)
      default:
        return nil
      }
    }
    return Article(html: html, sections: sections)
  }

  // MARK: Code

  private func codeBlock(_ node: MarkdownNode, blocks: BlockMap, highlighted: [String: [String]])
    -> String?
  {
    // What the parser found the block to be; an indented code block is no fenced block.
    let block = lesson.block(at: node.start)
    let language = block?.language ?? ""
    let location = "\(lesson.path):\(node.start.line)"
    switch (language, blocks[codeLine: node.start.line + 1]) {
    case ("swift", .chunk(let example, let index)?), ("python", .chunk(let example, let index)?):
      let chunk = example.chunks[index]
      let first = example.chunks.firstIndex { $0.role != .setup } == index
      let mode =
        example.mode == .compileOnly
        ? " · compile-only" : example.mode == .compileFail ? " · must not compile" : ""
      let exercise = example.exercise.map(\.exercise)
      let caption =
        chunk.role == .hidden
        ? "Hidden part of example \(example.name): compiled and run, not shown in the text"
        : exercise.map { "exercise \($0) · the starter\(first ? "" : ", continued")" }
          ?? "example \(example.family)\(first ? mode + settingsCaption(example, blocks) : ", continued")"
      let view = CodeView(
        kind: chunk.role == .hidden ? "hidden" : exercise == nil ? "example" : "starter",
        id: first ? "example-\(example.family)" : nil, example: example.family,
        folded: chunk.role == .hidden, caption: caption,
        code: trimmed(highlighted[example.name]?[index] ?? HTML.visible(chunk.code)),
        location: location)
      var html = templates.render("code", view)
      if let exercise, blocks.isLastShown(index, of: example) {
        // How to try it, and what the book's own run of the starter did.
        html += templates.render("exercise", commands(for: exercise))
        return html + outcome(of: example)
      }
      // An example without a block for its output or diagnostics shows its outcome here.
      let outcomeHasBlock =
        example.isVariant
        ? !blocks.showsOutcomes(of: example, atBlockLine: nil)
        : example.mode == .compileFail || (example.mode == .run && example.expectedOutput != nil)
      if blocks.isLastShown(index, of: example) && !outcomeHasBlock {
        html += outcomes(shownWith: example, blocks: blocks)
      }
      return html
    case ("swift", .setup(let chunk, let users)?):
      return setup(name: chunk.setupName ?? "", code: chunk.code, users: users, location: location)
    case ("swift", nil):
      if case .setup(let name)? = block?.role {
        return setup(name: name, code: node.literal ?? "", users: [], location: location)
      }
      let view = CodeView(
        kind: "fragment", id: nil, example: nil, folded: false, caption: "fragment · not compiled",
        code: trimmed(SwiftHighlighter.highlight(node.literal ?? "")), location: location)
      return templates.render("code", view)
    case ("output", .output(let example)?), ("diagnostic", .diagnostic(let example)?):
      // The builds of an example under several settings show once, at its first block;
      // a later block shows what it expects, which the outcomes above were judged against.
      guard blocks.showsOutcomes(of: example, atBlockLine: node.start.line + 1) else {
        let said = language == "diagnostic" ? "what the compiler must say" : "what it must print"
        let line = node.start.line + 1
        let under = blocks.shownTogether(with: example).filter {
          [$0.expectedOutput, $0.expectedDiagnostics, $0.expectedStderr]
            .contains { $0?.location.line == line }
        }.map(\.setting.name)
        let view = CodeView(
          kind: "expected", id: nil, example: example.family, folded: false,
          caption: "\(example.family) under \(under.joined(separator: ", ")) · \(said)",
          code: trimmed(HTML.visible(node.literal ?? "")), location: location)
        return templates.render("code", view)
      }
      return outcomes(shownWith: example, blocks: blocks)
    case (_, .solution(let example, let first)?):
      // The solution stays hidden: the page says only that it exists and is checked.
      guard first else { return "" }
      return templates.render(
        "solution",
        SolutionView(
          exercise: example.name,
          verdict: results.currentReport?.examples.first { $0.name == example.name }?.status
            .rawValue))
    case ("output", .goal(let exercise)?):
      let view = CodeView(
        kind: "goal", id: nil, example: exercise.name, folded: false,
        caption: "goal · what your program must print",
        code: trimmed(HTML.visible(node.literal ?? "")), location: location)
      return templates.render("code", view)
    case ("hint", .hint(let exercise, let hint)?):
      let number = (exercise.hints.firstIndex(of: hint) ?? 0) + 1
      return templates.render(
        "hint",
        HintView(
          title: "Hint \(number)" + (hint.goal.map { " · for the goal on \($0)" } ?? ""),
          html: CommonMark.renderHTML(hint.text) { _ in nil }, location: location))
    default:
      return nil
    }
  }

  /// The commands that copy an exercise's starter for the reader and check their answer.
  private func commands(for exercise: String) -> ExerciseView {
    let lessonArgument = lesson.number.map(String.init) ?? lesson.path
    return ExerciseView(
      exercise: exercise,
      copy: "swift run lesson-runner exercise \(lessonArgument) \(exercise)",
      check: "swift run lesson-runner check \(lessonArgument) \(exercise)")
  }

  private func setup(name: String, code: String, users: [String], location: String) -> String {
    let used = users.isEmpty ? "used by no example" : "used by \(users.joined(separator: ", "))"
    let view = CodeView(
      kind: "setup", id: "setup-\(name)", example: nil, folded: true,
      caption: "Setup \(name), \(used)", code: trimmed(SwiftHighlighter.highlight(code)),
      location: location)
    return templates.render("code", view)
  }

  /// Code without the newline that ends its last line, which `<pre>` would show.
  private func trimmed(_ html: String) -> String {
    html.hasSuffix("\n") ? String(html.dropLast()) : html
  }

  /// The figure of what `example` did in the report's runs. `place` gives it another
  /// element id and heading: a run from the preview's page stands where the book's stood.
  func outcome(of example: Example, place: (id: String, heading: String)? = nil) -> String {
    let outcome = ExampleOutcome(
      example: example, report: results.currentReport?.examples.first { $0.name == example.name },
      notMeasured: notMeasuredReason)
    var view = outcome.view
    if let place {
      view.id = place.id
      view.heading = place.heading
    }
    if let run = outcome.shownRun, example.mode == .run {
      let timeline = Timeline.extract(from: run)
      let id =
        "timeline-" + (place.map { String($0.id.dropFirst("result-".count)) } ?? example.fileName)
      view.timeline = templates.render(
        "timeline", TimelineView(timeline, id: id, example: example.name))
      view.problems = timeline.problems
    }
    return templates.render("outcome", view)
  }

  /// The outcome of `example`, or of every build of it side by side when it is built under
  /// several settings.
  private func outcomes(shownWith example: Example, blocks: BlockMap) -> String {
    guard example.isVariant else { return outcome(of: example) }
    let builds = blocks.shownTogether(with: example)
    let names = builds.map(\.setting.name)
    return templates.render(
      "settings",
      SettingsView(
        id: "settings-\(example.family)", example: example.family,
        settings: names.joined(separator: " "),
        caption:
          "The same code, built under \(names.count) settings: "
          + builds.map { "\($0.setting.name) (\($0.setting.summary))" }.joined(separator: "; "),
        outcomes: builds.map { outcome(of: $0) }))
  }

  /// " · built under default and nonsending", for the first block of such an example, and
  /// " · runs on Linux only" for one that names its platforms.
  private func settingsCaption(_ example: Example, _ blocks: BlockMap) -> String {
    let platforms = example.platforms.map { " · runs on \(Platform.words($0)) only" } ?? ""
    if example.isVariant {
      let names = blocks.shownTogether(with: example).map(\.setting.name)
      return " · built under " + names.dropLast().joined(separator: ", ") + " and "
        + (names.last ?? "") + platforms
    }
    return (example.setting.isBookDefault ? "" : " · built under \(example.setting.name)")
      + platforms
  }

  /// Why the page shows no numbers, when it shows none.
  private var notMeasuredReason: String {
    switch results {
    case .current: return "not measured: the latest run has no result for it"
    case .stale(let report):
      return
        "not measured: the lesson changed after its latest run (\(RunDate.readable(report.environment.date)))"
    case .missing: return "not measured: the lesson has no verified run yet"
    case .unreadable(let why): return "not measured: \(why)"
    }
  }

  // MARK: Links and claims

  private func link(_ node: MarkdownNode) -> HTMLOverride? {
    let url = node.url ?? ""
    if url.hasPrefix("claim:") { return claim(node) }
    // A link to another lesson's Markdown file goes to its page.
    let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let fragment = parts.count > 1 ? String(parts[1]) : nil
    let file = parts[0].split(separator: "/").last.map(String.init) ?? ""
    guard file.hasSuffix(".md"), !url.contains(":"), let page = pages[String(file.dropLast(3))]
    else { return nil }
    let view = LinkView(
      href: page + (fragment.map { "#" + $0 } ?? ""),
      title: node.title.flatMap { $0.isEmpty ? nil : $0 })
    let (before, after) = templates.wrap("link", view)
    return .wrap(before: before, after: after)
  }

  private func claim(_ node: MarkdownNode) -> HTMLOverride? {
    guard
      let claim = lesson.claims.first(where: {
        $0.location.line == max(node.start.line, 1)
          && $0.location.column == max(node.start.column, 1)
      })
    else { return nil }
    let report = results.currentReport?.claims.first {
      $0.line == claim.location.line
        && $0.column == claim.location.column
    }
    var view = ClaimPresentation(claim: claim, report: report, notMeasured: notMeasuredReason).view
    view.place = "\(claim.location.line):\(claim.location.column)"
    let (before, after) = templates.wrap("claim", view)
    return .wrap(before: before, after: after)
  }
}
