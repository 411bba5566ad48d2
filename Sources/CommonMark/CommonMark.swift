// The only file that touches cmark's C API. No C pointer leaves it: every
// function copies what it needs into Swift values and frees what cmark
// allocated before it returns.

internal import CCmark
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the HTML renderer should treat one node.
public enum HTMLOverride: Sendable, Equatable {
  /// Put this HTML where the node was, instead of the node and its children.
  case replace(String)
  /// Keep the node's children, rendered by cmark, between these two pieces of HTML.
  case wrap(before: String, after: String)
}

public enum CommonMark {
  /// How many documents cmark has parsed in this process: every `parse` and every
  /// `renderHTML` of a string adds one.
  public static var parseCount: Int { parses.load(ordering: .relaxed) }

  private static let parses = Atomic(0)

  /// Counts the documents cmark parses while `body` runs, on this task (or thread) and in
  /// the child tasks it starts: parses that other tasks make at the same time do not count.
  public static func countingParses<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (
    result: T, parses: Int
  ) {
    let tally = ParseTally()
    let result = $tallies.withValue(tallies + [tally]) {
      Result { () throws(E) -> T in try body() }
    }
    return (try result.get(), tally.count.load(ordering: .relaxed))
  }

  /// The counts of `countingParses` calls under way on this task, innermost last.
  @TaskLocal private static var tallies: [ParseTally] = []

  private final class ParseTally: Sendable {
    let count = Atomic(0)
  }

  /// Parses `markdown` into a tree of Swift values.
  public static func parse(_ markdown: String) -> MarkdownNode {
    withDocument(markdown) { root in copyTree(root) }
  }

  /// Renders `markdown` as `renderHTML(_:override:)` renders the tree `parse` gives: one
  /// parse. A lesson's text is parsed once, by `LessonParser`; this is for other Markdown,
  /// such as a hint's.
  public static func renderHTML(
    _ markdown: String, override: (MarkdownNode) -> HTMLOverride? = { _ in nil }
  ) -> String {
    renderHTML(parse(markdown), override: override)
  }

  /// Renders a parsed tree to HTML with cmark's safe renderer, as cmark renders the source
  /// it was parsed from: raw HTML becomes a comment and unsafe link destinations are
  /// dropped. It builds cmark's tree from the Swift one without parsing again.
  ///
  /// `override` is asked about every heading, code block and link, in document order, but
  /// not about those inside a node it replaced; HTML it returns is emitted as given, so the
  /// caller is responsible for escaping it. Below a `flattened` node, whose structure was
  /// too deep to keep, only the text is rendered.
  public static func renderHTML(
    _ document: MarkdownNode, override: (MarkdownNode) -> HTMLOverride? = { _ in nil }
  ) -> String {
    guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else {
      fatalError("cmark could not allocate a document")
    }
    defer { cmark_node_free(root) }
    build(document, under: root, override: override)
    return html(of: root)
  }

  /// cmark's own HTML of `markdown`, parsed and rendered in C with no Swift tree between:
  /// what `renderHTML` of the parsed tree must equal.
  static func cmarkHTML(_ markdown: String) -> String {
    withDocument(markdown) { root in html(of: root) }
  }

  private static func html(of root: OpaquePointer) -> String {
    guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }

  private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T {
    let length = markdown.utf8.count
    let root = markdown.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
    parses.wrappingAdd(1, ordering: .relaxed)
    for tally in tallies { tally.count.wrappingAdd(1, ordering: .relaxed) }
    guard let root else { fatalError("cmark could not allocate a document") }
    defer { cmark_node_free(root) }
    return body(root)
  }

