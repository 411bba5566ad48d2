/// The blocks stage: reads each fence into the block it is, by its language and attributes.
enum BlockReader {
  static func read(_ fence: Fence, into state: inout ParseState) {
    let info = fence.info
    guard fence.closed else {
      state.error(.fenceNotClosed(fence.marker), at: fence.at)
      state.broken.markNames(of: info)
      return
    }
    guard let kind = BlockKind(rawValue: info.language) else {
      OtherLanguageReader.read(fence, into: &state)
      return
    }
    // A python block is an example only when it says so; any other is prose.
    if kind == .python && !info.attributes.contains(where: { $0.key == "example" }) { return }
    for offset in info.spacedEquals {
      state.error(.attributeSpacedEquals, at: fence.at(offset: offset))
    }
    let attributes = AttributeReader.read(info, on: kind, of: fence, into: &state)
    switch kind {
    case .swift:
      SwiftBlockReader.read(fence, attributes, into: &state)
    case .python:
      PythonBlockReader.read(fence, attributes, into: &state)
    case .hint:
      HintBlockReader.read(fence, attributes, into: &state)
    case .output, .diagnostic, .stderr:
      ExpectedBlockReader.read(kind, fence, attributes, into: &state)
    }
  }

  /// Whether `name` is a valid name for an example or a setup; reports it if not.
  static func checkName(_ name: String, at location: SourceLocation, _ state: inout ParseState)
    -> Bool
  {
    if isValidName(name) { return true }
    state.error(.invalidName(name), at: location)
    return false
  }

  /// An example named by an output, stderr or diagnostic block: `NAME` or `NAME:SETTING`.
  static func checkReference(
    _ reference: String, at location: SourceLocation, _ state: inout ParseState
  ) -> Bool {
    if isValidExampleReference(reference) { return true }
    state.error(.invalidReference(reference), at: location)
    return false
  }
}

extension Message {
  static func fenceNotClosed(_ fence: String) -> Message {
    Message(
      "lesson.fence.not-closed",
      "this code fence is never closed: add a line of \(fence) after its last line")
  }

  static let attributeSpacedEquals = Message(
    "lesson.attribute.spaced-equals",
    "write an attribute without spaces around '=', as in example=NAME")

  static func invalidName(_ name: String) -> Message {
    Message(
      "lesson.name.invalid",
      "'\(name)' is not a valid name: use lower case letters, digits and dashes")
  }

  static func invalidReference(_ reference: String) -> Message {
    Message(
      "lesson.name.invalid-reference",
      "'\(reference)' is not a valid example name: use lower case letters, digits and dashes, and NAME:SETTING for one setting of an example built under several"
    )
  }
}
