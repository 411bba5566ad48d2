/// A NUL byte is not text; cmark would quietly read it as U+FFFD.
enum NulByteCheck {
  static func check(_ state: inout ParseState) {
    for (index, line) in state.lines.enumerated() {
      guard let nul = line.utf8.firstIndex(of: 0) else { continue }
      let column = line.utf8.distance(from: line.utf8.startIndex, to: nul) + 1
      state.error(
        .nulByte, at: SourceLocation(file: state.path, line: index + 1, column: column))
    }
  }
}

extension Message {
  static let nulByte = Message(
    "lesson.file.nul-byte",
    "a NUL byte (0x00) is not text: save the lesson as UTF-8, without control bytes")
}
