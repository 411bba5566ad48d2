import CommonMark

/// What the parser reads in a lesson's tree, in the order of the file.
enum ScannedItem {
  /// A node cmark did not read into, nested too deep.
  case tooDeep(SourceLocation)
  /// The first level-1 heading: the lesson's title.
  case title(String, SourceLocation)
  case fence(Fence)
  case link(MarkdownNode)
  case html(MarkdownNode, isBlock: Bool)
}

/// A fenced code block as written: where its fence and info string are, whether it is
/// closed, and its code.
struct Fence {
  /// The fence's first character.
  var at: SourceLocation
  var info: InfoString
  /// The column where the info string starts.
  var infoColumn: Int
  /// The fence itself, such as ```` ``` ````.
  var marker: String
  /// Whether a closing fence ends it; an unclosed fence runs to the end of its container.
  var closed: Bool
  /// Its code, from the line after the fence.
  var chunk: CodeChunk

  /// Where an attribute of the info string is written.
  func at(_ attribute: InfoString.Attribute) -> SourceLocation {
    SourceLocation(file: at.file, line: at.line, column: infoColumn + attribute.offset)
  }

  /// A place in the info string, `offset` bytes into it.
  func at(offset: Int) -> SourceLocation {
    SourceLocation(file: at.file, line: at.line, column: infoColumn + offset)
  }
}

/// Walks the tree cmark made of a lesson (the one parse of it) and lexes its fences.
struct FenceScanner {
  let path: String
  let lines: [Substring]

  func scan(_ document: MarkdownNode) -> [ScannedItem] {
    var items: [ScannedItem] = []
    var titled = false
    for node in document.descendants {
      if node.flattened { items.append(.tooDeep(location(node.start))) }
      switch node.kind {
      case .heading(level: 1) where !titled:
        titled = true
        items.append(.title(node.plainText.trimmingSpaces.description, location(node.start)))
      case .codeBlock:
        if let fence = fence(node) { items.append(.fence(fence)) }
      case .link, .image:
        items.append(.link(node))
      case .htmlBlock:
        items.append(.html(node, isBlock: true))
      case .htmlInline:
        items.append(.html(node, isBlock: false))
      default:
        break
      }
    }
    return items
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    SourceLocation(file: path, line: max(position.line, 1), column: max(position.column, 1))
  }

  func lineBytes(_ number: Int) -> [UInt8] {
    number >= 1 && number <= lines.count ? Array(lines[number - 1].utf8) : []
  }

  /// The fence of a fenced code block; nil for an indented one, which is prose, never read.
  func fence(_ node: MarkdownNode) -> Fence? {
    let space = UInt8(ascii: " ")
    let at = location(node.start)
    let fromBlock = lineBytes(node.start.line).dropFirst(max(node.start.column - 1, 0))
    let leading = fromBlock.prefix { $0 == space }.count
    let fenceText = fromBlock.dropFirst(leading)
    guard let fenceChar = fenceText.first,
      fenceChar == UInt8(ascii: "`") || fenceChar == UInt8(ascii: "~")
    else { return nil }
    let fenceLength = fenceText.prefix { $0 == fenceChar }.count
    let afterFence = fenceText.dropFirst(fenceLength)
    let infoColumn =
      node.start.column + leading + fenceLength
      + afterFence.prefix { $0 == space || $0 == UInt8(ascii: "\t") }.count
    let code = LessonSource.normalizingLineEndings(node.literal ?? "")
    return Fence(
      at: at, info: InfoString(node.fenceInfo ?? ""), infoColumn: infoColumn,
      marker: String(repeating: Character(Unicode.Scalar(fenceChar)), count: fenceLength),
      closed: isClosingFence(
        line: node.end.line, char: fenceChar, length: fenceLength, after: node.start.line),
      chunk: CodeChunk(
        code: code,
        location: SourceLocation(file: path, line: node.start.line + 1, column: at.column)))
  }

  /// An unclosed fence runs to the end of its container, so its last line is not a fence.
  func isClosingFence(line: Int, char: UInt8, length: Int, after startLine: Int) -> Bool {
    guard line > startLine else { return false }
    var text = lineBytes(line)[...]
    // Strip block-quote markers and indentation before the fence.
    while let first = text.first, first == UInt8(ascii: " ") || first == UInt8(ascii: ">") {
      text = text.dropFirst()
    }
    let run = text.prefix { $0 == char }.count
    return run >= length
      && text.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }
}

extension Message {
  static let tooDeep = Message(
    "lesson.markdown.too-deep",
    "Markdown nested more than \(MarkdownNode.maximumDepth) levels deep is not read: nest block quotes, lists and emphasis less"
  )
}
