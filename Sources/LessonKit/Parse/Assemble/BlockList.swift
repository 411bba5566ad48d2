/// The lesson's list of fenced blocks, each with what it is (`Lesson.blocks`): recorded as
/// each fence is read, from the block the reader made of it.
extension ParseState {
  /// How many blocks of each kind were read so far.
  struct BlockCounts {
    var examples, setups, expected, hints: Int
  }

  var blockCounts: BlockCounts {
    BlockCounts(
      examples: exampleBlocks.count, setups: setupBlocks.count, expected: expectedBlocks.count,
      hints: hintBlocks.count)
  }

  /// Records what `fence` was read as: the block its reader made (with the counts from
  /// `before` it was read), or a fragment or prose when it made none.
  mutating func recordBlock(_ fence: Fence, readAfter before: BlockCounts) {
    let language = fence.info.language
    let role: FencedBlock.Role
    if exampleBlocks.count > before.examples, let block = exampleBlocks.last {
      role = .example(name: block.name, version: block.version?.0)
    } else if setupBlocks.count > before.setups,
      let block = setupBlocks.values.first(where: { $0.fence == fence.at })
    {
      role = .setup(name: block.name)
    } else if expectedBlocks.count > before.expected, let block = expectedBlocks.last {
      switch block.kind {
      case .output: role = .output(example: block.example)
      case .stderr: role = .stderr(example: block.example)
      default: role = .diagnostic(example: block.example)
      }
    } else if hintBlocks.count > before.hints, let block = hintBlocks.last {
      role = .hint(exercise: block.exercise)
    } else {
      role = language == BlockKind.swift.rawValue ? .fragment : .prose
    }
    blocks.append(FencedBlock(fence: fence.at, language: language, role: role))
  }
}
