import CommonMark

/// A `[text](claim:…)` link: a claim, read by `ClaimParser`.
enum LinkReader {
  static func read(_ node: MarkdownNode, into state: inout ParseState) {
    guard let url = node.url, url.lowercased().hasPrefix("claim:") else { return }
    state.claimLinks += 1
    let at = state.location(node.start)
    if node.kind == .image {
      state.error(.claimIsImage, at: at)
      return
    }
    guard url.hasPrefix("claim:") else {
      state.error(.claimSchemeCase, at: at)
      return
    }
    if node.plainText == url {
      state.error(.claimAutolink(url), at: at)
      return
    }
    let target = String(url.dropFirst("claim:".count))
    let text = node.plainText.trimmingSpaces.description
    do throws(Diagnostic) {
      state.claims.append(
        try ClaimParser.parse(text: text, target: target, title: node.title ?? "", at: at))
    } catch {
      state.diagnostics.append(error)
    }
  }
}

extension Message {
  static let claimIsImage = Message(
    "lesson.claim.image",
    "an image is not a claim, and would never be checked: write the claim as a link, without the '!'"
  )

  static let claimSchemeCase = Message(
    "lesson.claim.scheme-case", "write 'claim:' in lower case, or the link is not read as a claim")

  static func claimAutolink(_ url: String) -> Message {
    Message(
      "lesson.claim.autolink",
      "an autolink <\(url)> states no number, so it claims nothing: write [about 2 s](\(url))")
  }
}
