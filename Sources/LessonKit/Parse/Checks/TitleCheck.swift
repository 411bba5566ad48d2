/// A lesson starts with a `# Title` heading that says something.
enum TitleCheck {
  static func checkEmpty(_ title: String, at: SourceLocation, _ state: inout ParseState) {
    if title.isEmpty { state.error(.titleEmpty, at: at) }
  }

  static func checkPresent(_ title: String?, _ state: inout ParseState) {
    if title == nil { state.error(.titleMissing, at: SourceLocation(file: state.path, line: 1)) }
  }
}

extension Message {
  static let titleEmpty = Message(
    "lesson.title.empty", "the title heading is empty: write the title after '#'")

  static let titleMissing = Message(
    "lesson.title.missing", "the lesson has no title: start it with a '# Title' heading")
}
