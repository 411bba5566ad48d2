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
  /// The version of the cmark library in use, such as "0.30.2".
  public static var libraryVersion: String { String(cString: cmark_version_string()) }

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

  private static func copyTree(_ node: OpaquePointer) -> MarkdownNode {
    var children: [MarkdownNode] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      children.append(copyTree(current))
      child = cmark_node_next(current)
    }
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
      children: children)
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
