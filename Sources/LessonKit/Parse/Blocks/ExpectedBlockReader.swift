/// An output, stderr or diagnostic block: what an example must print, or its compiler must
/// say.
enum ExpectedBlockReader {
  static func read(
    _ kind: BlockKind, _ fence: Fence, _ attributes: BlockAttributes,
    into state: inout ParseState
  ) {
    guard let name = attributes[.example] else {
      if attributes.wrote(.example) == nil {
        state.error(.expectedNamesNoExample(kind), at: fence.at)
      }
      return
    }
    guard BlockReader.checkReference(name.value, at: name.at, &state) else { return }
    if attributes.broken {
      if kind == .diagnostic { state.broken.diagnostics.insert(name.value) }
      return
    }
    let chunk = fence.chunk
    let meaningful = LessonSource.lines(chunk.code).map { $0.trimmingSpaces }
      .filter { !$0.isEmpty }
    switch kind {
    case .output where !meaningful.isEmpty && meaningful.allSatisfy({ $0 == "…" }),
      .stderr where meaningful.allSatisfy({ $0 == "…" }):
      state.error(.expectedOnlyEllipsis(kind), at: fence.at)
    case .diagnostic where meaningful.allSatisfy(saysNothing):
      state.error(.diagnosticSaysNothing, at: fence.at)
    default:
      break
    }
    state.expectedBlocks.append(
      ExpectedBlock(
        kind: kind, example: name.value, nameAt: name.at, fence: fence.at, chunk: chunk,
        unordered: attributes[.unordered] != nil))
  }

  /// A diagnostic line that any compiler error would match: only `…`, `error`, `warning`,
  /// `note`, colons and spaces.
  static func saysNothing(_ line: Substring) -> Bool {
    line.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "…" })
      .allSatisfy { ["error", "warning", "note"].contains($0) }
  }
}

extension Message {
  static func expectedNamesNoExample(_ kind: BlockKind) -> Message {
    Message(
      "lesson.expected.no-example",
      "\(kind.phrase) must name its example: \(kind.rawValue) example=NAME")
  }

  static func expectedOnlyEllipsis(_ kind: BlockKind) -> Message {
    Message(
      "lesson.expected.only-ellipsis",
      "this \(kind.rawValue) block says only '…', which matches any \(kind == .output ? "output" : "standard error"), so it checks nothing: write what the example prints, or drop the block"
    )
  }

  static let diagnosticSaysNothing = Message(
    "lesson.expected.diagnostic-says-nothing",
    "this diagnostic block says nothing that every compiler error would not: write part of the message, as in error: …data race…"
  )
}
