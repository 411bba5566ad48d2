// The only file that touches cmark's C API. No C pointer leaves it: every
// function copies what it needs into Swift values and frees what cmark
// allocated before it returns.

internal import CCmark

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
  /// Parses `markdown` into a tree of Swift values.
  public static func parse(_ markdown: String) -> MarkdownNode {
    withDocument(markdown) { root in copyTree(root) }
  }

  /// Renders `markdown` to HTML with cmark's safe renderer: raw HTML in the
  /// source becomes a comment and unsafe link destinations are dropped.
  ///
  /// `override` is asked about every heading, code block and link; HTML it
  /// returns is emitted as given, so the caller is responsible for escaping it.
  public static func renderHTML(
    _ markdown: String, override: (MarkdownNode) -> HTMLOverride? = { _ in nil }
  ) -> String {
    withDocument(markdown) { root in
      var targets: [OpaquePointer] = []
      if let iter = cmark_iter_new(root) {
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
          if cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER,
            let node = cmark_iter_get_node(iter),
            [CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_LINK]
              .contains(cmark_node_get_type(node))
          {
            targets.append(node)
          }
        }
        cmark_iter_free(iter)
      }
      // Replace only after the walk: cmark forbids changing a tree under an iterator.
      for node in targets {
        guard let change = override(copyTree(node)) else { continue }
        apply(change, to: node)
      }
      guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
      defer { free(html) }
      return String(cString: html)
    }
  }

  private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T {
    let length = markdown.utf8.count
    let root = markdown.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
    guard let root else { fatalError("cmark could not allocate a document") }
    defer { cmark_node_free(root) }
    return body(root)
  }

  private static func apply(_ change: HTMLOverride, to node: OpaquePointer) {
    let isBlock = cmark_node_get_type(node) != CMARK_NODE_LINK
    guard let custom = cmark_node_new(isBlock ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)
    else { return }
    switch change {
    case .replace(let html):
      cmark_node_set_on_enter(custom, html)
    case .wrap(let before, let after):
      cmark_node_set_on_enter(custom, before)
      cmark_node_set_on_exit(custom, after)
      // A custom block may hold inlines, so a heading's text moves across whole.
      while let child = cmark_node_first_child(node) {
        cmark_node_unlink(child)
        cmark_node_append_child(custom, child)
      }
    }
    cmark_node_insert_before(node, custom)
    cmark_node_unlink(node)
    cmark_node_free(node)
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
      title: string(cmark_node_get_title(node)))
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
