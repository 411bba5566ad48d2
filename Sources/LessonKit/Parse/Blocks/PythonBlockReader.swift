/// A python block that says `example=`: an example (or a version of an exercise) run with
/// python3.
enum PythonBlockReader {
  static func read(_ fence: Fence, _ attributes: BlockAttributes, into state: inout ParseState) {
    guard let name = attributes[.example] else { return }  // its value was missing: reported
    guard BlockReader.checkName(name.value, at: name.at, &state), !attributes.broken else {
      state.broken.markNames(of: fence.info)
      return
    }
    guard let version = SwiftBlockReader.exerciseVersion(attributes, &state) else {
      state.broken.markNames(of: fence.info)
      return
    }
    state.exampleBlocks.append(
      ExampleBlock(
        name: name.value, fence: fence.at, chunk: fence.chunk, hidden: false,
        settings: attributes.exampleSettings, language: .python, version: version))
  }
}
