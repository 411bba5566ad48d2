import Foundation
import Mustache

/// The page templates and the style sheet, read from this module's resources.
struct Templates: Sendable {
  private let library: MustacheLibrary
  let styleSheet: String
  /// The search page's script, inlined there and allowed by its hash.
  let searchScript: String

  /// Marks where a wrapping template puts the content it wraps (`{{{children}}}`): views
  /// of such templates keep it in a stored `children` property.
  static let childrenMark = "\u{1}children\u{1}"

  init() throws(WeaveError) {
    guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
      throw WeaveError("the site's templates are missing from the lesson-runner installation")
    }
    let folder = resources.appendingPathComponent("templates")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var library = MustacheLibrary()
    MustacheContentTypes.register(ScalarHTML(), named: ScalarHTML.name)
    for name in names.sorted() where name.hasSuffix(".mustache") {
      let url = folder.appendingPathComponent(name)
      do {
        var text = try String(contentsOf: url, encoding: .utf8)
        // A file's last newline is not part of the template: inline ones would gain a space.
        if text.hasSuffix("\n") { text.removeLast() }
        // Every value is escaped by `HTML.escape`, scalar by scalar: Mustache's own escaping
        // goes by Character, and misses a `<` that a prepending mark (U+0600) joins.
        text = "{{% CONTENT_TYPE: \(ScalarHTML.name)}}" + text
        library.register(try MustacheTemplate(string: text), named: String(name.dropLast(9)))
      } catch {
        throw WeaveError("\(url.path):1:1: error: cannot read the template: \(error)")
      }
    }
    guard
      let css = try? String(
        contentsOf: resources.appendingPathComponent("style.css"), encoding: .utf8)
    else {
      throw WeaveError("the site's style sheet is missing from the lesson-runner installation")
    }
    guard
      let search = try? String(
        contentsOf: resources.appendingPathComponent("search.js"), encoding: .utf8)
    else {
      throw WeaveError("the site's search script is missing from the lesson-runner installation")
    }
    self.library = library
    self.styleSheet = css
    self.searchScript = search
  }

  func render(_ template: String, _ object: Any) -> String {
    guard let html = library.render(object, withTemplate: template) else {
      preconditionFailure("LessonWeave has no template '\(template)'")
    }
    return html
  }

  /// The HTML before and after `{{{children}}}` in a template that wraps cmark's rendering.
  func wrap(_ template: String, _ object: Any) -> (before: String, after: String) {
    let html = render(template, object)
    guard let mark = html.range(of: Self.childrenMark) else {
      preconditionFailure("template '\(template)' has no {{{children}}}")
    }
    return (String(html[..<mark.lowerBound]), String(html[mark.upperBound...]))
  }
}

/// Something that keeps the site from being written, said as `path: error: message`
/// where there is a path.
public struct WeaveError: Error, CustomStringConvertible, Sendable {
  public var description: String
  init(_ description: String) { self.description = description }
}

/// HTML escaping for every `{{value}}` of the templates: `HTML.escape`, which goes by
/// Unicode scalar, so that no character a program printed can become markup.
struct ScalarHTML: MustacheContentType {
  static let name = "HTML_SCALARS"
  func escapeText(_ text: String) -> String { HTML.escape(text) }
}