  /// Builds under `root`, an empty cmark document, the nodes of `document`, without
  /// recursion (a tree may nest deeply), each node before its children so that cmark never
  /// walks up the tree to check an append. A node cmark cannot hold where it stands (text
  /// straight under a document, in a tree made by hand) is left out with its children.
  private static func build(
    _ document: MarkdownNode, under root: OpaquePointer,
    override: (MarkdownNode) -> HTMLOverride?
  ) {
    // Nodes still to build, each with the cmark node it goes under, the next one last.
    var pending: [(node: MarkdownNode, parent: OpaquePointer)] = []
    func fill(_ parent: OpaquePointer, withChildrenOf node: MarkdownNode) {
      if node.flattened {
        appendText(node.plainText, to: parent, asIn: node.kind)
      } else {
        pending += node.children.reversed().map { ($0, parent) }
      }
    }
    if document.kind == .document {
      fill(root, withChildrenOf: document)
    } else {
      // A part of a document: an inline one needs a paragraph around it.
      let parent = isInline(document.kind) ? append(CMARK_NODE_PARAGRAPH, to: root) : root
      if let parent { pending.append((document, parent)) }
    }
    while let (node, parent) = pending.popLast() {
      switch node.kind {
      case .heading, .codeBlock, .link:
        guard let change = override(node) else { break }
        let custom = append(
          node.kind == .link ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK, to: parent)
        guard let custom else { continue }
        switch change {
        case .replace(let html):
          cmark_node_set_on_enter(custom, html)
        case .wrap(let before, let after):
          cmark_node_set_on_enter(custom, before)
          cmark_node_set_on_exit(custom, after)
          // A custom block may hold inlines, so a heading's text goes in it whole.
          fill(custom, withChildrenOf: node)
        }
        continue
      default:
        break
      }
      guard let made = append(type(of: node.kind), to: parent) else { continue }
      set(node, on: made)
      fill(made, withChildrenOf: node)
    }
  }

  /// Appends a new node of `type` to `parent`; nil when cmark cannot hold it there.
  private static func append(_ type: cmark_node_type, to parent: OpaquePointer) -> OpaquePointer? {
    guard let node = cmark_node_new(type) else { fatalError("cmark could not allocate a node") }
    guard cmark_node_append_child(parent, node) == 1 else {
      cmark_node_free(node)
      return nil
    }
    return node
  }

  /// Appends `text`, the text of a flattened node of `kind`, to `parent`, which stands for
  /// that node: in a paragraph (and an item) when the node holds blocks (or items).
  private static func appendText(
    _ text: String, to parent: OpaquePointer, asIn kind: MarkdownNode.Kind
  ) {
    guard !text.isEmpty else { return }
    var holder: OpaquePointer? = parent
    switch kind {
    case .list:
      holder = append(CMARK_NODE_ITEM, to: parent).flatMap { append(CMARK_NODE_PARAGRAPH, to: $0) }
    case .document, .blockQuote, .item, .customBlock:
      holder = append(CMARK_NODE_PARAGRAPH, to: parent)
    default:
      break
    }
    guard let holder, let node = append(CMARK_NODE_TEXT, to: holder) else { return }
    cmark_node_set_literal(node, text)
  }

