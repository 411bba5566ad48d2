import CommonMark

/// Raw HTML: reads `<!-- lesson-runner: … -->` directives, and reports what looks like a
/// claim or a fenced block there: cmark does not read Markdown inside an HTML block, so it
/// would never be checked.
enum HTMLReader {
  static func read(_ node: MarkdownNode, isBlock: Bool, into state: inout ParseState) {
    let html = node.literal ?? ""
    var fenceReported = false
    for (offset, line) in LessonSource.lines(html).enumerated() {
      let lower = line.lowercased()
      let at = SourceLocation(
        file: state.path, line: max(node.start.line, 1) + offset,
        column: offset == 0 ? max(node.start.column, 1) : 1)
      let trimmed = lower.drop { $0 == " " }
      if isBlock, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        if fenceReported { continue }  // its closing fence, or more of the same mistake
        fenceReported = true
        state.error(.fenceInHTML, at: at)
      } else if lower.contains("](claim:") || lower.contains("=\"claim:")
        || lower.contains("='claim:")
      {
        state.error(.claimInHTML, at: at)
      }
    }
    var rest = html[...]
    while let open = rest.firstRange(of: "<!--") {
      let body = rest[open.upperBound...]
      let close = body.firstRange(of: "-->")
      let comment = body[..<(close?.lowerBound ?? body.endIndex)]
      rest = close.map { body[$0.upperBound...] } ?? body[body.endIndex...]
      let words = comment.split(whereSeparator: \.isWhitespace)
      guard let first = words.first, first.lowercased().hasPrefix("lesson-runner") else {
        continue
      }
      let lineOffset = LessonSource.lines(String(html[..<open.lowerBound])).count - 1
      let at = SourceLocation(
        file: state.path, line: max(node.start.line, 1) + lineOffset,
        column: lineOffset == 0 ? max(node.start.column, 1) : 1)
      let directive = ([first.dropFirst("lesson-runner".count)] + words.dropFirst())
        .map { $0.drop { $0 == ":" } }.filter { !$0.isEmpty }.joined(separator: " ")
      if !isBlock {
        state.error(.directiveInline, at: at)
      } else if directive.hasPrefix("settings=") {
        readLessonSetting(String(directive.dropFirst("settings=".count)), at: at, &state)
      } else if directive.lowercased() != "checks nothing" {
        state.error(.directiveUnknown(directive), at: at)
      } else if state.marker == nil {
        state.marker = at
      }
    }
  }

  /// `<!-- lesson-runner: settings=NAME -->`: the setting of every example of the lesson
  /// that names none.
  static func readLessonSetting(_ name: String, at: SourceLocation, _ state: inout ParseState) {
    if let earlier = state.lessonSetting {
      state.error(.lessonSettingTwice(firstAt: earlier.at.line), at: at)
      return
    }
    guard let setting = CompilerSettings.byName[name] else {
      state.error(
        name.contains(",") ? .lessonSettingSeveral : .lessonSettingUnknown(name), at: at)
      return
    }
    state.lessonSetting = (setting, at)
  }
}

extension Message {
  static let fenceInHTML = Message(
    "lesson.html.fence-inside",
    "a code fence inside an HTML block is raw HTML, never read: leave a blank line between the HTML and the fence"
  )

  static let claimInHTML = Message(
    "lesson.html.claim-inside",
    "a claim inside raw HTML is never read: write it as a Markdown link, [about 2 s](claim:…), with a blank line between it and the HTML"
  )

  static let directiveInline = Message(
    "lesson.directive.inline",
    "put a lesson-runner directive such as \(Lesson.checksNothingMarker) on a line of its own, where it is read; inside a paragraph it is not"
  )

  static func directiveUnknown(_ directive: String) -> Message {
    Message(
      "lesson.directive.unknown",
      "unknown lesson-runner directive '\(directive)': the ones there are \(Lesson.checksNothingMarker) and <!-- lesson-runner: settings=NAME -->"
    )
  }

  static func lessonSettingTwice(firstAt line: Int) -> Message {
    Message(
      "lesson.directive.setting-twice",
      "the lesson's setting is given twice (first at line \(line)): keep one")
  }

  static let lessonSettingSeveral = Message(
    "lesson.directive.several-settings",
    "a lesson has one setting; to build an example under several, write settings= on the example"
  )

  static func lessonSettingUnknown(_ name: String) -> Message {
    Message(
      "lesson.directive.unknown-setting",
      "unknown setting '\(name)'; known settings are \(CompilerSettings.names) (docs/lesson-format.md)"
    )
  }
}
