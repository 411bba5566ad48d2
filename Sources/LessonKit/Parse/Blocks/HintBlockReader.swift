/// A hint to an exercise, `hint example=NAME` (`for=GOAL`), in Markdown.
enum HintBlockReader {
  static func read(_ fence: Fence, _ attributes: BlockAttributes, into state: inout ParseState) {
    guard let name = attributes[.example] else {
      if attributes.wrote(.example) == nil { state.error(.hintNamesNoExercise, at: fence.at) }
      return
    }
    guard BlockReader.checkName(name.value, at: name.at, &state), !attributes.broken else {
      return
    }
    let chunk = fence.chunk
    if LessonSource.lines(chunk.code).allSatisfy({ $0.trimmingSpaces.isEmpty }) {
      state.error(.hintEmpty, at: fence.at)
      return
    }
    if chunk.code.lowercased().contains("](claim:") {
      state.error(.hintHasClaim, at: fence.at)
      return
    }
    state.hintBlocks.append(
      HintBlock(
        exercise: name.value, nameAt: name.at, goal: attributes[.for],
        hint: Hint(text: chunk.code, location: chunk.location, goal: attributes[.for]?.value)))
  }
}

extension Message {
  static let hintNamesNoExercise = Message(
    "lesson.hint.no-exercise", "a hint block must name its exercise: hint example=NAME")

  static let hintEmpty = Message(
    "lesson.hint.empty", "this hint block is empty: write the hint in it, in Markdown")

  static let hintHasClaim = Message(
    "lesson.hint.claim-inside",
    "a claim inside a hint is never checked: state goals in the lesson's text, and keep hints to words"
  )
}