  /// A node's own data, written on the cmark node made for it.
  private static func set(_ node: MarkdownNode, on made: OpaquePointer) {
    switch node.kind {
    case .heading(let level):
      cmark_node_set_heading_level(made, Int32(clamping: level))
    case .list(let ordered):
      cmark_node_set_list_type(made, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
      guard let style = node.listStyle else { break }
      cmark_node_set_list_tight(made, style.isTight ? 1 : 0)
      if let start = style.start { cmark_node_set_list_start(made, Int32(clamping: start)) }
      switch style.delimiter {
      case .period?: cmark_node_set_list_delim(made, CMARK_PERIOD_DELIM)
      case .parenthesis?: cmark_node_set_list_delim(made, CMARK_PAREN_DELIM)
      case nil: break
      }
    case .codeBlock:
      cmark_node_set_fence_info(made, node.fenceInfo ?? "")
      cmark_node_set_literal(made, node.literal ?? "")
    case .htmlBlock, .text, .code, .htmlInline:
      cmark_node_set_literal(made, node.literal ?? "")
    case .link, .image:
      cmark_node_set_url(made, node.url ?? "")
      cmark_node_set_title(made, node.title ?? "")
    default:
      break
    }
  }

  private static func type(of kind: MarkdownNode.Kind) -> cmark_node_type {
    switch kind {
    case .document: return CMARK_NODE_DOCUMENT
    case .blockQuote: return CMARK_NODE_BLOCK_QUOTE
    case .list: return CMARK_NODE_LIST
    case .item: return CMARK_NODE_ITEM
    case .codeBlock: return CMARK_NODE_CODE_BLOCK
    case .htmlBlock: return CMARK_NODE_HTML_BLOCK
    case .customBlock: return CMARK_NODE_CUSTOM_BLOCK
    case .paragraph: return CMARK_NODE_PARAGRAPH
    case .heading: return CMARK_NODE_HEADING
    case .thematicBreak: return CMARK_NODE_THEMATIC_BREAK
    case .text: return CMARK_NODE_TEXT
    case .softBreak: return CMARK_NODE_SOFTBREAK
    case .lineBreak: return CMARK_NODE_LINEBREAK
    case .code: return CMARK_NODE_CODE
    case .htmlInline: return CMARK_NODE_HTML_INLINE
    case .customInline: return CMARK_NODE_CUSTOM_INLINE
    case .emphasis: return CMARK_NODE_EMPH
    case .strong: return CMARK_NODE_STRONG
    case .link: return CMARK_NODE_LINK
    case .image: return CMARK_NODE_IMAGE
    }
  }

  private static func isInline(_ kind: MarkdownNode.Kind) -> Bool {
    switch kind {
    case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong,
      .link, .image:
      return true
    default:
      return false
    }
  }

  /// Copies the tree under `node`, without recursion: a hostile document may nest thousands
  /// of block quotes or emphases. Below `MarkdownNode.maximumDepth` the nodes are kept in
  /// document order as leaves of the node at that depth, which is marked `flattened`.
  private static func copyTree(_ root: OpaquePointer) -> MarkdownNode {
    struct Frame {
      var node: MarkdownNode
      var children: [MarkdownNode] = []
    }
    guard let iter = cmark_iter_new(root) else { return copyNode(root) }
    defer { cmark_iter_free(iter) }
    var stack: [Frame] = []
    var depth = 0  // of the node entered last, counting the root as 1
    var result: MarkdownNode?
    func add(_ node: MarkdownNode) {
      if stack.isEmpty { result = node } else { stack[stack.count - 1].children.append(node) }
    }
    while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
      guard let node = cmark_iter_get_node(iter) else { continue }
      let isLeaf = isLeafType(cmark_node_get_type(node))
      if event == CMARK_EVENT_ENTER {
        if depth >= MarkdownNode.maximumDepth {
          // Too deep: a leaf of the deepest node kept, and its children after it.
          stack[stack.count - 1].node.flattened = true
          stack[stack.count - 1].children.append(copyNode(node))
          if !isLeaf { depth += 1 }
        } else if isLeaf {
          add(copyNode(node))
        } else {
          depth += 1
          stack.append(Frame(node: copyNode(node)))
        }
      } else if event == CMARK_EVENT_EXIT {
        if depth > MarkdownNode.maximumDepth {
          depth -= 1
        } else if let frame = stack.popLast() {
          depth -= 1
          var finished = frame.node
          finished.children = frame.children
          add(finished)
        }
      }
    }
    return result ?? copyNode(root)
  }

  /// Nodes for which cmark's iterator reports only an enter event.
  private static func isLeafType(_ type: cmark_node_type) -> Bool {
    [
      CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
      CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
    ].contains(type)
  }

  /// One node's own data, without its children.
  private static func copyNode(_ node: OpaquePointer) -> MarkdownNode {
    let type = cmark_node_get_type(node)
    return MarkdownNode(
      kind: kind(of: node, type: type),
      start: SourcePosition(
        line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
      end: SourcePosition(
        line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))),
      literal: string(cmark_node_get_literal(node)),
      fenceInfo: type == CMARK_NODE_CODE_BLOCK
        ? string(cmark_node_get_fence_info(node)) ?? "" : nil,
      url: string(cmark_node_get_url(node)),
      title: string(cmark_node_get_title(node)),
      listStyle: type == CMARK_NODE_LIST ? listStyle(of: node) : nil)
  }

  private static func listStyle(of list: OpaquePointer) -> MarkdownNode.ListStyle {
    guard cmark_node_get_list_type(list) == CMARK_ORDERED_LIST else {
      return MarkdownNode.ListStyle(isTight: cmark_node_get_list_tight(list) != 0)
    }
    return MarkdownNode.ListStyle(
      isTight: cmark_node_get_list_tight(list) != 0,
      start: Int(cmark_node_get_list_start(list)),
      delimiter: cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? .parenthesis : .period)
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private static func kind(of node: OpaquePointer, type: cmark_node_type) -> MarkdownNode.Kind {
    switch type {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    default: return .customBlock
    }
  }
}
