/// A position in a Markdown source, 1-based. Line 0 means cmark did not know.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// One node of a parsed CommonMark document, copied out of cmark's tree.
///
/// Values of this type own all their data: nothing in them points into C memory.
public struct MarkdownNode: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case document, blockQuote, list(ordered: Bool), item, codeBlock, htmlBlock, customBlock
    case paragraph, heading(level: Int), thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
  }

  public var kind: Kind
  public var start: SourcePosition
  public var end: SourcePosition
  /// The text of text, code, code-block and HTML nodes.
  public var literal: String?
  /// The whole info string of a code block ("" when there is none).
  public var fenceInfo: String?
  /// Destination and title of links and images.
  public var url: String?
  public var title: String?
  /// How a list is written, which its HTML shows; nil for every other node.
  public var listStyle: ListStyle?
  public var children: [MarkdownNode]
  /// Nodes nested deeper than `maximumDepth` were found below this one; they are its
  /// children, in document order, without their own children.
  public var flattened = false

  /// How deeply nodes nest in a copied tree, counting the document as 1. Nothing a reader
  /// writes comes near it; a deeper tree could exhaust the stack of code that walks it.
  public static let maximumDepth = 100

  public init(
    kind: Kind, start: SourcePosition, end: SourcePosition, literal: String? = nil,
    fenceInfo: String? = nil, url: String? = nil, title: String? = nil,
    listStyle: ListStyle? = nil, children: [MarkdownNode] = []
  ) {
    self.kind = kind
    self.start = start
    self.end = end
    self.literal = literal
    self.fenceInfo = fenceInfo
    self.url = url
    self.title = title
    self.listStyle = listStyle
    self.children = children
  }

  /// The document of an empty source: what a lesson made without parsing holds.
  public static let emptyDocument = MarkdownNode(
    kind: .document, start: SourcePosition(line: 1, column: 1),
    end: SourcePosition(line: 0, column: 0))

  /// What a list's HTML depends on, besides whether it is ordered (its `kind`).
  public struct ListStyle: Sendable, Equatable {
    public enum Delimiter: Sendable, Equatable {
      /// `1.`
      case period
      /// `1)`
      case parenthesis
    }

    /// No blank line separates the items or the blocks in them, so the paragraphs in its
    /// items render without `<p>`.
    public var isTight: Bool
    /// An ordered list's first number (its `<ol start>` unless 1); nil for a bullet list.
    public var start: Int?
    /// What follows each number of an ordered list; nil for a bullet list.
    public var delimiter: Delimiter?

    public init(isTight: Bool, start: Int? = nil, delimiter: Delimiter? = nil) {
      self.isTight = isTight
      self.start = start
      self.delimiter = delimiter
    }
  }

  /// The text a reader sees in this node, with soft breaks as spaces.
  public var plainText: String {
    var text = ""
    for node in [self] + descendants {
      switch node.kind {
      case .text, .code: text += node.literal ?? ""
      case .softBreak, .lineBreak: text += " "
      default: break
      }
    }
    return text
  }

  /// Every node below this one, depth first, in document order.
  public var descendants: [MarkdownNode] {
    var result: [MarkdownNode] = []
    var stack: [MarkdownNode] = children.reversed()
    while let node = stack.popLast() {
      result.append(node)
      stack.append(contentsOf: node.children.reversed())
    }
    return result
  }
}
